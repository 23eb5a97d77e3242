package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

// reportDraft is the tongxiang execution report drafted to JSON and
// confirmed as a reviewer would: 全员劳动生产率's target written with its
// unit (20.5万元/人), 实际利用外资 given a target and the result
// 待省反馈 that a report prints for a figure not yet known.
func reportDraft(t *testing.T, db, dir string) string {
	t.Helper()
	report := copySample(t, dir, "../../model/docread/testdata/tongxiang-2024-execution-report-opening.txt", "桐乡 执行情况.txt")
	r := run(t, db, "plan", "draft", report, "--json")
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	for _, it := range doc["items"].([]any) {
		m := it.(map[string]any)
		m["needs_review"] = false
		switch m["id"] {
		case "A1-02":
			m["target_text"] = "20.5万元/人"
		case "A1-05":
			m["target_text"] = "增长5%"
			m["reported_actual"] = map[string]any{"text": "待省反馈", "value": nil, "period": "1-12月"}
		}
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "桐乡草稿.json")
	writeFile(t, path, out)
	return path
}

func wantAll(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

// TestImportRecordReported: a plan imported from an execution report's
// draft with --record-reported holds the report's results as its 1-12月
// figures, in the report's terms (下降4.6% on a growth target is -4.6);
// the unreadable are listed, not recorded; history names the file.
func TestImportRecordReported(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "plans")
	draft := reportDraft(t, db, filepath.Dir(db))
	r := run(t, db, "plan", "import", draft, "--city", "桐乡市", "--record-reported")
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	src := "执行情况报告（桐乡 执行情况.txt）"
	wantAll(t, "import", r.stdout, "3项记为2024年的数值（来源："+src+"）", "2项无法读取",
		"A1-02 全员劳动生产率：报告的“20.5万元/”不是数值，未记录", "A1-05 实际利用外资：报告的“待省反馈”不是数值，未记录", "已创建")
	for _, c := range []struct{ id, want string }{
		{"A1-01", "1-12月　4.8%"},
		{"A1-03", "1-12月　-4.6%"},
		{"A1-04", "1-12月　2.7%"},
	} {
		r := run(t, db, "show", c.id)
		wantAll(t, "show "+c.id, r.stdout, c.want, "来源："+src)
	}
	if r := run(t, db, "show", "A1-05"); strings.Contains(r.stdout, src) {
		t.Errorf("待省反馈 recorded:\n%s", r.stdout)
	}
	h := run(t, db, "history", "A1-03")
	wantAll(t, "history", h.stdout, "录入实际值 A1-03 2024-12", `"value":-4.6`, src)

	// Only a draft carries reported results: a plan file is refused.
	dir := filepath.Dir(db)
	exp := filepath.Join(dir, "计划.json")
	var plans []struct {
		ID   string `json:"id"`
		Year int    `json:"year"`
	}
	if err := json.Unmarshal([]byte(run(t, db, "plans", "--json").stdout), &plans); err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, p := range plans {
		if p.Year == 2024 {
			id = p.ID
		}
	}
	setUp(t, db, "plan", "export", id, "-o", exp)
	before := dbBytes(t, db)
	r = run(t, db, "plan", "import", exp, "--city", "桐乡市", "--year", "2026", "--record-reported")
	if r.code != 2 || !strings.Contains(r.stderr, "--record-reported 只用于计划执行情况报告起草的草稿") {
		t.Errorf("plan file with --record-reported: %d %s", r.code, r.stderr)
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Error("refused import changed the database")
	}
}

