package store_test

import (
	"testing"

	"cn.planreview/planreview/model/demo"
	"cn.planreview/planreview/model/store"
)

// BenchmarkVerifyHistoryChain10000 is `planreview check`'s chain step on
// the 10,000-item workspace: every history row read and hashed in order.
func BenchmarkVerifyHistoryChain10000(b *testing.B) {
	s, err := store.Open(demo.BenchDB(b, 10000), store.Options{Bundle: bundle, NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rows := 0
	for b.Loop() {
		if rows, err = s.VerifyHistoryChain(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows), "rows")
}
