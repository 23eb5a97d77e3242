package store

import (
	"database/sql"
	"fmt"
	"os"
)

// A read-only open never writes to the file, yet every query names a
// plan_id column that a file of a release before several plans does not
// have. Such a file is read through a migrated copy in a temporary
// folder instead: the file itself stays exactly as it was (check, and
// the damaged-database window's 只读打开, open such files).

// readPath is the file a read-only open reads: path itself, or a migrated
// copy of it (then tmp is that copy, to remove on Close).
func readPath(path string) (read, tmp string, err error) {
	db, err := sql.Open("sqlite", dsn(path, true)+immutableIfNoWAL(path))
	if err != nil {
		return "", "", err
	}
	defer db.Close()
	var version int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return "", "", fmt.Errorf("无法读取数据库“%s”：%w", path, err)
	}
	if version >= plansSchema {
		return path, "", nil
	}
	f, err := os.CreateTemp("", "planreview-readonly-*.db")
	if err != nil {
		return "", "", err
	}
	tmp = f.Name()
	f.Close()
	os.Remove(tmp) // VACUUM INTO wants no file there
	fail := func(err error) (string, string, error) {
		os.Remove(tmp)
		return "", "", fmt.Errorf("无法以只读方式打开旧版本数据库“%s”：%w", path, err)
	}
	if _, err := db.Exec(`VACUUM INTO ?`, tmp); err != nil {
		return fail(err)
	}
	cdb, err := sql.Open("sqlite", dsn(tmp, false))
	if err != nil {
		return fail(err)
	}
	err = migrate(cdb)
	if cerr := cdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(err)
	}
	return tmp, tmp, nil
}
