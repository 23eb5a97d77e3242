package demo

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Sizes are the plan sizes the benchmarks measure.
var Sizes = []int{100, 1000, 10000}

var benchMu sync.Mutex

// BenchDB gives a generated database of n items for benchmarks, made once
// and kept in the system's temporary folder (10,000 items take most of a
// minute to generate); each benchmark works on its own copy.
func BenchDB(b testing.TB, n int) string {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	cache := filepath.Join(os.TempDir(), fmt.Sprintf("planreview-bench-%d-v1.db", n))
	if _, err := os.Stat(cache); err != nil {
		tmp := cache + ".making"
		os.Remove(tmp)
		if err := Write(tmp, n, 2023); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, cache); err != nil {
			b.Fatal(err)
		}
	}
	data, err := os.ReadFile(cache)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "bench.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}
