package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/plantable"
)

// renameInTable renames an item in an exported plan table, as next year's
// table often words an indicator anew.
func renameInTable(t *testing.T, file, from, to string) {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				if v == from {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if err := f.SetCellStr(sheet, cell, to); err != nil {
						t.Fatal(err)
					}
					found = true
				}
			}
		}
	}
	if !found {
		t.Fatalf("%q not in %s", from, file)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// priorWorkspace is the bundled 2023 plan with full-year figures for
// A1-01 and A1-02, and a 2024 plan made from its exported table, in which
// 一般公共预算收入 is renamed 地方一般公共预算收入.
func priorWorkspace(t *testing.T) (db, id2024 string) {
	t.Helper()
	db = tempDB(t)
	setUp(t, db, "record", "A1-01", "全年", "6.3", "--source", "2023年统计公报")
	setUp(t, db, "record", "A1-02", "全年", "4.8", "--source", "2023年统计公报")
	file := exportBundled(t, db)
	renameInTable(t, file, "一般公共预算收入", "地方一般公共预算收入")
	r := run(t, db, "plan", "import", file, "--city", "嘉兴", "--year", "2024")
	if r.code != 0 || !strings.Contains(r.stdout, "已按名称与上年计划《2023年嘉兴市国民经济和社会发展计划》（jiaxing-2023）配对112项，1项未配对：planreview pairs --unmatched") {
		t.Fatalf("plan import: %d %s %s", r.code, r.stdout, r.stderr)
	}
	return db, plantable.PlanID("嘉兴", 2024)
}

// A 2024 plan created next to the bundled 2023 plan is linked to it at
// once: 2023's full-year figures show as 上年完成 in show and list --json;
// the renamed item is unmatched, listed by pairs --unmatched, and can be
// paired by hand and the pairing undone.
func TestPriorYearBesideThisYear(t *testing.T) {
	db, id := priorWorkspace(t)
	r := run(t, db, "show", "A1-01")
	for _, want := range []string{"上年目标：增长6%左右（jiaxing-2023 A1-01 地区生产总值，按名称自动配对）",
		"上年完成：1-12月 增长6.3%，完成——"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("show A1-01 lacks %q: %d %s %s", want, r.code, r.stdout, r.stderr)
		}
	}
	rows := listJSON(t, db)
	if g := find(rows, "A1-01"); g.PriorTarget != "增长6%左右" || g.PriorActual == nil || g.PriorActual.Text != "增长6.3%" ||
		g.PriorActual.StatusCode != "met" || g.PriorActual.Typed || g.PriorActual.Plan != "jiaxing-2023" {
		t.Errorf("A1-01 in list --json: %q %+v", g.PriorTarget, g.PriorActual)
	}
	if g := find(rows, "A1-02"); g.PriorTarget != "" || g.PriorActual != nil {
		t.Errorf("renamed A1-02 is paired: %q %+v", g.PriorTarget, g.PriorActual)
	}
	r = run(t, db, "pairs", "--unmatched", "--json")
	var un []pairRow
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &un) != nil || len(un) == 0 || un[0].ID != "A1-02" {
		t.Fatalf("pairs --unmatched: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, db, "show", "A1-02"); !strings.Contains(r.stdout, "上年目标：未配对（可用 planreview pair A1-02 上年编号") {
		t.Errorf("show unmatched: %s", r.stdout)
	}
	r = run(t, db, "pair", "A1-02", "A1-02")
	if r.code != 0 || !strings.Contains(r.stdout, "已配对：A1-02 地方一般公共预算收入 ← 上年 A1-02 一般公共预算收入（上年目标：增长5%左右）") {
		t.Fatalf("pair: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, db, "show", "A1-02"); !strings.Contains(r.stdout, "上年完成：1-12月 增长4.8%，完成") ||
		!strings.Contains(r.stdout, "审阅人配对") {
		t.Errorf("show after pairing: %s", r.stdout)
	}
	setUp(t, db, "undo")
	if g := find(listJSON(t, db), "A1-02"); g.PriorActual != nil {
		t.Errorf("undo of the pairing left %+v", g.PriorActual)
	}
	setUp(t, db, "pair", "A1-03", "--none")
	r = run(t, db, "pairs", "--json", "--plan", id)
	var all []pairRow
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &all) != nil || len(all) != 113 {
		t.Fatalf("pairs --json: %d %s", r.code, r.stderr)
	}
	for _, p := range all {
		if p.ID == "A1-03" && p.How != "none" || p.ID == "A1-01" && (p.How != "name" || p.PriorItem != "A1-01") {
			t.Errorf("pairs --json: %+v", p)
		}
	}
}

// record-prior on a plan with no previous plan in the workspace: the
// typed result shows as 上年完成 with its source, and can be removed.
func TestRecordPriorWithoutAPreviousPlan(t *testing.T) {
	db := tempDB(t)
	r := run(t, db, "record-prior", "A1-01", "６.０", "--source", "2022年计划执行情况报告")
	if r.code != 0 || !strings.Contains(r.stdout, "已保存：A1-01 上年（2022年）完成 增长6%，来源：2022年计划执行情况报告。") {
		t.Fatalf("record-prior: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, db, "show", "A1-01"); !strings.Contains(r.stdout, "上年完成：2022年 增长6%（审阅人录入，来源：2022年计划执行情况报告，张三录入）") {
		t.Errorf("show: %s", r.stdout)
	}
	if g := find(listJSON(t, db), "A1-01"); g.PriorActual == nil || !g.PriorActual.Typed || *g.PriorActual.Value != 6 ||
		g.PriorActual.Period != "2022-12" {
		t.Errorf("list --json: %+v", g.PriorActual)
	}
	setUp(t, db, "unrecord-prior", "A1-01")
	if r := run(t, db, "show", "A1-01"); !strings.Contains(r.stdout, "上年完成：暂无（工作区中没有上年计划") {
		t.Errorf("show after unrecord-prior: %s", r.stdout)
	}
}

// Bad input is refused in Chinese, naming what is wrong, and leaves the
// database file byte for byte as it was.
func TestPriorBadInputChangesNothing(t *testing.T) {
	db, id := priorWorkspace(t)
	file := exportBundled(t, db)
	setUp(t, db, "plan", "import", file, "--city", "桐乡市", "--year", "2023")
	other := plantable.PlanID("桐乡市", 2023)
	before := dbBytes(t, db)
	for _, tc := range []struct {
		argv []string
		code int
		want string
	}{
		{[]string{"pair", "X9-99", "A1-01"}, 1, "没有编号为“X9-99”的项目"},
		{[]string{"pair", "A1-02", "X9-99"}, 1, "中没有编号为“X9-99”的项目"},
		{[]string{"pair", "A1-02", "A1-02", "--prior-plan", other}, 1, "是桐乡市2023年的计划，不是本计划（嘉兴2024年）的上年计划"},
		{[]string{"pair", "A1-02", "A1-02", "--prior-plan", "nope"}, 1, "没有编号为“nope”的计划"},
		{[]string{"pair", "A1-02"}, 2, "需要编号和上年项目编号两个参数"},
		{[]string{"record-prior", "A1-02", "五点一", "--source", "报告"}, 1, "A1-02 上年完成：实际值“五点一”无法识别"},
		{[]string{"record-prior", "A1-02", "5.1"}, 1, "来源不能为空"},
		{[]string{"record-prior", "M1-01", "已完成", "--source", "报告"}, 1, "是重点事项"},
		{[]string{"unrecord-prior", "A1-02"}, 1, "A1-02 没有录入的上年完成"},
		{[]string{"pair", "A1-01", "A1-01", "--plan", "jiaxing-2023"}, 1, "工作区中没有嘉兴市2022年（上年）的计划"},
	} {
		argv := tc.argv
		if !strings.Contains(strings.Join(argv, " "), "--plan ") {
			argv = append(argv, "--plan", id)
		}
		r := run(t, db, argv...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: %d %q, want %d and %q", tc.argv, r.code, r.stderr, tc.code, tc.want)
		}
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Error("refused input changed the database")
	}
}

// The brief's 表1 of the 2024 plan has a 上年完成 column with 2023's
// full-year figures; the 2023 plan's brief, with no previous plan, has
// none.
func TestBriefShowsLastYearsResult(t *testing.T) {
	db, _ := priorWorkspace(t)
	setUp(t, db, "record", "A1-01", "前三季度", "5.5")
	text, _ := briefText(t, db, "前三季度")
	for _, want := range []string{"预期目标上年完成完成情况状态备注", "增长6.3%（完成）增长5.5%符合预期"} {
		if !strings.Contains(text, want) {
			t.Errorf("2024 brief lacks %q:\n%s", want, text)
		}
	}
	setUp(t, db, "note", "A1-01", "2023年计划的备注", "--plan", "jiaxing-2023") // the 2023 plan is current again
	text, _ = briefText(t, db, "全年")
	if !strings.Contains(text, "2023年嘉兴市国民经济和社会发展计划") || strings.Contains(text, "上年完成") {
		t.Errorf("2023 brief:\n%s", text)
	}
}

// Pairing a second item of this year with a prior item already paired
// works (an indicator split in two) but says which item holds it too.
func TestPairingTakenPriorItemSaysSo(t *testing.T) {
	db, _ := priorWorkspace(t)
	for _, tc := range []struct {
		args []string
		want string
		hint bool
	}{
		{[]string{"pair", "A1-03", "A1-04"}, "已配对：A1-03", true},
		{[]string{"pair", "A1-02", "A1-02"}, "已配对：A1-02", false},
	} {
		r := run(t, db, tc.args...)
		if r.code != 0 || !strings.Contains(r.stdout, tc.want) {
			t.Fatalf("%v: %d %s %s", tc.args, r.code, r.stdout, r.stderr)
		}
		hint := strings.Contains(r.stdout, "提示：上年 A1-04 也与本计划 A1-04 配对")
		if hint != tc.hint || (!tc.hint && strings.Contains(r.stdout, "提示")) {
			t.Errorf("%v: hint %v, want %v: %s", tc.args, hint, tc.hint, r.stdout)
		}
	}
}
