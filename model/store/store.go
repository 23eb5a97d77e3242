// Package store is infrastructure: it keeps a plan review in one SQLite file (modernc.org/sqlite,
// pure Go): the plan, the figures and notes recorded against it, manual
// statuses, and the history of every change. It owns all SQL; callers get
// model values back.
package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"cn.planreview/planreview/model/domain"
)

// applicationID marks a file as a Plan Review database (PRAGMA
// application_id, "PlRv"), so a stray SQLite file is recognised as not ours.
const applicationID = 0x506c5276

// Errors a caller may want to tell apart. Their text is for the user.
var (
	ErrNotDatabase = errors.New("不是 Plan Review 数据库")
	ErrDamaged     = errors.New("数据库文件已损坏")
	ErrNewer       = errors.New("数据库由更新版本的 Plan Review 创建")
	ErrReadOnly    = errors.New("数据库以只读方式打开")
	ErrLocked      = errors.New("期间已锁定")
)

// Bundle is a plan file with the text of the document it was made from.
type Bundle struct {
	// Dataset is the plan file (seeds/README.md).
	Dataset []byte
	// Notice is the document's text, kept with the plan (Store.Notice).
	Notice string
}

// Options tune Open.
type Options struct {
	// Now is the clock written into history; time.Now when nil. Tests
	// inject a fixed clock.
	Now func() time.Time
	// ReadOnly opens the database without writing anything, not even a
	// dataset update.
	ReadOnly bool
	// NoBackup skips the backup taken at every start, unless the open will
	// migrate the schema or update the plan: for commands that only read,
	// whose backups would otherwise push the useful ones (before an
	// import) out of the rotation.
	NoBackup bool
	// SkipCheck opens a file that failed its check, read-only, to read
	// what can still be read (the user declined to restore a backup).
	SkipCheck bool
	// Bundle is the plan this program ships: a new database is made from
	// it and an older one brought up to it. The program's main hands in
	// the bundled plan (seeds), the demo generator a synthetic one; every
	// open that may write needs it, a read-only open does not.
	Bundle
	// Prefetch starts reading every figure while the plan loads, for a
	// caller that asks for the Review next (the window, list, export):
	// the two take about as long at 10,000 items and this machine has
	// two cores.
	Prefetch bool
	// Plan is the plan to make current (SelectPlan); "" for the first
	// one the workspace was given.
	Plan string
}

// Store is an open Plan Review database.
type Store struct {
	db       *sql.DB
	path     string
	now      func() time.Time
	readOnly bool
	plan     *domain.Plan
	notice   string // the text the plan was made from (Notice)
	// backupDone is closed when the backup taken at open has been written
	// (or was not due); startBackup and backupErr are its result.
	backupDone  chan struct{}
	backupDue   bool
	backupOnce  sync.Once
	startBackup string
	backupErr   error
	// prefetch delivers the figures read at open (Options.Prefetch);
	// writes counts the writes begun since, which make it stale.
	prefetchMu sync.Mutex
	prefetch   chan prefetched
	writes     atomic.Int64
	closeOnce  sync.Once
	closeErr   error
	// priorPlans keeps other plans read back for 上年完成 (prior.go).
	priorMu    sync.Mutex
	priorPlans map[string]*domain.Plan
	// lastYear is the previous plan's Review kept for Priors, rebuilt
	// only when that plan has changed (prior.go); lastYearBuilds counts
	// the builds, for the test that a save in this year's plan reuses it.
	lastYear       keptReview
	lastYearBuilds int
	// tmpCopy is the migrated copy a read-only open of an older file
	// reads (oldcopy.go), removed on Close.
	tmpCopy string
}

func (s *Store) removeCopy() {
	if s.tmpCopy != "" {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(s.tmpCopy + suffix)
		}
	}
}

type prefetched struct {
	actuals []domain.Actual
	err     error
}

