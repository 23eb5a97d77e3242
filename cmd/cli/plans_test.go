package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plantable"
)

// plansJSON lists the workspace's plans.
func plansJSON(t *testing.T, db string) []planJSON {
	t.Helper()
	r := run(t, db, "plans", "--json")
	var out []planJSON
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &out) != nil {
		t.Fatalf("plans --json: %d %s %s", r.code, r.stdout, r.stderr)
	}
	return out
}

// exportBundled writes the bundled plan in the template's form.
func exportBundled(t *testing.T, db string) string {
	t.Helper()
	out := filepath.Join(filepath.Dir(db), "嘉兴 2023.xlsx")
	setUp(t, db, "plan", "export", "jiaxing-2023", "-o", out)
	return out
}

// TestPlanImportCreatesAndSelects: next year's plan made from this
// year's exported table; a dry run first changes nothing; the new plan
// is then the one commands work on, and --plan reaches the other.
func TestPlanImportCreatesAndSelects(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "plans")
	file := exportBundled(t, db)
	before := dbBytes(t, db)
	r := run(t, db, "plan", "import", file, "--city", "嘉兴市", "--year", "2024", "--dry-run")
	if r.code != 0 || !strings.Contains(r.stdout, "试导入：没有问题，将创建计划 "+plantable.PlanID("嘉兴市", 2024)) {
		t.Fatalf("dry run: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Error("a dry run changed the database")
	}
	r = run(t, db, "plan", "import", file, "--city", "嘉兴市", "--year", "2024", "--title", "2024年嘉兴市计划")
	if r.code != 0 || !strings.Contains(r.stdout, "已创建《2024年嘉兴市计划》") {
		t.Fatalf("import: %d %s %s", r.code, r.stdout, r.stderr)
	}
	plans := plansJSON(t, db)
	if len(plans) != 2 || !plans[1].Current || plans[1].Year != 2024 || plans[1].Items != 113 || plans[0].Current {
		t.Fatalf("plans %+v", plans)
	}
	setUp(t, db, "record", "A1-01", "2024-06", "5.5")
	if r := run(t, db, "record", "A1-01", "2024-06", "5.5", "--plan", "jiaxing-2023"); r.code != 1 || !strings.Contains(r.stderr, "2023") {
		t.Errorf("2024 figure on the 2023 plan: %d %s", r.code, r.stderr)
	}
	setUp(t, db, "record", "A1-01", "2023-06", "6.1", "--plan", "jiaxing-2023")
	// The 2023 plan now has the newest change: it is the default again.
	if plans := plansJSON(t, db); !plans[0].Current || plans[0].Figures != 1 || plans[1].Figures != 1 {
		t.Errorf("plans %+v", plans)
	}
	for _, argv := range [][]string{{"list", "--plan", "nope"}, {"list", "--plan", ""}} {
		if r := run(t, db, argv...); r.code == 0 || !strings.Contains(r.stderr, "计划") {
			t.Errorf("%v: %d %s", argv, r.code, r.stderr)
		}
	}
}

// TestPlanImportRefusals: every bad table or request is refused with a
// message naming the row, column or field, and the database file is
// byte for byte as before.
func TestPlanImportRefusals(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "plans")
	dir := filepath.Dir(db)
	bundled := exportBundled(t, db)
	book := func(name string, rows ...[]any) string {
		path := filepath.Join(dir, name)
		xlsx(t, path, rows)
		return path
	}
	head := []any{"序号", "指标名称", "预期目标", "责任单位"}
	noTarget := book("无目标.xlsx", []any{"序号", "指标名称", "单位"}, []any{"1", "地区生产总值", "%"})
	unread := book("看不懂.xlsx", head, []any{"1", "地区生产总值", "增长6%"}, []any{"2", "生态环境质量", "明显好转"},
		[]any{"3", "新增城镇就业", "1万多"})
	dup := book("重复.xlsx", head, []any{"1", "地区生产总值", "增长6%"}, []any{"2", "地区生产总值", "增长7%"})
	good := book("好.xlsx", head, []any{"1", "地区生产总值", "增长6%", "市发改局、市统计局"})
	before := dbBytes(t, db)
	for _, c := range []struct {
		argv []string
		code int
		want []string
	}{
		{[]string{noTarget, "--city", "嘉兴市", "--year", "2024"}, 1, []string{"第1行有“指标名称”列，但没有“目标”"}},
		{[]string{unread, "--city", "嘉兴市", "--year", "2024"}, 1, []string{"有2处问题，未创建计划",
			"第3行“预期目标”列（C列）“明显好转”：没有数值", "第4行“预期目标”列（C列）“1万多”"}},
		{[]string{dup, "--city", "嘉兴市", "--year", "2024"}, 1, []string{"“地区生产总值”重复：第2行和第3行"}},
		{[]string{bundled, "--city", "嘉兴", "--year", "2023"}, 1, []string{"嘉兴市已有2023年的计划", "jiaxing-2023"}},
		{[]string{good, "--city", "嘉兴", "--year", "2023", "--dry-run"}, 1, []string{"嘉兴市已有2023年的计划"}},
		{[]string{good, "--year", "2024"}, 2, []string{"--city"}},
		{[]string{good, "--city", "嘉兴市", "--year", "24"}, 2, []string{"--year", "“24”"}},
		{[]string{filepath.Join(dir, "没有.xlsx"), "--city", "嘉兴市", "--year", "2024"}, 1, []string{"无法读取"}},
	} {
		r := run(t, db, append([]string{"plan", "import"}, c.argv...)...)
		if r.code != c.code {
			t.Errorf("%v: exit %d, want %d: %s", c.argv, r.code, c.code, r.stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%v: stderr %q lacks %q", c.argv, r.stderr, w)
			}
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Fatalf("%v changed the database", c.argv)
		}
	}
	if n := len(plansJSON(t, db)); n != 1 {
		t.Errorf("%d plans after refusals", n)
	}
}

