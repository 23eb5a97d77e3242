package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/sheet"
)

// TestUndoRoundCollect: 市发展改革委 returns its two items, one figure
// correcting the one typed in by hand (--overwrite), one new, both with
// 进展情况. While a figure it wrote has been edited since, `undo` refuses,
// naming the item, and leaves the database byte for byte as it was; once
// that edit is undone, one `undo` takes the whole file back — figures as
// before the collect, the unit not returned — and says which file; the
// same file then collects again.
func TestUndoRoundCollect(t *testing.T) {
	db, dir := startedRound(t)
	dev := filepath.Join(filepath.Dir(db), "发改委.xlsx")
	var ids []string
	fill(t, filepath.Join(dir, "2024年1-9月_市发展改革委_填报.xlsx"), dev, func(f *excelize.File) {
		fillRow(f, 2, 6.2)
		fillRow(f, 3, 4.1)
		for _, cell := range []string{"A2", "A3"} {
			id, _ := f.GetCellValue(sheet.RoundFillSheet, cell)
			ids = append(ids, id)
		}
	})
	setUp(t, db, "record", ids[0], "1-9月", "5.9")
	figuresBefore := listText(t, db)
	if u, _ := statusRows(t, db); u["市发展改革委"].Returned != 0 {
		t.Fatalf("returned before collecting: %+v", u["市发展改革委"])
	}
	if r := run(t, db, "round", "collect", dev, "--overwrite"); r.code != 0 || !strings.Contains(r.stdout, "更正1条") {
		t.Fatalf("collect: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if u, _ := statusRows(t, db); u["市发展改革委"].Returned != 2 {
		t.Fatalf("after collecting: %+v", u["市发展改革委"])
	}

	// Someone else corrects a figure the file wrote: the undo is refused.
	setUp(t, db, "record", ids[1], "1-9月", "4.5", "--by", "李四")
	before := dbBytes(t, db)
	r := run(t, db, "undo")
	if r.code == 0 || !strings.Contains(r.stderr, "不能撤销收取") || !strings.Contains(r.stderr, ids[1]+" 1-9月 的实际值") {
		t.Errorf("undo over a later edit: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Error("a refused undo changed the database")
	}

	setUp(t, db, "undo", "--by", "李四")
	r = run(t, db, "undo")
	if r.code != 0 || !strings.Contains(r.stdout, "收取：由市发展改革委填报的实际值2条、备注2条（发改委.xlsx）") {
		t.Fatalf("undo: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if got := listText(t, db); got != figuresBefore {
		t.Errorf("figures after one undo:\n%s\nwant:\n%s", got, figuresBefore)
	}
	if u, _ := statusRows(t, db); u["市发展改革委"].Returned != 0 || u["市发展改革委"].Missing != 2 {
		t.Errorf("after undo the unit shows %+v, want not returned", u["市发展改革委"])
	}
	h := run(t, db, "history", ids[1])
	if !strings.Contains(h.stdout, "由市发展改革委填报（发改委.xlsx）") || !strings.Contains(h.stdout, "随撤销收取") {
		t.Errorf("history of %s:\n%s", ids[1], h.stdout)
	}
	all := run(t, db, "history")
	if !strings.Contains(all.stdout, "撤销收取：由市发展改革委填报（发改委.xlsx）") {
		t.Errorf("history:\n%s", all.stdout)
	}

	if r := run(t, db, "round", "collect", dev, "--overwrite"); r.code != 0 || !strings.Contains(r.stdout, "更正1条") {
		t.Fatalf("collect again: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if u, _ := statusRows(t, db); u["市发展改革委"].Returned != 2 {
		t.Errorf("collected again: %+v", u["市发展改革委"])
	}
}

// listText is every item's latest figure, as `list --json` gives it.
func listText(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	for _, row := range listJSON(t, db) {
		a, err := json.Marshal(row.Actual)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(row.ID + " " + string(a) + "\n")
	}
	return b.String()
}

// TestUndoImport: one `undo` takes back a whole imported workbook — the
// figure it corrected back to the one typed in, the new one gone, its
// note gone — and says which file; the figure typed in is the next undo.
func TestUndoImport(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "A1-01", "1-9月", "5.9")
	before := listText(t, db)
	x := filepath.Join(t.TempDir(), "报表.xlsx")
	xlsx(t, x, [][]any{{"指标编号", "期间", "实际值", "备注"}, {"A1-01", "2023-09", 6.3, "受出口拖累。"}, {"A1-02", "2023-09", 4.1, ""}})
	if r := run(t, db, "import", x, "--overwrite"); r.code != 0 {
		t.Fatalf("import: %d %s %s", r.code, r.stdout, r.stderr)
	}
	r := run(t, db, "undo")
	if r.code != 0 || !strings.Contains(r.stdout, "导入的实际值2条、备注1条（报表.xlsx）") {
		t.Fatalf("undo: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if got := listText(t, db); got != before {
		t.Errorf("after one undo:\n%s\nwant:\n%s", got, before)
	}
	if strings.Contains(run(t, db, "show", "A1-01").stdout, "受出口拖累。") {
		t.Error("the imported note is still there")
	}
	if r := run(t, db, "undo"); r.code != 0 || !strings.Contains(r.stdout, "录入实际值 A1-01") {
		t.Errorf("second undo: %d %s %s", r.code, r.stdout, r.stderr)
	}
}