// StartBackup is the backup taken when this store was opened, and why
// there is none if one was due. It waits for the backup if it is still
// being written.
func (s *Store) StartBackup() (string, error) {
	s.kickBackup()
	<-s.backupDone
	return s.startBackup, s.backupErr
}

// DefaultPath is where the database lives unless --db says otherwise:
// %APPDATA%\PlanReview on Windows, $XDG_DATA_HOME/planreview (or
// ~/.local/share/planreview) elsewhere.
func DefaultPath() (string, error) {
	var dir string
	if runtime.GOOS == "windows" {
		d, err := os.UserConfigDir() // %APPDATA%
		if err != nil {
			return "", err
		}
		dir = filepath.Join(d, "PlanReview")
	} else if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		dir = filepath.Join(x, "planreview")
	} else {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "share", "planreview")
	}
	return filepath.Join(dir, "planreview.db"), nil
}

// dsn builds the connection string. Every pragma is in it, so every
// pooled connection gets the same ones (a PRAGMA run with db.Exec reaches
// one connection only): foreign keys so a figure cannot point at no item,
// a busy timeout so a second window waits instead of failing at once.
// A connection that may write also gets WAL, so a reader (the window)
// never blocks a writer and a crash mid-write leaves the last committed
// state intact, and synchronous=FULL, so each commit is durable before it
// returns: a reviewer's saved figure must survive a power cut, and
// commits here are few. _txlock makes every transaction take the write
// lock at BEGIN, so two writers queue instead of deadlocking on a lock
// upgrade.
func dsn(path string, readOnly bool) string {
	p := filepath.ToSlash(path)
	if len(p) > 1 && p[1] == ':' { // a Windows drive letter: file:///C:/…
		p = "/" + p
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	q := "file:" + p + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_txlock=immediate"
	if readOnly {
		return q + "&mode=ro"
	}
	return q + "&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
}

// Open opens the database at path, creating it from the bundled plan if
// there is no file. An existing file is checked before anything is
// written to it: a file that is not a Plan Review database, one that
// fails PRAGMA quick_check, or one from a newer version is refused with
// an error that says so, and is left exactly as it was.
func Open(path string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	var ds dataset
	if !opt.ReadOnly { // a read-only open never brings the plan up to date
		var err error
		if ds, err = parseDataset(opt.Dataset, opt.Notice); err != nil {
			return nil, err
		}
	}
	existed, err := ensureFile(path, opt, ds)
	if err != nil {
		return nil, err
	}
	if err := check(path, true); err != nil && !(opt.SkipCheck && opt.ReadOnly) {
		return nil, withBackupHint(path, err)
	}
	due, pending := startBackupDue(path, existed, opt, ds)
	s := &Store{path: path, now: opt.Now, readOnly: opt.ReadOnly, backupDone: make(chan struct{})}
	if pending {
		// Opening will change the file: the backup must be complete first.
		s.takeStartBackup(immutableIfNoWAL(path))
	}
	read := path
	if opt.ReadOnly {
		if read, s.tmpCopy, err = readPath(path); err != nil {
			return nil, err
		}
	}
	if s.db, err = sql.Open("sqlite", dsn(read, opt.ReadOnly)); err != nil {
		s.removeCopy()
		return nil, err
	}
	if !opt.ReadOnly {
		if err := s.bringUpToDate(ds, opt.Plan, opt.Prefetch && !pending); err != nil {
			s.db.Close()
			return nil, err
		}
	}
	switch {
	case pending: // takeStartBackup has closed backupDone
	case due:
		// Nothing has been written (no migration or update was pending),
		// so the backup can wait until the caller asks for it (the window
		// does once its first frame is drawn: StartBackup) or something is
		// about to change (write, Close): copying 40 MB takes half a
		// second, and the reviewer should not wait for it to see the plan.
		// It reads through its own connection, which sees one committed
		// state whatever happens meanwhile.
		s.backupDue = true
	default:
		close(s.backupDone)
	}
	if err := s.loadPlan(opt.Plan); err != nil {
		s.dropPrefetch()
		s.db.Close()
		s.removeCopy()
		return nil, err
	}
	return s, nil
}

// ensureFile creates the database from the bundled plan if there is no
// file at path, and reports whether there was one.
func ensureFile(path string, opt Options, ds dataset) (existed bool, err error) {
	_, err = os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && opt.ReadOnly:
		return false, fmt.Errorf("数据库“%s”不存在", path)
	case errors.Is(err, os.ErrNotExist):
		return false, create(path, opt.Now, ds)
	case err != nil:
		return false, fmt.Errorf("无法读取数据库“%s”：%w", path, err)
	}
	return true, nil
}