// TestPlanImportJSONPreview: --dry-run --json gives each row with the
// list --json item fields, needs_review and the reason.
func TestPlanImportJSONPreview(t *testing.T) {
	db := tempDB(t)
	file := filepath.Join(t.TempDir(), "计划.xlsx")
	xlsx(t, file, [][]any{{"类别", "序号", "指标名称", "预期目标", "责任单位"},
		{"一、综合发展", "1", "地区生产总值", "7", "市发改局、市统计局"}, {nil, "2", "生态环境质量", "明显好转", "市生态环境局"}})
	r := run(t, db, "plan", "import", file, "--city", "桐乡市", "--year", "2024", "--dry-run", "--json")
	var rows []map[string]any
	if r.code != 1 || json.Unmarshal([]byte(r.stdout), &rows) != nil || len(rows) != 2 {
		t.Fatalf("%d %s %s", r.code, r.stdout, r.stderr)
	}
	for _, k := range []string{"id", "kind", "section", "section_title", "name", "target_text", "target", "source_quote", "needs_review"} {
		if _, ok := rows[0][k]; !ok {
			t.Errorf("row lacks %q: %v", k, rows[0])
		}
	}
	if rows[0]["id"] != "A1-01" || rows[0]["section_title"] != "一、综合发展" || rows[0]["needs_review"] != false ||
		rows[0]["target"].(map[string]any)["basis"] != "growth" {
		t.Errorf("row 0 %v", rows[0])
	}
	if rows[1]["needs_review"] != true || !strings.Contains(rows[1]["reason"].(string), "第3行“预期目标”列（D列）") {
		t.Errorf("row 1 %v", rows[1])
	}
}

// TestPlanRemove: without --yes it says what would go and changes
// nothing; with it, a backup first, then the counts and the backup's path.
func TestPlanRemove(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "plan", "import", exportBundled(t, db), "--city", "嘉兴市", "--year", "2024")
	setUp(t, db, "record", "A1-01", "2024-06", "5.5")
	setUp(t, db, "note", "A1-01", "上半年偏低")
	id := plantable.PlanID("嘉兴市", 2024)
	before := dbBytes(t, db)
	r := run(t, db, "plan", "remove", id)
	if r.code != 1 || !strings.Contains(r.stdout, "113个项目、1个实际值、1条备注") || !strings.Contains(r.stderr, "--yes") {
		t.Fatalf("%d %s %s", r.code, r.stdout, r.stderr)
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Fatal("plan remove without --yes changed the database")
	}
	r = run(t, db, "plan", "remove", id, "--yes")
	if r.code != 0 || !strings.Contains(r.stdout, "及其1个实际值、1条备注") {
		t.Fatalf("%d %s %s", r.code, r.stdout, r.stderr)
	}
	backup := strings.TrimSpace(r.stdout[strings.LastIndex(r.stdout, "删除前的备份：")+len("删除前的备份："):])
	if _, err := os.Stat(backup); err != nil {
		t.Errorf("backup %q: %v", backup, err)
	}
	if plans := plansJSON(t, db); len(plans) != 1 || plans[0].ID != "jiaxing-2023" || !plans[0].Current {
		t.Errorf("plans %+v", plans)
	}
	if r := run(t, db, "plan", "remove", "jiaxing-2023", "--yes"); r.code != 1 || !strings.Contains(r.stderr, "唯一的计划") {
		t.Errorf("last plan: %d %s", r.code, r.stderr)
	}
}

