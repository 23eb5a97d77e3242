package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/docx"
	"cn.planreview/planreview/model/domain"
)

// BenchmarkLibreOfficeRoute is the route the brief replaces: the same
// brief written as .docx and converted by `soffice --headless
// --convert-to pdf`, process start included, as a user would run it.
// Skipped where LibreOffice is not installed (it is not a test
// dependency; docs/PERFORMANCE.md says how to install it).
func BenchmarkLibreOfficeRoute(b *testing.B) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		b.Skip("LibreOffice (soffice) is not installed")
	}
	st := benchStore(b)
	r, notes := reviewAndNotes(b, st)
	o := brief.Options{AsOf: domain.Period{Year: 2023, Month: 9}, Date: time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC),
		Unit: "市人大财经委", Reviewer: "张三", Marking: "内部资料", Notes: true}
	dir := b.TempDir()
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	in := filepath.Join(dir, "brief.docx")
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := docx.Write(brief.Build(r, notes, o), &buf); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, in)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("soffice: %v\n%s", err, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "brief.pdf")); err != nil {
			b.Fatal("soffice wrote no PDF")
		}
	}
}