// startBackupDue decides the snapshot taken at every start, before this
// program writes anything (a migration, a dataset update, the reviewer's
// first change): pending when opening will change the file, which then
// must be backed up first; due unless NoBackup skips it, which it does
// only when opening will not change the file.
func startBackupDue(path string, existed bool, opt Options, ds dataset) (due, pending bool) {
	if !existed || opt.ReadOnly {
		return false, false
	}
	bdb, err := sql.Open("sqlite", dsn(path, true)+immutableIfNoWAL(path))
	if err != nil {
		return false, false
	}
	defer bdb.Close()
	pending = updatePending(bdb, ds.plan)
	return !opt.NoBackup || pending, pending
}

// bringUpToDate migrates the schema and brings the plan up to the bundled
// dataset; with prefetch it starts reading the figures meanwhile.
func (s *Store) bringUpToDate(ds dataset, plan string, prefetch bool) error {
	// The first connection runs the DSN's pragmas: a failure there is the
	// file not opening, and says so.
	if err := s.db.Ping(); err != nil {
		return fmt.Errorf("无法打开数据库“%s”：%w", s.path, err)
	}
	if err := migrate(s.db); err != nil {
		return err
	}
	if prefetch {
		// Nothing will change the tables, so the figures can be read
		// on a second connection while this one syncs and parses the
		// plan. Review uses them unless a write came first.
		// The plan loadPlan will make current is named here, since
		// s.plan is not set until then.
		if plan == "" {
			s.db.QueryRow(`SELECT id FROM plans ORDER BY rowid LIMIT 1`).Scan(&plan)
		}
		s.prefetch = make(chan prefetched, 1)
		go func() {
			as, err := s.actuals(plan, "")
			s.prefetch <- prefetched{as, err}
		}()
	}
	if err := s.syncDataset(ds); err != nil {
		s.dropPrefetch()
		return err
	}
	return nil
}

// create builds a new database beside path and renames it into place, so
// a crash during creation never leaves a half-made file where the
// program will look for the real one.
func create(path string, now func() time.Time, ds dataset) error {
	if ds.plan == nil {
		return errNoDataset
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("无法创建数据目录“%s”：%w", filepath.Dir(path), err)
	}
	tmp := path + ".creating"
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(tmp + suffix)
	}
	db, err := sql.Open("sqlite", dsn(tmp, false))
	if err != nil {
		return err
	}
	s := &Store{db: db, path: tmp, now: now}
	err = func() error {
		if _, err := db.Exec(fmt.Sprintf(`PRAGMA application_id = %d`, applicationID)); err != nil {
			return err
		}
		if err := migrate(db); err != nil {
			return err
		}
		return s.syncDataset(ds)
	}()
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法创建数据库“%s”：%w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法创建数据库“%s”：%w", path, err)
	}
	return nil
}

var sqliteHeader = []byte("SQLite format 3\x00")

// Check examines the file at path without writing to it: is it SQLite, is
// it ours, is it intact (PRAGMA quick_check), is its schema one this
// program knows. It is what `planreview check` runs; an open runs the same
// checks but skips quick_check on a file its seal shows unchanged since it
// last passed (seal.go).
func Check(path string) error { return check(path, false) }

