package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"cn.planreview/planreview/model/domain"
)

// chainSchema is the schema that chains history rows by hash
// (0008_history_chain.sql).
const chainSchema = 8

// historyRow is a history row as hashed: every column, NULLs told apart
// from empty text.
type historyRow struct {
	id                                  int64
	plan, at, who, action, item, period string
	before, after                       sql.NullString
	detail                              string
	undoes                              sql.NullInt64
}

const historyColumns = `h.id, h.plan_id, h.at, h.who, h.action, h.item_id, h.period, h.before, h.after, h.detail, h.undoes`

func (r *historyRow) scan(sc interface{ Scan(...any) error }, extra ...any) error {
	return sc.Scan(append([]any{&r.id, &r.plan, &r.at, &r.who, &r.action, &r.item, &r.period,
		&r.before, &r.after, &r.detail, &r.undoes}, extra...)...)
}

// chainHash is a row's hash: sha256 of the previous row's hash and of the
// row's columns, each with its length (and NULL marked), so no two rows
// hash alike by running together.
func chainHash(prev string, r historyRow) string {
	h := sha256.New()
	var n [8]byte
	put := func(s string, null bool) {
		if null {
			h.Write([]byte{0})
			return
		}
		h.Write([]byte{1})
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	put(prev, false)
	put(fmt.Sprint(r.id), false)
	for _, s := range []string{r.plan, r.at, r.who, r.action, r.item, r.period} {
		put(s, false)
	}
	put(r.before.String, !r.before.Valid)
	put(r.after.String, !r.after.Valid)
	put(r.detail, false)
	put(fmt.Sprint(r.undoes.Int64), !r.undoes.Valid)
	return hex.EncodeToString(h.Sum(nil))
}

// querier is what chaining needs of a transaction.
type querier interface {
	QueryRow(query string, args ...any) *sql.Row
	Exec(query string, args ...any) (sql.Result, error)
}

// chainRow gives the history row id its hash, chained to the newest hash
// before it. Called in the transaction that wrote the row.
func chainRow(tx querier, id int64) error {
	var r historyRow
	if err := r.scan(tx.QueryRow(`SELECT `+historyColumns+` FROM history h WHERE h.id = ?`, id)); err != nil {
		return err
	}
	var prev string
	err := tx.QueryRow(`SELECT hash FROM history_chain WHERE history_id < ? ORDER BY history_id DESC LIMIT 1`, id).Scan(&prev)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	_, err = tx.Exec(`INSERT INTO history_chain (history_id, hash) VALUES (?, ?)`, id, chainHash(prev, r))
	return err
}

// chainExisting computes the hashes of the rows history holds when the
// chain is introduced, once, in id order.
func chainExisting(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT ` + historyColumns + ` FROM history h ORDER BY h.id`)
	if err != nil {
		return err
	}
	var all []historyRow
	for rows.Next() {
		var r historyRow
		if err := r.scan(rows); err != nil {
			rows.Close()
			return err
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	prev := ""
	for _, r := range all {
		prev = chainHash(prev, r)
		if _, err := tx.Exec(`INSERT INTO history_chain (history_id, hash) VALUES (?, ?)`, r.id, prev); err != nil {
			return err
		}
	}
	return nil
}

// ChainBreak is the first history row that does not fit the chain.
type ChainBreak struct {
	ID          int64
	At, Who     string
	Action      string
	ItemID      string
	MissingHash bool // the row has no hash: added behind the program's back
}

func (b ChainBreak) Error() string {
	what := fmt.Sprintf("修改记录 #%d（%s %s %s", b.ID, b.At, b.Who, domain.Action(b.Action).Label())
	if b.ItemID != "" {
		what += " " + b.ItemID
	}
	what += "）"
	if b.MissingHash {
		return what + "没有哈希：该行不是由本程序写入的（数据库曾在程序之外被改动）"
	}
	return what + "与哈希链不符：该行写入后被改动，或其前的记录被删除（数据库曾在程序之外被改动）"
}

// VerifyHistoryChain recomputes the hash of every history row, of every
// plan, in id order, and returns the first row whose stored hash does not
// fit (a ChainBreak), or nil. It also returns how many rows it checked.
func (s *Store) VerifyHistoryChain() (int, error) {
	rows, err := s.db.Query(`SELECT ` + historyColumns + `, c.hash FROM history h LEFT JOIN history_chain c ON c.history_id = h.id ORDER BY h.id`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	prev, n := "", 0
	for rows.Next() {
		var r historyRow
		var stored sql.NullString
		if err := r.scan(rows, &stored); err != nil {
			return n, err
		}
		want := chainHash(prev, r)
		if !stored.Valid || stored.String != want {
			return n, ChainBreak{ID: r.id, At: r.at, Who: r.who, Action: r.action, ItemID: r.item, MissingHash: !stored.Valid}
		}
		prev = want
		n++
	}
	return n, rows.Err()
}
