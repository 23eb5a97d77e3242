package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// sealedFile makes a database with a figure in it and closes it cleanly.
func sealedFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.db")
	s, err := Open(path, Options{Bundle: bundle, Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(3), Value: 90}, "张三"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCleanCloseSealsTheFile(t *testing.T) {
	path := sealedFile(t)
	seal, err := os.ReadFile(sealPath(path))
	if err != nil {
		t.Fatalf("no seal after a clean close: %v", err)
	}
	if !strings.HasPrefix(string(seal), sealVersion+" size=") {
		t.Errorf("seal = %q", seal)
	}
	if !sealed(path) {
		t.Fatal("the file does not match its own seal")
	}
	// A read-only store never writes one: it may not own the folder.
	must(t, os.Remove(sealPath(path)))
	ro, err := Open(path, Options{Bundle: bundle, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	must(t, ro.Close())
	if _, err := os.Stat(sealPath(path)); err == nil {
		t.Error("a read-only open wrote a seal")
	}
}

// TestSealOnlyCoversTheSealedBytes: any change after the seal sends the
// next open back to the full check.
func TestSealOnlyCoversTheSealedBytes(t *testing.T) {
	cases := map[string]func(t *testing.T, path string){
		"one byte changed": func(t *testing.T, path string) {
			b := readFile(t, path)
			b[len(b)-10] ^= 1
			writeFile(t, path, b)
		},
		"a page appended": func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			must(t, err)
			_, err = f.Write(make([]byte, 4096))
			must(t, err)
			must(t, f.Close())
		},
		"changes waiting in a -wal file": func(t *testing.T, path string) {
			writeFile(t, path+"-wal", []byte("not empty"))
		},
		"seal of an older format": func(t *testing.T, path string) {
			b := readFile(t, sealPath(path))
			writeFile(t, sealPath(path), []byte(strings.Replace(string(b), sealVersion, "planreview-checked 0", 1)))
		},
		"seal removed": func(t *testing.T, path string) { must(t, os.Remove(sealPath(path))) },
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			path := sealedFile(t)
			change(t, path)
			if sealed(path) {
				t.Fatal("the changed file still counts as sealed")
			}
		})
	}
}

// TestSealSkipsTheCheckOnlyForTheSameBytes shows the seal at work: damage
// that quick_check finds, with a seal forged to match the damaged bytes,
// opens without the full check — while Check, which `planreview check`
// runs, still finds it, and the honest seal left by the clean close does
// not let it through.
func TestSealSkipsTheCheckOnlyForTheSameBytes(t *testing.T) {
	path := sealedFile(t)
	b := readFile(t, path)
	for pg := 4096; pg+8 < len(b); pg += 4096 {
		for i := 0; i < 8; i++ {
			b[pg+i] ^= 0xFF // every page header but the first
		}
	}
	writeFile(t, path, b)
	if _, err := Open(path, Options{Bundle: bundle, ReadOnly: true}); !errors.Is(err, ErrDamaged) {
		t.Fatalf("damage behind the old seal opened: %v", err)
	}
	if err := Check(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Check: %v", err)
	}
	forged, _ := fileSum(path)
	writeFile(t, sealPath(path), []byte(forged))
	if err := check(path, true); err != nil {
		t.Fatalf("a file matching its seal was checked in full: %v", err)
	}
	if err := Check(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Check trusted the seal: %v", err)
	}
	// seal itself runs quick_check first and writes nothing for a damaged
	// file.
	seal(path)
	if _, err := os.Stat(sealPath(path)); err == nil {
		t.Fatal("a damaged file was sealed")
	}
}

// TestPrefetchIsDroppedAfterAWrite: figures read at open are used only if
// nothing was written since.
func TestPrefetchIsDroppedAfterAWrite(t *testing.T) {
	path := sealedFile(t)
	s, err := Open(path, Options{Bundle: bundle, Now: clock(), Prefetch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(4), Value: 120}, "张三"); err != nil {
		t.Fatal(err)
	}
	r, err := s.Review(domain.DefaultTolerance())
	if err != nil {
		t.Fatal(err)
	}
	it, _ := s.Plan().Item("B1-01")
	if got := len(r.Actuals(it)); got != 2 {
		t.Fatalf("review has %d figures for B1-01, want 2 (the prefetch from before the write was used)", got)
	}

	must(t, s.Close())

	// With nothing written, the figures read at open are the review's.
	s3, err := Open(path, Options{Bundle: bundle, Now: clock(), Prefetch: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	as, ok := s3.takePrefetch()
	if !ok || len(as) != 2 {
		t.Fatalf("prefetch: ok=%v, %d figures, want 2", ok, len(as))
	}
}

// TestStartBackupIsOfTheFileBeforeTheFirstChange: the start-up backup is
// written late (after the load), but always before the first write.
func TestStartBackupIsOfTheFileBeforeTheFirstChange(t *testing.T) {
	path := sealedFile(t)
	s, err := Open(path, Options{Bundle: bundle, Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(4), Value: 120}, "张三"); err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	bs := backups(t, path)
	if len(bs) != 1 {
		t.Fatalf("backups: %v", bs)
	}
	b, err := Open(bs[0], Options{Bundle: bundle, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	as, _ := b.Actuals()
	if len(as) != 1 || as[0].Period != p(3) {
		t.Fatalf("the start backup holds %v, want only the March figure", as)
	}
}