func check(path string, trustSeal bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("无法读取数据库“%s”：%w", path, err)
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	f.Close()
	if n < len(sqliteHeader) || !bytes.Equal(head[:len(sqliteHeader)], sqliteHeader) || (err != nil && n < 100) {
		return fmt.Errorf("文件“%s”%w（不是 SQLite 数据库文件），未做任何改动", path, ErrNotDatabase)
	}
	// Without a -wal file beside it, the file alone is the database: read
	// it as immutable, so the check creates no -wal or -shm file next to a
	// file that may not be ours. With one (the last session ended without
	// closing), the check must read the committed changes it holds.
	q := dsn(path, true)
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		q += "&immutable=1"
	}
	db, err := sql.Open("sqlite", q)
	if err != nil {
		return err
	}
	defer db.Close()
	var appID, version int
	if err := db.QueryRow(`PRAGMA application_id`).Scan(&appID); err != nil {
		return fmt.Errorf("文件“%s”%w：%v。未做任何改动，请从备份恢复", path, ErrDamaged, err)
	}
	if appID != applicationID {
		return fmt.Errorf("文件“%s”是 SQLite 数据库，但%w，未做任何改动", path, ErrNotDatabase)
	}
	if !trustSeal || !sealed(path) {
		problems, err := runQuickCheck(db)
		if err != nil {
			return fmt.Errorf("文件“%s”%w：%v。未做任何改动，请从备份恢复", path, ErrDamaged, err)
		}
		if len(problems) > 0 {
			return fmt.Errorf("文件“%s”%w（完整性检查未通过：%s）。未做任何改动，请从备份恢复",
				path, ErrDamaged, strings.Join(problems, "；"))
		}
	}
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("文件“%s”%w：%v", path, ErrDamaged, err)
	}
	if version > SchemaVersion() {
		return fmt.Errorf("文件“%s”%w（数据库版本%d，本程序支持到%d），请升级程序后再打开；未做任何改动",
			path, ErrNewer, version, SchemaVersion())
	}
	return nil
}

// updatePending reports whether opening would migrate the schema or update
// the plan from a newer dataset: a change that always gets a backup first.
func updatePending(db *sql.DB, p *domain.Plan) bool {
	var version int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version < SchemaVersion() {
		return true
	}
	if p == nil {
		return false
	}
	var rev int
	err := db.QueryRow(`SELECT dataset_revision FROM plans WHERE id = ?`, p.ID).Scan(&rev)
	if errors.Is(err, sql.ErrNoRows) {
		// No such plan: syncDataset adds it if the database holds none.
		var plans int
		return db.QueryRow(`SELECT count(*) FROM plans`).Scan(&plans) != nil || plans == 0
	}
	return err != nil || rev < p.Revision // unsure: back up first
}

// withBackupHint adds the newest good backup to an error at open, so the
// message says what can be done, not only what is wrong.
func withBackupHint(path string, err error) error {
	if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotDatabase) {
		return err
	}
	if info, ok := NewestGoodBackup(path); ok {
		return fmt.Errorf("%w\n最新的完好备份：%s（%s），%s。可用 planreview restore \"%s\" 恢复",
			err, info.Path, info.Modified.Format("2006-01-02 15:04"), info, info.Path)
	}
	return err
}

// takePrefetch returns the figures read at open if they are still
// current: none of this store's writes has begun since. (Another program
// writing meanwhile is no different from it writing just after the load.)
func (s *Store) takePrefetch() ([]domain.Actual, bool) {
	s.prefetchMu.Lock()
	defer s.prefetchMu.Unlock()
	if s.prefetch == nil {
		return nil, false
	}
	p := <-s.prefetch
	s.prefetch = nil
	if s.writes.Load() > 0 || p.err != nil {
		return nil, false // stale, or failed: Review reads them again
	}
	return p.actuals, true
}

// dropPrefetch waits for an unused prefetch to finish, so no query is left
// running when the database closes.
func (s *Store) dropPrefetch() { s.takePrefetch() }

// kickBackup starts the start-up backup if it is due and not yet begun.
func (s *Store) kickBackup() {
	s.backupOnce.Do(func() {
		if s.backupDue {
			go s.takeStartBackup("")
		}
	})
}