// TestPlanExportJSON: the .json export is the plan file as stored, which
// the domain reads as the same plan.
func TestPlanExportJSON(t *testing.T) {
	db := tempDB(t)
	out := filepath.Join(t.TempDir(), "plan.json")
	setUp(t, db, "plan", "export", "jiaxing-2023", "-o", out)
	p, err := domain.ParsePlanFile(readFile(t, out))
	if err != nil || p.ID != "jiaxing-2023" || len(p.Items) != 113 {
		t.Fatalf("%v %v", p, err)
	}
	for _, argv := range [][]string{{"plan", "export", "jiaxing-2023", "-o", "a.pdf"}, {"plan", "export", "-o", out}} {
		if r := run(t, db, argv...); r.code != 2 {
			t.Errorf("%v: %d %s", argv, r.code, r.stderr)
		}
	}
	if r := run(t, db, "plan", "export", "nope", "-o", out); r.code != 1 || !strings.Contains(r.stderr, "没有编号为“nope”的计划") {
		t.Errorf("%d %s", r.code, r.stderr)
	}
}

// TestPlanExportImportSameStatuses: the bundled plan exported as a table,
// or as its plan file, and imported as 2024 gives, item for item, the same
// status for the same figures (at 9月, where 序时进度 counts, and for the
// full year), its deadlines in 2024. A body item that repeats an indicator
// shares its figure where the imported plan keeps the link; where it does
// not, it is given the same figure.
func TestPlanExportImportSameStatuses(t *testing.T) {
	for _, ext := range []string{".xlsx", ".json"} {
		t.Run(ext, func(t *testing.T) {
			db := tempDB(t)
			file := filepath.Join(t.TempDir(), "嘉兴 2023"+ext)
			setUp(t, db, "plan", "export", "jiaxing-2023", "-o", file)
			setUp(t, db, "plan", "import", file, "--city", "嘉兴市", "--year", "2024")
			sameStatuses(t, db, plantable.PlanID("嘉兴市", 2024))
		})
	}
}

func sameStatuses(t *testing.T, db, id string) {
	old, next := listJSON(t, db, "--plan", "jiaxing-2023"), listJSON(t, db, "--plan", id)
	if len(old) != len(next) {
		t.Fatalf("%d items, want %d", len(next), len(old))
	}
	byID := map[string]Row{}
	for _, r := range old {
		byID[r.ID] = r
	}
	for i, r := range next {
		o := old[i]
		if o.Deadline != "" && r.Deadline != "2024"+strings.TrimPrefix(o.Deadline, "2023") {
			t.Errorf("%s deadline %q, want %s's %q moved to 2024", r.ID, r.Deadline, o.ID, o.Deadline)
		}
	}
	figures := func(year int, plan []Row) string {
		var b strings.Builder
		b.WriteString("指标编号,期间,实际值\n")
		for i, r := range plan {
			if r.SameAs != "" {
				continue // recorded on the indicator it repeats
			}
			o := old[i]
			if o.SameAs != "" {
				o = byID[o.SameAs]
			}
			value := "推进中"
			if o.Target != nil {
				value = strconv.FormatFloat(math.Round(o.Target.Value*0.93*100)/100, 'f', -1, 64)
			} else if i%2 == 0 {
				value = "已完成"
			}
			for _, m := range []int{9, 12} {
				fmt.Fprintf(&b, "%s,%d-%02d,%s\n", r.ID, year, m, value)
			}
		}
		return b.String()
	}
	dir := t.TempDir()
	for _, f := range []struct {
		name, plan, data string
	}{{"2023.csv", "jiaxing-2023", figures(2023, old)}, {"2024.csv", id, figures(2024, next)}} {
		path := filepath.Join(dir, f.name)
		writeFile(t, path, []byte(f.data))
		setUp(t, db, "import", path, "--plan", f.plan)
	}
	for _, as := range []string{"9月", "全年"} {
		old, next := listJSON(t, db, "--plan", "jiaxing-2023", "--as-of", as), listJSON(t, db, "--plan", id, "--as-of", as)
		for i := range old {
			if old[i].Status.Code != next[i].Status.Code {
				t.Errorf("%s %s → %s %s: %s, imported %s (%s)", as, old[i].ID, next[i].ID, old[i].Name,
					old[i].Status.Code, next[i].Status.Code, next[i].Status.Reason)
			}
		}
	}
}
