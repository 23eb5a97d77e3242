package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// briefText exports a brief through the command line and reads it back
// with pdftotext, white space removed (lines wrap anywhere in Chinese).
func briefText(t *testing.T, db, asOf string) (text, stderr string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	out := filepath.Join(t.TempDir(), "简报 "+asOf+".pdf")
	r := run(t, db, "export", "-o", out, "--as-of", asOf, "--date", "2023-10-25")
	if r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	b, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(b)), ""), r.stderr
}

// Every sentence the brief prints about figures it lacks or shares:
// a judgement on an earlier period's figure, a linked item in 需关注, a
// parcel without a figure, and the warning when the period has no data.
func TestBriefSaysOnlyWhatIsTrue(t *testing.T) {
	tests := []struct {
		name    string
		records [][]string // record arguments
		asOf    string
		want    []string
		not     []string
		stderr  string // the period warning
	}{{
		name:    "全年 with only a 1-9月 figure",
		records: [][]string{{"A1-01", "1-9月", "5.8"}},
		asOf:    "全年",
		want: []string{
			"年度计划确定的20项主要指标中，0项完成全年目标，0项未完成或不及预期，1项按1-9月数据符合预期，19项暂无数据或目标待定，详见表1。",
			"尚无1-12月数据，按1-9月数据：1-9月增长5.8%",
		},
		not:    []string{"1项完成全年目标"},
		stderr: "提示：所选期间1-12月，20项主要指标中20项尚无该期数据（最新数据为1-9月）。",
	}, {
		name:    "a linked item is one concern, named at both places",
		records: [][]string{{"A1-05", "1-9月", "9.1"}},
		asOf:    "前三季度",
		want: []string{
			"以下1项滞后、未完成或超出控制目标，按计划文本顺序排列。",
			"固定资产投资（表1第5项及表2一、聚焦扩大内需，目标：增长10%）",
		},
		stderr: "提示：所选期间1-9月，20项主要指标中19项尚无该期数据。",
	}, {
		name:    "an early figure in 需关注 says so",
		records: [][]string{{"A1-05", "1-9月", "9.1"}},
		asOf:    "全年",
		want: []string{
			"以下1项滞后、未完成或超出控制目标（其中1项尚无1-12月数据，按此前数据判断），按计划文本顺序排列。",
			"按1-9月数据低于预期",
		},
		stderr: "提示：所选期间1-12月，20项主要指标中20项尚无该期数据（最新数据为1-9月）。",
	}, {
		name:    "parcels without figures",
		records: [][]string{{"A1-01", "1-9月", "5.8"}},
		asOf:    "前三季度",
		want:    []string{"市级国有土地上房屋征收计划共8个地块，面积合计513.31亩；截至1-9月各地块征收进度暂无数据。"},
		not:     []string{"已完成征收0.00亩", "占0.0%"},
		stderr:  "提示：所选期间1-9月，20项主要指标中19项尚无该期数据。",
	}, {
		name:    "one parcel with a figure",
		records: [][]string{{"A2-01", "1-9月", "30.5"}},
		asOf:    "前三季度",
		want:    []string{"截至1-9月已完成征收30.50亩，占5.9%（7个地块暂无数据）。"},
		stderr:  "提示：所选期间1-9月，20项主要指标中20项尚无该期数据。",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := tempDB(t)
			for _, rec := range tt.records {
				if r := run(t, db, append([]string{"record"}, rec...)...); r.code != 0 {
					t.Fatalf("record %v: %s", rec, r.stderr)
				}
			}
			text, stderr := briefText(t, db, tt.asOf)
			for _, w := range tt.want {
				if !strings.Contains(text, strings.Join(strings.Fields(w), "")) {
					t.Errorf("the brief lacks %q", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("the brief says %q", n)
				}
			}
			if strings.TrimSpace(stderr) != tt.stderr {
				t.Errorf("stderr %q, want %q", stderr, tt.stderr)
			}
		})
	}
}

// `list` counts a judgement on an earlier figure apart and marks it in JSON.
func TestListCountsEarlyJudgementsApart(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "A1-01", "1-9月", "5.8")
	r := run(t, db, "list", "--as-of", "全年")
	if r.code != 0 || !strings.Contains(r.stdout, "共113项：目标待定 2项，暂无数据 110项，按1-9月数据符合预期 1项") {
		t.Errorf("list summary:\n%s", r.stdout)
	}
	for _, tt := range []struct {
		asOf  string
		early bool
	}{{"全年", true}, {"前三季度", false}} {
		if row := find(listJSON(t, db, "--as-of", tt.asOf), "A1-01"); row.Status.Early != tt.early || row.Status.Code != "on_track" {
			t.Errorf("%s: A1-01 status %+v, want early=%v", tt.asOf, row.Status, tt.early)
		}
	}
}
