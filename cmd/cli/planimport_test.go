package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

// TestPlanImportSettlesRows: the rows a table leaves 待确认 are settled on
// the command line, --set with a target in the grammar's terms and
// --qualitative with the mark; a word refused names the row and what is
// accepted, and creates nothing.
func TestPlanImportSettlesRows(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "plans")
	file := filepath.Join(filepath.Dir(db), "桐乡 2024.xlsx")
	xlsx(t, file, [][]any{{"序号", "指标名称", "预期目标", "单位"}, {"1", "地区生产总值", "增长6%", ""},
		{"2", "营商环境", "明显好转", ""}, {"3", "保障性住房", "1万多", "套"}})
	before := dbBytes(t, db)
	for _, c := range []struct {
		argv []string
		code int
		want string
	}{
		{nil, 1, "有2处问题，未创建计划"},
		{[]string{"--set", "Sheet1:4=10000套以上"}, 1, "有1处问题"},
		{[]string{"--set", "Sheet1:4=一万多套", "--qualitative", "Sheet1:3"}, 1, "第4行：目标“一万多套”无法识别：缺少数值。可填写：增长6%左右"},
		{[]string{"--set", "Sheet1:4"}, 2, "--set 写作 '行=目标'"},
		{[]string{"--qualitative", "Sheet1:2"}, 1, "可按目标语法读作“增长率 ≥ 6%”，不能标为定性"},
		{[]string{"--qualitative", "Sheet1:9"}, 1, "待确认的行：Sheet1:3、Sheet1:4"},
	} {
		argv := append([]string{"plan", "import", file, "--city", "桐乡市", "--year", "2024"}, c.argv...)
		r := run(t, db, argv...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %d %q, want %d with %q", c.argv, r.code, r.stderr, c.code, c.want)
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Fatalf("%v changed the database", c.argv)
		}
	}
	setUp(t, db, "plan", "import", file, "--city", "桐乡市", "--year", "2024", "--set", "Sheet1:4=10000套以上", "--qualitative", "Sheet1:3")
	rows := listJSON(t, db)
	if len(rows) != 3 || rows[1].Target == nil || rows[1].Target.Basis != domain.BasisQualitative || rows[1].Target.Ref != "明显好转" ||
		rows[1].Status.Code != domain.AwaitingJudgement || rows[2].TargetText != "10000套以上" || rows[2].Target.Value != 10000 {
		t.Errorf("plan made: %+v", rows)
	}
}

// TestPlanImportJSONRefusals: a JSON file that is no plan file, or one
// that clashes, is refused with the reason, and the database is untouched.
func TestPlanImportJSONRefusals(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "plans")
	dir := filepath.Dir(db)
	exported := filepath.Join(dir, "计划.json")
	setUp(t, db, "plan", "export", "jiaxing-2023", "-o", exported)
	var f domain.PlanFile
	if err := json.Unmarshal(readFile(t, exported), &f); err != nil {
		t.Fatal(err)
	}
	hiding := f
	hiding.Items = append([]domain.PlanFileItem(nil), f.Items...)
	q := domain.QualitativeTarget(hiding.Items[0].TargetText)
	hiding.Items[0].Target = &q
	file := func(name string, v any) string {
		path := filepath.Join(dir, name)
		data, ok := v.([]byte)
		if !ok {
			var err error
			if data, err = json.Marshal(v); err != nil {
				t.Fatal(err)
			}
		}
		writeFile(t, path, data)
		return path
	}
	before := dbBytes(t, db)
	for _, c := range []struct {
		path string
		argv []string
		code int
		want string
	}{
		{file("草稿.json", map[string]any{"items": []any{}}), nil, 1, "没有顶层“plan”键"},
		{file("坏.json", []byte(`{"plan": `)), nil, 1, "不是有效的JSON"},
		{exported, nil, 1, "嘉兴市已有2023年的计划"},
		{exported, []string{"--city", "嘉兴", "--year", "2023"}, 1, "嘉兴市已有2023年的计划"},
		{exported, []string{"--year", "23"}, 2, "--year"},
		{file("隐去数值.json", hiding), []string{"--year", "2024"}, 1, "A1-01：目标“增长6%左右”可按目标语法读作“增长率 ≈ 6%”，不能标为定性"},
		{exported, []string{"--year", "2024", "--dry-run"}, 0, ""},
	} {
		r := run(t, db, append([]string{"plan", "import", c.path}, c.argv...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s %v: %d %q, want %d with %q", filepath.Base(c.path), c.argv, r.code, r.stderr, c.code, c.want)
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Fatalf("%s %v changed the database", filepath.Base(c.path), c.argv)
		}
	}
	r := run(t, db, "plan", "import", exported, "--city", "桐乡市", "--year", "2024")
	if r.code != 0 || !strings.Contains(r.stdout, "已创建《2024年桐乡市国民经济和社会发展计划》（编号 "+plantable.PlanID("桐乡市", 2024)) {
		t.Fatalf("%d %s %s", r.code, r.stdout, r.stderr)
	}
}

// TestPlanImportHeaderWords: a workbook is read by the one vocabulary of
// table headers (model/tablehead) that documents are read by, so a column
// headed 主要任务, 名称 or 牵头责任单位 is known here as in plan draft; a
// table of 重点工作 alone is a plan.
func TestPlanImportHeaderWords(t *testing.T) {
	for _, c := range []struct {
		name string
		rows [][]any
		kind domain.Kind
	}{
		{"主要任务", [][]any{{"序号", "主要任务", "目标", "责任单位"}, {"1", "新建保障性住房", "1000套以上", "市住建局"}}, domain.KindCommitment},
		{"名称", [][]any{{"序号", "名称", "预期目标", "牵头责任单位"}, {"1", "地区生产总值", "增长6%", "市发改委"}}, domain.KindIndicator},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := tempDB(t)
			setUp(t, db, "plans")
			file := filepath.Join(filepath.Dir(db), c.name+".xlsx")
			xlsx(t, file, c.rows)
			setUp(t, db, "plan", "import", file, "--city", "桐乡市", "--year", "2024")
			rows := listJSON(t, db)
			if len(rows) != 1 || rows[0].Name != c.rows[1][1] || rows[0].Kind != c.kind || rows[0].Target == nil || rows[0].LeadUnit != c.rows[1][3] {
				t.Errorf("plan made: %+v", rows)
			}
		})
	}
}
