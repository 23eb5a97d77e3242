package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// unitsDB is a workspace whose current plan was imported from a table with
// a 责任单位 column: 桐乡 2024, four rows.
func unitsDB(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	setUp(t, db, "plans")
	file := filepath.Join(filepath.Dir(db), "桐乡 2024.xlsx")
	xlsx(t, file, [][]any{{"序号", "指标名称", "预期目标", "单位", "责任单位"},
		{"1", "地区生产总值", "增长6%", "", "市发展改革委、市统计局"},
		{"2", "社会消费品零售总额", "增长6.5%", "", "市商务局，市统计局"},
		{"3", "固定资产投资", "增长5%", "", "市发改委"},
		{"4", "城镇新增就业", "1.2万人", "", ""}})
	setUp(t, db, "plan", "import", file, "--city", "桐乡市", "--year", "2024")
	return db
}

func unitsJSON(t *testing.T, db string) map[string]unitRow {
	t.Helper()
	r := run(t, db, "units", "--json")
	var rows []unitRow
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &rows) != nil {
		t.Fatalf("units --json: %d %s %s", r.code, r.stdout, r.stderr)
	}
	out := map[string]unitRow{}
	for _, u := range rows {
		out[u.Full] = u
	}
	return out
}

func TestUnitsFromThePlanTable(t *testing.T) {
	db := unitsDB(t)
	got := unitsJSON(t, db)
	for full, want := range map[string][2]int{"市发展改革委": {2, 0}, "市统计局": {0, 2}, "市商务局": {1, 0}} {
		if u := got[full]; u.Lead != want[0] || u.With != want[1] {
			t.Errorf("%s: %+v, want lead %d with %d", full, u, want[0], want[1])
		}
	}
	if len(got) != 3 || got["市发展改革委"].Short != "发改委" {
		t.Errorf("units %+v", got)
	}
	rows := listJSON(t, db)
	if rows[0].LeadUnit != "市发展改革委" || strings.Join(rows[0].WithUnits, "、") != "市统计局" || rows[3].LeadUnit != "" {
		t.Errorf("list --json units: %+v / %+v", rows[0], rows[3])
	}
	r := run(t, db, "show", rows[1].ID)
	if !strings.Contains(r.stdout, "责任单位：牵头 市商务局；协办 市统计局") {
		t.Errorf("show: %s", r.stdout)
	}
}

func TestAssignAndListByUnit(t *testing.T) {
	db := unitsDB(t)
	ids := func(argv ...string) string {
		var rows []Row
		r := run(t, db, append([]string{"list", "--json"}, argv...)...)
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &rows) != nil {
			t.Fatalf("list %v: %d %s", argv, r.code, r.stderr)
		}
		var out []string
		for _, row := range rows {
			out = append(out, row.ID)
		}
		return strings.Join(out, " ")
	}
	all := strings.Fields(ids())
	// 统计局 co-operates on the first two; 发改委 leads the first and third.
	if got, want := ids("--unit", "统计局"), all[0]+" "+all[1]; got != want {
		t.Errorf("--unit 统计局: %s, want %s", got, want)
	}
	if got, want := ids("--unit", "市发改委"), all[0]+" "+all[2]; got != want {
		t.Errorf("--unit 市发改委: %s, want %s", got, want)
	}
	before := dbBytes(t, db)
	for _, c := range []struct {
		argv []string
		code int
		want string
	}{
		{[]string{"assign", all[3], "--lead", "市人力社保局"}, 1, "要同时添加这个单位，请加 --new-unit"},
		{[]string{"assign", all[3]}, 2, "需要 --lead"},
		{[]string{"assign", "--lead", "商务局"}, 2, "需要项目编号"},
		{[]string{"assign", all[3], "--section", "S1", "--lead", "商务局"}, 2, "请只写项目编号或 --section 之一"},
		{[]string{"assign", "--section", "Z9", "--lead", "商务局"}, 1, "没有“Z9”部分"},
		{[]string{"unit", "remove", "统计局"}, 1, "还是0项的牵头单位、2项的协办单位，不能删除"},
		{[]string{"unit", "add", "市发改委"}, 1, "已有责任单位“市发展改革委（发改委）”"},
		{[]string{"list", "--unit", "市经信局"}, 1, "没有这个责任单位"},
	} {
		r := run(t, db, c.argv...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %d %q, want %d with %q", c.argv, r.code, r.stderr, c.code, c.want)
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Fatalf("%v changed the database", c.argv)
		}
	}
	r := run(t, db, "assign", all[3], all[1], "--lead", "市人力社保局", "--with", "统计局、发改委", "--new-unit")
	if r.code != 0 || !strings.Contains(r.stdout, "已添加责任单位：市人力社保局（人社局）") ||
		!strings.Contains(r.stdout, "已为2项指定责任单位：牵头 市人力社保局，协办 市统计局、市发展改革委") {
		t.Fatalf("assign: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if got, want := ids("--unit", "人社局"), all[1]+" "+all[3]; got != want {
		t.Errorf("--unit 人社局: %s", got)
	}
	// 市商务局 now leads nothing and can go; undo brings it back.
	setUp(t, db, "unit", "remove", "商务局")
	setUp(t, db, "undo")
	setUp(t, db, "unit", "rename", "商务局", "--full", "市商务局（市口岸办）")
	if u := unitsJSON(t, db)["市商务局（市口岸办）"]; u.Short != "商务局" {
		t.Errorf("renamed: %+v", u)
	}
	// The section as a whole, then cleared.
	setUp(t, db, "assign", "--section", "C1", "--lead", "发改委")
	if u := unitsJSON(t, db)["市发展改革委"]; u.Lead != 4 || u.With != 0 {
		t.Errorf("after section: %+v", u)
	}
	setUp(t, db, "assign", all[0], "--clear")
	if rows := listJSON(t, db); rows[0].LeadUnit != "" {
		t.Errorf("cleared: %+v", rows[0])
	}
	h := run(t, db, "history")
	for _, want := range []string{"指定责任单位", "添加责任单位", "删除责任单位", "修改责任单位名称", "按计划表指定责任单位"} {
		if !strings.Contains(h.stdout, want) {
			t.Errorf("history lacks %s", want)
		}
	}
}
