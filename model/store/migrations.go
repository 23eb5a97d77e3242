package store

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations in order. A file is named
// NNNN_what.sql; its number is the schema version it brings the database
// to, kept in PRAGMA user_version.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: no version number", base)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// noticeSchema is the schema that gave plans their notice text
// (0003_plan_notice.sql).
const noticeSchema = 3

// plansSchema is the schema that holds several plans, with plan_id on
// every table (0004_several_plans.sql).
const plansSchema = 4

// priorSchema is the schema that pairs a plan's items with last year's
// (0005_prior_year.sql).
const priorSchema = 5

// unitsSchema is the schema that gives items their 责任单位
// (0006_units.sql).
const unitsSchema = 6

// SchemaVersion is the newest schema this program knows.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// migrate brings the database up to SchemaVersion, each migration in its
// own transaction together with the user_version that records it, so a
// crash leaves the database at one version or the next, never between.
func migrate(db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var current int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&current); err != nil {
		return err
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		failed := fmt.Sprintf("数据库升级（%s）失败", m.name)
		err := inTx(db, txWords{commit: failed}, func(tx *sql.Tx) error {
			if _, err := tx.Exec(m.sql); err != nil {
				return wrapIf(failed, err)
			}
			if m.version == priorSchema {
				// A workspace that already holds two years of a city
				// gets the pairs a new plan would get.
				if err := pairExistingPlans(migrationWtx(tx, m.version)); err != nil {
					return wrapIf(failed, err)
				}
			}
			if m.version == chainSchema {
				if err := chainExisting(tx); err != nil {
					return wrapIf(failed, err)
				}
			}
			if m.version == unitsSchema {
				// Plans made from tables kept their 责任单位 in notes.
				if err := seedExistingUnits(migrationWtx(tx, m.version)); err != nil {
					return wrapIf(failed, err)
				}
			}
			// A rebuilt table must leave every reference resolving; a
			// dangling one rolls the whole migration back.
			if err := foreignKeysHold(tx); err != nil {
				return wrapIf(failed, err)
			}
			_, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, m.version))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// migrationWtx is the write transaction a migration's Go step writes
// through. Before the history chain exists (chainSchema) its history rows
// go unhashed: the chain's own migration hashes every row there is then.
func migrationWtx(tx *sql.Tx, version int) *wtx {
	w := newWtx(tx, time.Now(), "")
	w.unchained = version < chainSchema
	return w
}

// foreignKeysHold runs PRAGMA foreign_key_check inside tx and fails
// naming the first row that refers to nothing.
func foreignKeysHold(tx *sql.Tx) error {
	rows, err := tx.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return err
		}
		return fmt.Errorf("表 %s 第 %v 行指向不存在的 %s", table, rowid, parent)
	}
	return rows.Err()
}
