package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"cn.planreview/planreview/model/plantable"
)

// xlsx builds a workbook file from rows.
func xlsx(t *testing.T, path string, rows [][]any, merge ...string) {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := r
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merge {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Sheet1", a, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// dbBytes reads the database file after the command closed it.
func dbBytes(t *testing.T, db string) []byte {
	t.Helper()
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db + "-wal"); err == nil {
		if w, _ := os.ReadFile(db + "-wal"); len(w) > 0 {
			b = append(b, w...)
		}
	}
	return b
}

func TestImportGoodFiles(t *testing.T) {
	dir := t.TempDir()
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("指标名称,期间,实际值,来源\n新开工亿元以上产业项目,1-9月,270,市发改委\n")
	files := map[string][]byte{
		"utf8.csv": []byte("指标编号,期间,实际值,来源,备注\nA1-01,2023-09,5.8,市统计局,受出口拖累。\nM3-01,前三季度,推进中,,\n"),
		"bom.csv":  append([]byte{0xEF, 0xBB, 0xBF}, []byte("指标编号,期间,实际值\nA1-05,2023年1-9月,９．１％\n")...),
		"gbk.csv":  []byte(gbk),
		// GB18030 with a character outside GBK (𠀀 in the 备注), and UTF-16LE
		// with its byte-order mark, tab-separated, as Excel saves “Unicode 文本”:
		// decoded by model/textenc as documents are, not read as garbage.
		"gb18030.csv": encode(t, simplifiedchinese.GB18030.NewEncoder(), "指标编号,期间,实际值,备注\nA1-04,1-9月,5.1,𠀀字\n"),
		"utf16.csv":   encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder(), "指标名称\t期间\t实际值\n全员劳动生产率\t1-9月\t7.4\n"),
		"tab.csv":     []byte("指标编号\t期间\t实际值\nA2-01\t1-9月\t30.5\n"),
		// Names shared by an indicator and the body item repeating it.
		"linked.csv":   []byte("指标名称,期间,实际值\n社会消费品零售总额,1-9月,5.2\n固定资产投资,1-9月,9.1\n"),
		"template.csv": []byte("填报说明：请填写本部门负责的指标\n\n指标编号,指标名称,预期目标,期间,实际值\nA1-02,一般公共预算收入,增长5%左右,,\nA1-03,全员劳动生产率,增长7%以上,1-9月,7.4\n"),
	}
	want := map[string]string{"utf8.csv": "A1-01", "bom.csv": "A1-05", "gbk.csv": "B1-01", "tab.csv": "A2-01", "linked.csv": "A1-05", "template.csv": "A1-03", "gb18030.csv": "A1-04", "utf16.csv": "A1-03"}
	for name, data := range files {
		db := tempDB(t)
		path := filepath.Join(dir, name)
		writeFile(t, path, data)
		r := run(t, db, "import", path)
		if r.code != 0 || !strings.Contains(r.stdout, "已导入") {
			t.Errorf("%s: %d\n%s\n%s", name, r.code, r.stdout, r.stderr)
			continue
		}
		if a := find(listJSON(t, db, "--as-of", "2023-09"), want[name]).Actual; a == nil {
			t.Errorf("%s: nothing recorded on %s", name, want[name])
		}
		h := run(t, db, "history", want[name]).stdout
		if !strings.Contains(h, "导入自 "+name) {
			t.Errorf("%s: history does not name the file:\n%s", name, h)
		}
	}
	// The UTF-8 file's note and milestone.
	db := tempDB(t)
	setUp(t, db, "import", filepath.Join(dir, "utf8.csv"))
	rows := listJSON(t, db, "--as-of", "2023-09")
	if find(rows, "M3-01").Status.Code != "in_progress" || *find(rows, "A1-01").Actual.Value != 5.8 {
		t.Errorf("after import: %+v %+v", find(rows, "M3-01").Status, find(rows, "A1-01").Actual)
	}
	if !strings.Contains(run(t, db, "show", "A1-01").stdout, "受出口拖累。") {
		t.Error("the 备注 column did not become a note")
	}
	// An xlsx with a title row above the header.
	x := filepath.Join(dir, "报表.xlsx")
	xlsx(t, x, [][]any{{"2023年1-9月主要指标完成情况"}, {"指标编号", "期间", "实际值", "填报人"}, {"A1-06", "2023-09", 6.3, "李四"}}, "A1:C1")
	db = tempDB(t)
	if r := run(t, db, "import", x); r.code != 0 {
		t.Fatalf("xlsx: %s %s", r.stdout, r.stderr)
	}
	if a := find(listJSON(t, db, "--as-of", "2023-09"), "A1-06").Actual; a == nil || *a.Value != 6.3 || a.By != "李四" {
		t.Errorf("xlsx import: %+v", a)
	}
}

func TestImportRefusesBadFilesAndChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := tempDB(t)
	setUp(t, db, "record", "A1-01", "2023-09", "5.8")
	junk := make([]byte, 10<<20)
	for i := range junk {
		junk[i] = byte(i*7919 + i>>8)
	}
	cases := []struct {
		name string
		data []byte
		want []string
	}{
		{"wrong-headers.csv", []byte("项目,月份,数值\nA1-01,2023-09,5.8\n"), []string{"找不到表头", "“实际值”"}},
		{"empty.csv", []byte("\n\n"), []string{"没有任何内容"}},
		{"text.csv", []byte("指标编号,期间,实际值\nA1-02,2023-09,增长较快\n"), []string{"第2行“实际值”列（C列）", "无法识别"}},
		{"duplicate.csv", []byte("指标编号,期间,实际值\nA1-02,2023-09,4.2\nA1-02,1-9月,4.3\n"), []string{"第3行", "与第2行重复"}},
		{"unknown.csv", []byte("指标名称,期间,实际值\n地区GDP,2023-09,5.8\n"), []string{"第2行“指标名称”列（A列）", "找不到名称为“地区GDP”"}},
		{"year.csv", []byte("指标编号,期间,实际值\nA1-02,2024-03,4.2\n"), []string{"第2行“期间”列（B列）", "不在计划年度"}},
		{"changed.csv", []byte("指标编号,期间,实际值\nA1-01,2023-09,6.0\n"), []string{"更正：增长5.8% → 增长6%", "--overwrite"}},
		{"junk.xlsx", junk, []string{"不是Excel"}},
		{"junk.csv", junk, []string{"不是文本文件"}},
		{"big5.csv", encode(t, traditionalchinese.Big5.NewEncoder(), "指標編號,期間,實際值\nA1-02,2023-09,4.2\n"), []string{"“big5.csv”是繁体中文Big5编码", "另存为UTF-8"}},
		{"report.pdf", []byte("%PDF-1.4\n"), []string{"请选择 .xlsx 或 .csv 文件"}},
		{"old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0}, []string{"另存为 .xlsx"}},
	}
	merged := filepath.Join(dir, "merged.xlsx")
	xlsx(t, merged, [][]any{{"指标编号", "期间", "实际值"}, {"A1-02", "2023-09", 4.2}, {"A1-03", "", 7.4}}, "B2:B3")
	emptyX := filepath.Join(dir, "empty.xlsx")
	xlsx(t, emptyX, nil)
	for _, c := range cases {
		p := filepath.Join(dir, c.name)
		writeFile(t, p, c.data)
	}
	before := dbBytes(t, db)
	for _, c := range append(cases, struct {
		name string
		data []byte
		want []string
	}{"merged.xlsx", nil, []string{"B2:B3", "合并单元格"}}, struct {
		name string
		data []byte
		want []string
	}{"empty.xlsx", nil, []string{"没有任何内容"}}) {
		r := run(t, db, "import", filepath.Join(dir, c.name))
		out := r.stdout + r.stderr
		if r.code == 0 {
			t.Errorf("%s: imported", c.name)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q:\n%s", c.name, w, out)
			}
		}
	}
	if !bytes.Equal(before, dbBytes(t, db)) {
		t.Error("a refused import changed the database file")
	}
}

