package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRoundStatusChasePDF: -o with a .pdf name writes the 催报清单 as a
// one-page PDF naming every unit still owing and its missing items (A1-01
// and A1-02 are owed by two units each: 5 项次 of 3 items, said so), and
// (everything fitting on the page) no workbook beside it.
func TestRoundStatusChasePDF(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (scripts/test.sh installs poppler-utils)", tool)
		}
	}
	db, _ := startedRound(t)
	out := filepath.Join(t.TempDir(), "催报清单.PDF")
	r := run(t, db, "round", "status", "--as-of", "2024-10-15", "-o", out)
	if r.code != 0 {
		t.Fatalf("status -o pdf: %d %s %s", r.code, r.stdout, r.stderr)
	}
	info, err := exec.Command("pdfinfo", out).Output()
	must(t, err)
	if !regexp.MustCompile(`Pages:\s+1\n`).Match(info) {
		t.Errorf("not one page:\n%s", info)
	}
	b, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	must(t, err)
	text := strings.Join(strings.Fields(string(b)), "")
	for _, want := range []string{"2024年1-9月计划执行情况填报催报清单", "填报轮次：R1", "截止日期：2024年10月10日", "（已逾期5天）",
		"共3个单位未报送5项次（涉及3个项目，部分项目由多个单位分别填报）", "市发展改革委", "市商务局", "市统计局", "地区生产总值", "社会消费品零售总额", "固定资产投资", "联系人电话催报情况"} {
		if !strings.Contains(text, want) {
			t.Errorf("催报清单.pdf lacks %q:\n%s", want, text)
		}
	}
	if _, err := os.Stat(strings.TrimSuffix(out, ".PDF") + ".xlsx"); !os.IsNotExist(err) {
		t.Errorf("a workbook was written beside a PDF that names every item: %v", err)
	}
}
