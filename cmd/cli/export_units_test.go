package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// export writes the appendix 按责任单位 for a plan with units, by itself
// when --parts names it (in any of its spellings), and verify accepts the
// brief; the plan's units are those unitsDB imports.
func TestExportUnitsAppendix(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is not installed (scripts/test.sh installs poppler-utils)")
	}
	db := unitsDB(t)
	for _, tc := range []struct {
		parts string
		want  []string
		not   []string
	}{
		{"", []string{"一、总体情况", "附：按责任单位统计", "市发展改革委", "市统计局", "市商务局"}, nil},
		{"units", []string{"附：按责任单位统计", "市统计局"}, []string{"一、总体情况"}},
		{"按责任单位", []string{"附：按责任单位统计"}, []string{"一、总体情况"}},
		{"6", []string{"附：按责任单位统计"}, []string{"一、总体情况"}},
		{"1,2", []string{"一、总体情况"}, []string{"按责任单位"}},
	} {
		out := filepath.Join(t.TempDir(), "简报.pdf")
		argv := []string{"export", "-o", out, "--as-of", "1-9月", "--date", "2024-10-25"}
		if tc.parts != "" {
			argv = append(argv, "--parts", tc.parts)
		}
		if r := run(t, db, argv...); r.code != 0 {
			t.Fatalf("%v: %d %s", argv, r.code, r.stderr)
		}
		b, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
		must(t, err)
		text := strings.Join(strings.Fields(string(b)), "")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("--parts %q: no %q", tc.parts, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(text, w) {
				t.Errorf("--parts %q: %q though not asked for", tc.parts, w)
			}
		}
		if r := run(t, db, "verify", out); r.code != 0 || !strings.Contains(r.stdout, "与当前数据一致") {
			t.Errorf("--parts %q: verify %d %s %s", tc.parts, r.code, r.stdout, r.stderr)
		}
	}
	if r := run(t, db, "export", "-o", filepath.Join(t.TempDir(), "x.pdf"), "--parts", "7"); r.code != 2 || !strings.Contains(r.stderr, "或 1-6") {
		t.Errorf("--parts 7: %d %s", r.code, r.stderr)
	}
}

// The appendix alone of a plan whose units have no items is refused, in
// both formats, with the reason and exit 1, and no file is written; verify
// of a brief with the appendix and the summary, made then, agrees.
func TestExportUnitsAloneWithoutAssignmentsIsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "plan.db")
	setUp(t, db, "unit", "add", "市统计局")
	for _, name := range []string{"简报.pdf", "简报.docx"} {
		out := filepath.Join(t.TempDir(), name)
		r := run(t, db, "export", "-o", out, "--parts", "units", "--date", "2023-10-25")
		if r.code != 1 || !strings.Contains(r.stderr, "所选部分没有内容：本计划的项目尚未指定责任单位") {
			t.Errorf("%s: %d %q", name, r.code, r.stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s written: %v", name, err)
		}
	}
	out := filepath.Join(t.TempDir(), "简报.pdf")
	setUp(t, db, "export", "-o", out, "--parts", "summary,units", "--date", "2023-10-25")
	if r := run(t, db, "verify", out); r.code != 0 || !strings.Contains(r.stdout, "与当前数据一致") {
		t.Errorf("verify: %d %s %s", r.code, r.stdout, r.stderr)
	}
}
