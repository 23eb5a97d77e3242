package demo

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"sync"
	"time"

	"cn.planreview/planreview/model/store"
)

// Sizes are the plan sizes the benchmarks measure.
var Sizes = []int{100, 1000, 10000}

var benchMu sync.Mutex

// TB is the part of testing.TB the helpers use. This package is linked
// into the program (gen-demo), which must not link package testing.
type TB interface {
	Helper()
	Fatal(args ...any)
	TempDir() string
}

// Metrics is the part of testing.B that reports a measurement.
type Metrics interface {
	ReportMetric(n float64, unit string)
}

// BenchDB gives a generated database of n items for benchmarks, made once
// and kept in the system's temporary folder (10,000 items take most of a
// minute to generate); each benchmark works on its own copy, sealed as a
// clean close leaves it (store/seal.go).
func BenchDB(b TB, n int) string { return BenchWorkspace(b, 1, n) }

// BenchWorkspace is BenchDB for a workspace of several plans of n items
// (WriteWorkspace).
func BenchWorkspace(b TB, plans, n int) string {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	// v5: schema 9 (rounds' items and returns; v4 was schema 8, the
	// history chain); an older file would be migrated at open.
	name := fmt.Sprintf("planreview-bench-%d-v5.db", n)
	if plans > 1 {
		name = fmt.Sprintf("planreview-bench-%dx%d-v5.db", plans, n)
	}
	cache := filepath.Join(os.TempDir(), name)
	if _, err := os.Stat(cache); err != nil {
		tmp := cache + ".making"
		os.Remove(tmp)
		if err := WriteWorkspace(tmp, plans, n, 2023); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, cache); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := os.Stat(store.SealPath(cache)); err != nil {
		// A clean close seals the file, as the app leaves it every day.
		st, err := store.Open(cache, store.Options{NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
	path := filepath.Join(b.TempDir(), "bench.db")
	for _, f := range [][2]string{{cache, path}, {store.SealPath(cache), store.SealPath(path)}} {
		data, err := os.ReadFile(f[0])
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(f[1], data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// TrackPeakHeap samples the heap in use every millisecond until the
// returned function is called, which reports the most seen as
// "peak-heap-MB": the benchmark's peak memory, garbage not yet collected
// included. runtime/metrics is read without stopping the world, so the
// sampling barely disturbs the timing.
func TrackPeakHeap(b Metrics) (stop func()) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak {
			peak = v
		}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		read()
		b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
	}
}
