package store

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
)

var crashItems = []string{"A1-01", "A1-05", "B1-01", "B1-06", "B2-01", "M3-01"}

// TestCrashChild is the child of TestCrashKeepsCommittedWork: it records
// figures and notes in a loop and reports each change once committed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("PLANREVIEW_CRASH_DB")
	if path == "" {
		t.Skip("run by TestCrashKeepsCommittedWork")
	}
	s, err := Open(path, Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	// Values grow within and across rounds: each round starts a million
	// above the last, so a figure found larger than the last report is one
	// committed after it, not an older one.
	var start int64
	fmt.Sscan(os.Getenv("PLANREVIEW_CRASH_BASE"), &start)
	for i := int64(0); ; i++ {
		id := crashItems[i%int64(len(crashItems))]
		a := domain.Actual{ItemID: id, Period: domain.Period{Year: 2023, Month: int(i/int64(len(crashItems)))%12 + 1}}
		if id == "M3-01" {
			a.Outcome = domain.OutcomeInProgress
		} else {
			a.Value = float64(start + i)
		}
		if _, err := s.RecordActual(a, "崩溃测试"); err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		fmt.Printf("actual %s %s %v %s\n", a.ItemID, a.Period, a.Value, a.Outcome)
		if i%4 == 0 {
			body := fmt.Sprintf("第%d条备注：写入后即被强行终止也不应丢失。", i)
			nid, err := s.AddNote(id, domain.Period{}, body, "崩溃测试")
			if err != nil {
				fmt.Println("ERR", err)
				os.Exit(3)
			}
			fmt.Printf("note %d %s\n", nid, body)
		}
	}
}

// TestCrashKeepsCommittedWork kills a writer with SIGKILL at random moments,
// many times over; after each kill the database must pass its check and
// hold every change the writer reported committed.
func TestCrashKeepsCommittedWork(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process 25 times")
	}
	path := filepath.Join(t.TempDir(), "崩溃.db")
	must(t, mustOpen(t, path, Options{Bundle: bundle, NoBackup: true}).Close())
	c := committed{figures: map[figureKey]string{}, notes: map[string]string{}}
	rng := rand.New(rand.NewSource(2023))
	for round := 0; round < 25; round++ {
		// The kill falls at a random moment of the child's writing: the
		// sleep is the point of the test, not a wait for work.
		runAndKill(t, path, round, time.Duration(30+rng.Intn(300))*time.Millisecond, &c)
		if err := Check(path); err != nil {
			t.Fatalf("round %d: check after kill: %v", round, err)
		}
		c.checkStored(t, path, round)
	}
	if c.reported < 100 {
		t.Errorf("only %d changes reported over 25 rounds: the test did not exercise much", c.reported)
	}
	t.Logf("%d committed changes reported over 25 kills, all found", c.reported)
}

type figureKey struct{ item, period string }

// committed is what the crash test's children reported committed: the
// last value of each figure and the text of each note.
type committed struct {
	figures  map[figureKey]string
	notes    map[string]string
	reported int
}

// runAndKill runs TestCrashChild against path, kills it with SIGKILL (no
// deferred cleanup, no close) after the given time, and adds what it
// reported committed to c.
func runAndKill(t *testing.T, path string, round int, after time.Duration, c *committed) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), "PLANREVIEW_CRASH_DB="+path, fmt.Sprintf("PLANREVIEW_CRASH_BASE=%d", (round+1)*1000000))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1000)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	time.Sleep(after)
	cmd.Process.Kill()
	for l := range lines {
		f := strings.Fields(l)
		switch {
		case f[0] == "actual":
			v := f[3]
			if len(f) > 4 {
				v = f[4]
			}
			c.figures[figureKey{f[1], f[2]}] = v
			c.reported++
		case f[0] == "note":
			c.notes[f[1]] = strings.Join(f[2:], " ")
			c.reported++
		case f[0] == "ERR":
			t.Fatalf("round %d: child failed: %s", round, l)
		}
	}
	cmd.Wait() // killed: its error says so
}

