package plantable

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadTable reads the same 2024 table as Excel writes it, as a GBK
// .csv, and as LibreOffice re-saves it, from real files, and wants the
// same items from each.
func TestReadTable(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "桐乡2024.xlsx")
	write(t, xlsx, xlsxOf(t, map[string][][]string{"主要指标": plan2024}, "主要指标"))
	csvFile := filepath.Join(dir, "桐乡2024.csv")
	write(t, csvFile, gbkCSV(t, plan2024))
	for _, tc := range []struct {
		name string
		file func(t *testing.T) string
	}{
		{"xlsx", func(*testing.T) string { return xlsx }},
		{"gbk csv", func(*testing.T) string { return csvFile }},
		{"libreoffice", func(t *testing.T) string { return resave(t, xlsx) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.file(t)
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(file, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Problems) > 0 {
				t.Errorf("problems: %v", d.Problems)
			}
			var got []string
			for _, it := range d.Items {
				got = append(got, summary(it))
			}
			if strings.Join(got, "\n") != strings.Join(plan2024Want, "\n") {
				t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(plan2024Want, "\n"))
			}
			q := d.Items[9]
			// 稳中提质 is in the grammar's vocabulary: a qualitative target,
			// nothing left to confirm.
			if !q.Qualitative || q.Target == nil || q.Target.Basis != "qualitative" || q.Target.Ref != "稳中提质" || q.NeedsReview {
				t.Errorf("qualitative item: %+v", q)
			}
			if g := d.Items[0]; g.Target == nil || g.Target.Basis != "growth" || g.Unit != "%" || g.Nature != "预期性" || g.Line != 5 {
				t.Errorf("地区生产总值: %+v", g)
			}
			if q.Unit != "" {
				t.Errorf("qualitative item has the header's unit %q", q.Unit)
			}
			if e := d.Items[10]; e.Unit != "万人" || e.Target.Basis != "level" {
				t.Errorf("新增城镇就业: %+v %+v", e, e.Target)
			}
			if d.Pending() != 0 {
				t.Errorf("pending %d, want 0", d.Pending())
			}
		})
	}
}

// resave has LibreOffice open and save the workbook again, as an office
// without Excel does; its files differ from excelize's (shared strings,
// styles, number cells).
func resave(t *testing.T, file string) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice is needed in CI")
		}
		t.Skip("soffice not installed")
	}
	out := filepath.Join(t.TempDir(), "out")
	profile := "file://" + filepath.Join(t.TempDir(), "profile")
	cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "xlsx", "--outdir", out, file)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	return filepath.Join(out, filepath.Base(file))
}

func write(t *testing.T, file string, data []byte) {
	t.Helper()
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