func TestExportImportRoundTripAndTemplate(t *testing.T) {
	dir := t.TempDir()
	db := tempDB(t)
	for _, a := range [][]string{{"A1-01", "2023-09", "5.8"}, {"B1-01", "2023-09", "270"}, {"M3-01", "2023-09", "推进中"},
		{"A2-01", "2023-09", "30.5"}, {"A1-04", "2023-09", "0.009"}, {"B6-03", "2023-06", "8200"}} {
		setUp(t, db, "record", a[0], a[1], a[2], "--source", "统计月报")
	}
	setUp(t, db, "note", "B1-01", "部分项目延后。", "--period", "2023-09")
	out := filepath.Join(dir, "计划表 2023.xlsx")
	if r := run(t, db, "export-xlsx", "-o", out, "--as-of", "2023-09"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	if strings.Join(sheets, ",") != "表1 主要指标,表2 重点工作,表3 征收地块,实际值,备注" {
		t.Errorf("sheets %v", sheets)
	}
	if v, _ := f.GetCellValue("表1 主要指标", "A3"); v != "1.地区生产总值" {
		t.Errorf("表1 A3 = %q", v)
	}
	if typ, _ := f.GetCellType("实际值", "D2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("figures are not numbers: %v", typ)
	}
	if panes, _ := f.GetPanes("实际值"); !panes.Freeze {
		t.Error("header row not frozen")
	}
	f.Close()
	before := dbBytes(t, db)
	r := run(t, db, "import", out)
	if r.code != 0 || !strings.Contains(r.stdout, "没有需要导入的内容") {
		t.Errorf("re-import of the export: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(before, dbBytes(t, db)) {
		t.Error("export → import changed the database")
	}
	// The template re-imports as it comes back, filled in.
	tpl := filepath.Join(dir, "模板.xlsx")
	if r := run(t, db, "template", "-o", tpl); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if f, err = excelize.OpenFile(tpl); err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("填报")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+107 || rows[0][0] != "指标编号" { // every item but the 6 repeating an indicator
		t.Errorf("template has %d rows, header %v", len(rows), rows[0])
	}
	for i, row := range rows {
		if len(row) > 0 && row[0] == "A1-16" {
			if err := f.SetCellValue("填报", "D"+strconv.Itoa(i+1), "1-9月"); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellValue("填报", "E"+strconv.Itoa(i+1), 8.7); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if r := run(t, db, "import", tpl); r.code != 0 || !strings.Contains(r.stdout, "新增1条") {
		t.Errorf("filled template: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

// A note on a row whose figure is already recorded belongs to that row's
// period, so a locked period refuses it like any other change to it.
func TestImportedNoteKeepsItsPeriodAndTheLock(t *testing.T) {
	dir := t.TempDir()
	db := tempDB(t)
	setUp(t, db, "record", "A1-01", "2023-09", "5.8")
	note := filepath.Join(dir, "note.csv")
	writeFile(t, note, []byte("指标编号,期间,实际值,备注\nA1-01,2023-09,5.8,受出口拖累。\n"))
	setUp(t, db, "lock", "2023-09")
	before := dbBytes(t, db)
	if r := run(t, db, "import", note); r.code == 0 || !strings.Contains(r.stdout+r.stderr, "已锁定") {
		t.Errorf("a note into a locked period was imported (exit %d):\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(before, dbBytes(t, db)) {
		t.Error("the refused import changed the database file")
	}
	setUp(t, db, "unlock", "2023-09", "--reason", "补充备注")
	setUp(t, db, "import", note)
	if r := run(t, db, "show", "A1-01"); !strings.Contains(r.stdout, "受出口拖累") || !strings.Contains(r.stdout, "1-9月") {
		t.Errorf("the note is not shown with its period:\n%s", r.stdout)
	}
}

// TestPlanTemplate: `plan template` writes the new-plan workbook, which
// the plan-table reader reads back as its two example rows.
func TestPlanTemplate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	out := filepath.Join(dir, "计划 模板.xlsx")
	if r := run(t, db, "plan", "template", "-o", out); r.code != 0 || !strings.Contains(r.stdout, "已生成计划模板") {
		t.Fatalf("%d %s %s", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	d, err := plantable.Read(out, data)
	if err != nil || len(d.Items) != 2 || d.Items[0].Name != "地区生产总值" || d.Pending() != 0 {
		t.Errorf("template reads back as %+v, %v", d, err)
	}
	for _, argv := range [][]string{{"plan"}, {"plan", "template"}, {"plan", "frob"}, {"plan", "template", "-o", "a.pdf"}} {
		if r := run(t, db, argv...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", argv, r.code, r.stderr)
		}
	}
}

// encode is s in an encoding, as a file saved in it holds it.
func encode(t *testing.T, e *encoding.Encoder, s string) []byte {
	t.Helper()
	b, err := e.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportFormattedFigures: `import` records a figure typed in a
// formatted cell as typed — 5.4 in "0" is 5.4, 0.05255 in "0.00%" is
// 5.255, 12345.678 in "#,##0" is 12345.678 — not as the format shows it.
func TestImportFormattedFigures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "实际值.xlsx")
	f := excelize.NewFile()
	must(t, f.SetSheetRow("Sheet1", "A1", &[]any{"指标编号", "期间", "实际值"}))
	cases := []struct {
		item   string
		value  float64
		numFmt int
		want   float64
	}{{"A1-01", 5.4, 1, 5.4}, {"A1-02", 0.05255, 10, 5.255}, {"A1-06", 0.063, 9, 6.3}, {"B1-01", 312.6, 3, 312.6}}
	for i, c := range cases {
		cell := fmt.Sprintf("C%d", i+2)
		must(t, f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &[]any{c.item, "2023-09", c.value}))
		id, err := f.NewStyle(&excelize.Style{NumFmt: c.numFmt})
		must(t, err)
		must(t, f.SetCellStyle("Sheet1", cell, cell, id))
	}
	must(t, f.SaveAs(path))
	db := tempDB(t)
	if r := run(t, db, "import", path); r.code != 0 {
		t.Fatalf("import: %s %s", r.stdout, r.stderr)
	}
	rows := listJSON(t, db, "--as-of", "2023-09")
	for _, c := range cases {
		if a := find(rows, c.item).Actual; a == nil || a.Value == nil || *a.Value != c.want {
			t.Errorf("%s recorded %+v, want %v", c.item, a, c.want)
		}
	}
}
