package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cn.planreview/planreview/model/demo"
)

// BenchmarkVerify10000 is `planreview verify` of a 10,000-item brief, as
// a user runs it: the database opened (with its check), the stamp read
// from the PDF, the brief built again from the data and compared. Goal
// < 2 s (issue 17).
func BenchmarkVerify10000(b *testing.B) {
	db := demo.BenchDB(b, 10000)
	brief := filepath.Join(b.TempDir(), "简报.pdf")
	env := func() (Env, *bytes.Buffer) {
		var out bytes.Buffer
		return Env{Bundle: bundle, Stdout: &out, Stderr: &out, Now: time.Now, Getenv: func(string) string { return "" }}, &out
	}
	e, out := env()
	if code := Run([]string{"export", "-o", brief, "--as-of", "2023-09", "--by", "基准", "--db", db}, e); code != 0 {
		b.Fatalf("export: %s", out)
	}
	for b.Loop() {
		e, out := env()
		if code := Run([]string{"verify", brief, "--db", db}, e); code != 0 {
			b.Fatalf("verify: %s", out)
		}
	}
	if st, err := os.Stat(brief); err == nil {
		b.ReportMetric(float64(st.Size())/1e6, "MB-pdf")
	}
}