// takeStartBackup writes the backup taken at open and records the result;
// mode is added to the read-only connection's options (immutable before
// the main connection exists, nothing once it may be writing).
func (s *Store) takeStartBackup(mode string) {
	defer close(s.backupDone)
	bdb, err := sql.Open("sqlite", dsn(s.path, true)+mode)
	if err != nil {
		s.backupErr = err
		return
	}
	defer bdb.Close()
	s.startBackup, s.backupErr = autoBackup(bdb, s.path, "start", s.now())
}

// Close waits for the start-up backup, closes the database (SQLite folds
// the -wal file into it) and seals the file for a fast next open (seal.go).
func (s *Store) Close() error {
	s.closeOnce.Do(func() { // a second Close must not check and seal again
		s.dropPrefetch()
		s.kickBackup()
		<-s.backupDone
		s.closeErr = s.db.Close()
		s.removeCopy()
		if s.closeErr == nil && !s.readOnly {
			seal(s.path)
		}
	})
	return s.closeErr
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Plan is the plan held in the database.
func (s *Store) Plan() *domain.Plan { return s.plan }

// Notice is the text of the document the plan was made from, as
// published; "" for a plan made without one (a generated demo plan).
func (s *Store) Notice() string { return s.notice }

// write runs fn in one transaction: everything it does, history included,
// is committed together or not at all. It waits for the start-up backup,
// so it must not be called while Open is still running (Open and create
// use transact): the backup starts only once Open has returned.
func (s *Store) write(fn func(tx *wtx) error) error {
	if s.readOnly {
		return fmt.Errorf("%w，不能修改", ErrReadOnly)
	}
	s.kickBackup()
	<-s.backupDone // the start-up backup is of the file before any change
	s.writes.Add(1)
	return s.transact(fn)
}

// transact is write without waiting for the start-up backup: for Open's
// own dataset sync, which runs before the backup starts and changes the
// file only when the backup was due first (updatePending). The clock is
// read once, as the transaction begins.
func (s *Store) transact(fn func(tx *wtx) error) error {
	return inTx(s.db, txWords{begin: "无法开始保存", commit: "保存失败，未做任何改动"}, func(tx *sql.Tx) error {
		return fn(newWtx(tx, s.now(), s.planID()))
	})
}

// loadPlan makes the plan Options.Plan names current, or else the first
// plan the workspace was given (the only one in a database of an earlier
// release).
func (s *Store) loadPlan(id string) error {
	p, notice, err := s.readPlan(id)
	if err != nil {
		return err
	}
	s.plan, s.notice = p, notice
	return nil
}

// readPlan reads a plan back from the dataset the database holds for it;
// id "" is the first plan.
func (s *Store) readPlan(id string) (*domain.Plan, string, error) {
	var data []byte
	var version, notice string
	// A read-only open does not migrate: a file from before plans kept
	// their notice has no such column, and must still open (check, and
	// the damaged-database window's 只读打开).
	col := "notice"
	var schema int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&schema); err == nil && schema < noticeSchema {
		col = "''"
	}
	err := s.db.QueryRow(`SELECT dataset, dataset_version, `+col+` FROM plans
		WHERE ?1 = '' OR id = ?1 ORDER BY rowid LIMIT 1`, id).Scan(&data, &version, &notice)
	switch {
	case errors.Is(err, sql.ErrNoRows) && id != "":
		return nil, "", fmt.Errorf("没有编号为“%s”的计划", id)
	case err != nil:
		return nil, "", fmt.Errorf("数据库中没有计划数据：%w", err)
	}
	parse := domain.ParsePlanFile
	if domain.PlanFileVersion(data) == version {
		parse = domain.ParsePlanFileChecked // the dataset ParsePlanFile accepted when it was stored
	}
	p, err := parse(data)
	if err != nil {
		return nil, "", err
	}
	return p, notice, nil
}
