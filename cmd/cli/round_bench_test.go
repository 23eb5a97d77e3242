package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// roundBenchDB is a 1,000-item plan whose items are shared out among 50
// units, 20 each as lead, and every tenth item's next unit co-operating.
func roundBenchDB(b *testing.B) string {
	b.Helper()
	db := demo.BenchDB(b, 1000)
	st, err := store.Open(db, store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	items := st.Plan().Items
	for u := 0; u < 50; u++ {
		var ids []string
		for i := u * 20; i < (u+1)*20 && i < len(items); i++ {
			ids = append(ids, items[i].ID)
		}
		if _, err := st.AssignUnits(store.Assignment{Items: ids, Lead: fmt.Sprintf("第%02d局", u+1), NewUnits: true}, "基准"); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

func benchRun(b *testing.B, argv ...string) string {
	b.Helper()
	var out bytes.Buffer
	env := Env{Bundle: bundle, Stdout: &out, Stderr: &out, Now: time.Now, Getenv: func(string) string { return "" }}
	if code := Run(argv, env); code != 0 {
		b.Fatalf("%v: %s", argv, out.String())
	}
	return out.String()
}

// BenchmarkRoundStart: `round start` of a round of 50 units over 1,000
// items, as a user runs it — database opened, 50 workbooks made and
// written. Goal < 5 s (issue 16).
func BenchmarkRoundStart(b *testing.B) {
	db := roundBenchDB(b)
	for b.Loop() {
		dir := b.TempDir()
		benchRun(b, "round", "start", "--period", "1-9月", "--due", "2023-10-10", "-o", dir, "--by", "基准", "--db", db)
	}
}

// BenchmarkRoundCollect50: `round collect` of a folder of 50 returns, each
// unit's 20 rows filled, corrections written (--overwrite), each file its
// own transaction. Goal < 10 s and < 300 MB (issue 16): MB-heap is the
// heap in use at its highest sampled point, as the memory the program
// holds.
func BenchmarkRoundCollect50(b *testing.B) {
	db := roundBenchDB(b)
	sent := b.TempDir()
	benchRun(b, "round", "start", "--period", "1-9月", "--due", "2023-10-10", "-o", sent, "--by", "基准", "--db", db)
	st, err := store.Open(db, store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	plan := st.Plan()
	st.Close()
	back := b.TempDir()
	entries, _ := os.ReadDir(sent)
	for _, e := range entries {
		f, err := excelize.OpenFile(filepath.Join(sent, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		rows, _ := f.GetRows(sheet.RoundFillSheet)
		for i, r := range rows[1:] {
			v := "1"
			if it, ok := plan.Item(r[0]); ok && it.Kind == domain.KindMilestone {
				v = "推进中"
			}
			f.SetCellValue(sheet.RoundFillSheet, fmt.Sprintf("H%d", i+2), v)
			f.SetCellValue(sheet.RoundFillSheet, fmt.Sprintf("J%d", i+2), "基准来源")
		}
		if err := f.SaveAs(filepath.Join(back, e.Name())); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	original, err := os.ReadFile(db)
	if err != nil {
		b.Fatal(err)
	}
	var peak uint64
	for b.Loop() {
		b.StopTimer()
		work := filepath.Join(b.TempDir(), "collect.db")
		if err := os.WriteFile(work, original, 0o644); err != nil {
			b.Fatal(err)
		}
		done := make(chan struct{})
		go func() { // samples the heap while the collect runs
			var m runtime.MemStats
			for {
				select {
				case <-done:
					return
				case <-time.After(20 * time.Millisecond):
					runtime.ReadMemStats(&m)
					peak = max(peak, m.HeapInuse)
				}
			}
		}()
		b.StartTimer()
		benchRun(b, "round", "collect", back, "--overwrite", "--by", "基准", "--db", work)
		close(done)
	}
	b.ReportMetric(float64(peak)/(1<<20), "MB-heap")
}