// TestRecordPriorFrom: last year's execution report recorded as 上年完成
// of the following year's plan, matched by name; --dry-run writes nothing;
// a draft with no reported results is refused, nothing changed.
func TestRecordPriorFrom(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "plans")
	dir := filepath.Dir(db)
	draft := reportDraft(t, db, dir)
	// The 2025 plan holds the same indicators, 实际利用外资 renamed
	// 实际使用外资 (so its 待省反馈 matches nothing).
	next := filepath.Join(dir, "2025草稿.json")
	writeFile(t, next, []byte(strings.Replace(string(readFile(t, draft)), `"实际利用外资"`, `"实际使用外资"`, 1)))
	setUp(t, db, "plan", "import", next, "--city", "桐乡市", "--year", "2025")

	before := dbBytes(t, db)
	r := run(t, db, "record-prior", "--from", draft, "--dry-run")
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	wantAll(t, "dry run", r.stdout, "报告5项，匹配3项，未匹配1项，无法读取1项", "实际利用外资（报告待省反馈）：本计划没有同名项目", "A1-03 一般公共预算收入 ← 下降4.6%（下降4.6%）",
		"全员劳动生产率 → A1-02：报告的“20.5万元/”不是数值", "试录入：未写入")
	if string(dbBytes(t, db)) != string(before) {
		t.Error("--dry-run changed the database")
	}

	r = run(t, db, "record-prior", "--from", draft, "--by", "李四")
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	wantAll(t, "record-prior --from", r.stdout, "已录入3项上年完成，来源：执行情况报告（桐乡 执行情况.txt）")
	for _, c := range []struct{ id, want string }{
		{"A1-01", "上年完成：2024年 增长4.8%（审阅人录入，来源：执行情况报告（桐乡 执行情况.txt），李四录入）"},
		{"A1-03", "上年完成：2024年 下降4.6%"},
		{"A1-04", "上年完成：2024年 增长2.7%"},
	} {
		wantAll(t, "show "+c.id, run(t, db, "show", c.id).stdout, c.want)
	}
	if s := run(t, db, "show", "A1-05").stdout; strings.Contains(s, "审阅人录入") {
		t.Errorf("待省反馈 recorded as 上年完成:\n%s", s)
	}

	// A draft of a notice has no reported results: refused, nothing changed.
	notice := copySample(t, dir, "../../seeds/jiaxing-2023-plan-notice.txt", "嘉兴 通知.txt")
	nd := filepath.Join(dir, "通知草稿.json")
	writeFile(t, nd, []byte(r0(t, db, notice)))
	before = dbBytes(t, db)
	for _, argv := range [][]string{
		{"record-prior", "--from", nd},
		{"record-prior", "--from", filepath.Join(dir, "无此文件.json")},
	} {
		r := run(t, db, argv...)
		if r.code == 0 {
			t.Errorf("%v accepted:\n%s", argv, r.stdout)
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Errorf("%v changed the database", argv)
		}
	}
	r = run(t, db, "record-prior", "--from", nd)
	wantAll(t, "no results", r.stderr, "“通知草稿.json”中没有报告的实际完成情况（reported_actual），未录入任何上年完成")
}

// TestReportedFigure: a reported result in the terms `record` takes for
// the item's target, or why not.
func TestReportedFigure(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		rep    plantable.DraftReported
		target string
		text   string
		month  int
		why    string
	}{
		{plantable.DraftReported{Text: "增长4.8%", Value: f(4.8), Basis: domain.BasisGrowth, Period: "1-12月"}, "增长6.5%左右", "4.8", 12, ""},
		{plantable.DraftReported{Text: "下降4.6%", Value: f(4.6), Basis: domain.BasisReduction, Period: "1-12月"}, "增长5%", "-4.6", 12, ""},
		{plantable.DraftReported{Text: "增长1%", Value: f(1), Basis: domain.BasisGrowth}, "下降3%", "-1", 12, ""},
		{plantable.DraftReported{Text: "21万元/人", Value: f(21), Basis: domain.BasisLevel, Period: "1-6月"}, "20.5万元/人", "21", 6, ""},
		{plantable.DraftReported{Text: "待省反馈", Period: "1-12月"}, "增长5%", "", 0, "不是数值"},
		{plantable.DraftReported{Text: "预计较难完成"}, "增长5%", "", 0, "不是数值"},
		{plantable.DraftReported{Text: "增长3%", Value: f(3), Basis: domain.BasisGrowth, Period: "3-5月"}, "增长5%", "", 0, "不是从1月起的累计"},
		{plantable.DraftReported{Text: "增长3%", Value: f(3), Basis: domain.BasisGrowth}, "95%以上", "", 0, "口径不同"},
	} {
		tg, err := domain.ParseTarget(c.target)
		if err != nil {
			t.Fatal(err)
		}
		text, month, why := reportedFigure(&c.rep, &tg)
		if text != c.text || month != c.month || !strings.Contains(why, c.why) || (c.why == "") != (why == "") {
			t.Errorf("%s on %s: %q %d %q, want %q %d %q", c.rep.Text, c.target, text, month, why, c.text, c.month, c.why)
		}
	}
}
