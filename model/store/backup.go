package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Backups are consistent snapshots (VACUUM INTO) in a folder beside the
// database: at every start, before every import and restore. The newest
// ten are kept, and the newest of each day for the last thirty days. Each
// is checked after it is written.
const (
	keepRecent = 10
	keepDays   = 30
)

// BackupDir is the folder of automatic backups for a database.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// Info describes a database file for a person choosing whether to restore
// it: which plan, how much work it holds, and the last change.
type Info struct {
	Path       string
	Plan       string
	Schema     int
	Actuals    int
	Notes      int
	LastChange time.Time
	LastBy     string
	Modified   time.Time // the file's time
}

// String is the Info in one Chinese sentence.
func (i Info) String() string {
	last := "无修改记录"
	if !i.LastChange.IsZero() {
		last = fmt.Sprintf("最后修改：%s，%s", i.LastChange.Format("2006-01-02 15:04"), i.LastBy)
	}
	return fmt.Sprintf("《%s》，实际值%d条，备注%d条，%s", i.Plan, i.Actuals, i.Notes, last)
}

// Describe checks a database file and says what it holds, reading it
// without writing.
func Describe(path string) (Info, error) {
	if err := Check(path); err != nil {
		return Info{}, err
	}
	db, err := sql.Open("sqlite", dsn(path, true)+immutableIfNoWAL(path))
	if err != nil {
		return Info{}, err
	}
	defer db.Close()
	info := Info{Path: path}
	if st, err := os.Stat(path); err == nil {
		info.Modified = st.ModTime()
	}
	db.QueryRow(`PRAGMA user_version`).Scan(&info.Schema)
	db.QueryRow(`SELECT title FROM plans ORDER BY rowid LIMIT 1`).Scan(&info.Plan)
	db.QueryRow(`SELECT count(*) FROM actuals`).Scan(&info.Actuals)
	db.QueryRow(`SELECT count(*) FROM notes`).Scan(&info.Notes)
	var at, who sql.NullString
	db.QueryRow(`SELECT at, who FROM history WHERE who <> '系统' ORDER BY id DESC LIMIT 1`).Scan(&at, &who)
	if at.Valid {
		info.LastChange, _ = time.Parse(time.RFC3339, at.String)
		info.LastBy = who.String
	}
	return info, nil
}

func immutableIfNoWAL(path string) string {
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		return "&immutable=1"
	}
	return ""
}

// takeSnapshot writes a consistent copy of the database at src to dst with
// VACUUM INTO, through a temporary name, and checks it.
func takeSnapshot(db *sql.DB, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	tmp := dst + ".tmp"
	os.Remove(tmp)
	if _, err := db.Exec(`VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("备份失败：%w", err)
	}
	if err := Check(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("备份写入后检查未通过：%w", err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, dst)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// Backup writes a checked snapshot of the open database to path.
func (s *Store) Backup(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("文件“%s”已存在，请换一个文件名", path)
	}
	return takeSnapshot(s.db, path)
}

// autoBackup writes a snapshot into the backup folder, named by time and
// reason, then prunes the folder. A failed backup is reported, not fatal:
// refusing to start because a backup could not be written would cost the
// reviewer more than it protects.
func autoBackup(db *sql.DB, dbPath, reason string, now time.Time) (string, error) {
	name := fmt.Sprintf("planreview-%s-%s.db", now.Format("20060102-150405.000"), reason)
	name = strings.Replace(name, ".", "", 1) // 150405000: one dot, the extension's
	dst := filepath.Join(BackupDir(dbPath), name)
	if err := takeSnapshot(db, dst); err != nil {
		return "", err
	}
	return dst, prune(BackupDir(dbPath), now)
}

// AutoBackup writes a snapshot before a risky change (an import).
func (s *Store) AutoBackup(reason string) (string, error) {
	return autoBackup(s.db, s.path, reason, s.now())
}

// Backups lists the automatic backups, newest first.
func Backups(dbPath string) ([]string, error) {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "planreview-") && strings.HasSuffix(e.Name(), ".db") {
			out = append(out, filepath.Join(BackupDir(dbPath), e.Name()))
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(out))) // names sort by time
	return out, nil
}

// NewestGoodBackup is the newest automatic backup that passes its check.
func NewestGoodBackup(dbPath string) (Info, bool) {
	bs, err := Backups(dbPath)
	if err != nil {
		return Info{}, false
	}
	for _, b := range bs {
		if info, err := Describe(b); err == nil {
			return info, true
		}
	}
	return Info{}, false
}

// removedPlanBackup names the backup taken before a plan is removed: the
// only copy of that plan, which history points to, so no rotation
// deletes it.
const removedPlanBackup = "remove-plan"

// prune keeps the newest keepRecent backups, the newest of each day of
// the last keepDays days, and every backup of a removed plan.
func prune(dir string, now time.Time) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "planreview-") && strings.HasSuffix(e.Name(), ".db") {
			names = append(names, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	keep := map[string]bool{}
	days := map[string]bool{}
	cutoff := now.AddDate(0, 0, -keepDays).Format("20060102")
	for i, n := range names {
		if i < keepRecent {
			keep[n] = true
		}
		if strings.HasSuffix(n, "-"+removedPlanBackup+".db") {
			keep[n] = true
		}
		day := strings.TrimPrefix(n, "planreview-")[:8]
		if day >= cutoff && !days[day] {
			days[day] = true
			keep[n] = true
		}
	}
	for _, n := range names {
		if !keep[n] {
			os.Remove(filepath.Join(dir, n))
		}
	}
	return nil
}

// Restore replaces the database at dbPath with the backup at from: the
// backup is checked first, the current database (if it can be read) is
// kept as a backup, and the copy goes in through a temporary file renamed
// into place. The database must not be open.
func Restore(dbPath, from string, now time.Time) (Info, error) {
	info, err := Describe(from)
	if err != nil {
		return Info{}, fmt.Errorf("不能用“%s”恢复：%w", from, err)
	}
	if _, err := os.Stat(dbPath); err == nil && Check(dbPath) == nil {
		db, err := sql.Open("sqlite", dsn(dbPath, true)+immutableIfNoWAL(dbPath))
		if err == nil {
			_, err = autoBackup(db, dbPath, "before-restore", now)
			db.Close()
		}
		if err != nil {
			return Info{}, fmt.Errorf("恢复前无法备份当前数据库，未做任何改动：%w", err)
		}
	} else if err == nil {
		// A damaged current file is kept beside, never deleted.
		keepAs := dbPath + ".damaged-" + now.Format("20060102-150405")
		if err := copyWhole(dbPath, keepAs); err != nil {
			return Info{}, fmt.Errorf("无法保留损坏的数据库文件，未做任何改动：%w", err)
		}
	}
	tmp := dbPath + ".restoring"
	if err := copyWhole(from, tmp); err != nil {
		os.Remove(tmp)
		return Info{}, fmt.Errorf("恢复失败，未做任何改动：%w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(dbPath + suffix)
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		os.Remove(tmp)
		return Info{}, fmt.Errorf("恢复失败：%w", err)
	}
	return info, nil
}

func copyWhole(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	f, err := os.Create(to)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