// checkStored opens the database after a kill and checks it holds every
// change reported committed.
func (c *committed) checkStored(t *testing.T, path string, round int) {
	t.Helper()
	s, err := Open(path, Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		t.Fatalf("round %d: open after kill: %v", round, err)
	}
	defer func() { must(t, s.Close()) }()
	as, err := s.Actuals()
	must(t, err)
	stored := map[figureKey]string{}
	for _, a := range as {
		v := fmt.Sprint(a.Value)
		if a.Outcome != "" {
			v = string(a.Outcome)
		}
		stored[figureKey{a.ItemID, a.Period.String()}] = v
	}
	for k, v := range c.figures {
		if stored[k] != v && !laterValue(stored[k], v) {
			t.Fatalf("round %d: %v reported committed as %s, database has %q", round, k, v, stored[k])
		}
	}
	ns, err := s.Notes("")
	must(t, err)
	have := map[string]string{}
	for _, n := range ns {
		have[fmt.Sprint(n.ID)] = n.Body
	}
	for id, body := range c.notes {
		if have[id] != body {
			t.Fatalf("round %d: note %s reported committed, database has %q", round, id, have[id])
		}
	}
}

// laterValue allows a figure the child committed after its last report
// (the kill fell between the commit and the print): values only grow.
func laterValue(stored, reported string) bool {
	var s, r float64
	if _, err := fmt.Sscan(stored, &s); err != nil {
		return false
	}
	if _, err := fmt.Sscan(reported, &r); err != nil {
		return false
	}
	return s > r
}

// TestDamageIsDetectedAndBackupsRecover damages copies of a database in
// several ways; each is refused at open without being written to, and
// the automatic backup restores the saved work.
func TestDamageIsDetectedAndBackupsRecover(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := Open(good, Options{Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	for m := 1; m <= 9; m++ {
		must(t, second(s.RecordActual(domain.Actual{ItemID: "B1-01", Period: domain.Period{Year: 2023, Month: m}, Value: float64(30 * m)}, "张三")))
	}
	must(t, second(s.AddNote("B1-01", domain.Period{}, "保存过的备注", "张三")))
	must(t, s.Close())
	// Reopening takes the start backup that holds all of the above.
	s = mustOpen(t, good, Options{Bundle: bundle})
	must(t, s.Close())
	data := readFile(t, good)
	damages := map[string]func() []byte{
		"flipped page headers": func() []byte {
			b := append([]byte(nil), data...)
			for p := 4096; p+8 < len(b); p += 4096 {
				for i := 0; i < 8; i++ {
					b[p+i] ^= 0xFF
				}
			}
			return b
		},
		"truncated to 100 bytes":   func() []byte { return append([]byte(nil), data[:100]...) },
		"truncated to half":        func() []byte { return append([]byte(nil), data[:len(data)/2]...) },
		"truncated by one page":    func() []byte { return append([]byte(nil), data[:len(data)-4096]...) },
		"replaced by a text file":  func() []byte { return []byte("季度报告\n") },
		"replaced by zeros":        func() []byte { return make([]byte, len(data)) },
		"header of another format": func() []byte { b := append([]byte(nil), data...); copy(b, "PK\x03\x04"); return b },
	}
	for name, damage := range damages {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plan.db")
			bad := damage()
			writeFile(t, path, bad)
			// Damaged in place after a clean close: the good file's seal
			// stands beside it, and must not let the damage through.
			copyWhole(sealPath(good), sealPath(path))
			// The backups of the good database stand beside it.
			mkdirAll(t, BackupDir(path))
			bs := backups(t, good)
			if len(bs) == 0 {
				t.Fatal("no automatic backup was taken")
			}
			copyWhole(bs[0], filepath.Join(BackupDir(path), filepath.Base(bs[0])))
			_, err := Open(path, Options{Bundle: bundle})
			if err == nil {
				t.Fatal("damage not detected at open")
			}
			if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotDatabase) {
				t.Fatalf("unexpected error: %v", err)
			}
			if !strings.Contains(err.Error(), "最新的完好备份") {
				t.Errorf("the message does not offer the backup: %v", err)
			}
			if now := readFile(t, path); string(now) != string(bad) {
				t.Fatal("the damaged file was written to")
			}
			info, ok := NewestGoodBackup(path)
			if !ok {
				t.Fatal("no good backup found")
			}
			if _, err := Restore(path, info.Path, time.Now()); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path, Options{Bundle: bundle})
			if err != nil {
				t.Fatalf("open after restore: %v", err)
			}
			defer s.Close()
			as, _ := s.Actuals()
			ns, _ := s.Notes("")
			if len(as) != 9 || len(ns) != 1 {
				t.Errorf("restored %d figures and %d notes, want 9 and 1", len(as), len(ns))
			}
		})
	}
}
