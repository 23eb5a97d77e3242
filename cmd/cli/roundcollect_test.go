package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/sheet"
)

// startedRound is unitsDB with a 1-9月 round started into a folder.
func startedRound(t *testing.T) (db, dir string) {
	t.Helper()
	db = unitsDB(t)
	dir = filepath.Join(filepath.Dir(db), "发出")
	must(t, os.Mkdir(dir, 0o755))
	setUp(t, db, "round", "start", "--period", "1-9月", "--due", "2024-10-10", "-o", dir)
	return db, dir
}

// fill writes cells into a copy of a round workbook, as a unit would in
// Excel: edit then save; fn may tamper with it.
func fill(t *testing.T, from, to string, fn func(f *excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(from)
	must(t, err)
	fn(f)
	must(t, f.SaveAs(to))
	f.Close()
}

func fillRow(f *excelize.File, row int, value any) {
	s := sheet.RoundFillSheet
	f.SetCellValue(s, "H"+itoa(row), value)
	f.SetCellValue(s, "I"+itoa(row), "消费回暖，增速较上半年加快。")
	f.SetCellValue(s, "J"+itoa(row), "市统计局月报")
	f.SetCellValue(s, "K"+itoa(row), "王五")
	f.SetCellValue(s, "L"+itoa(row), "0573-12345678")
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestRoundCollect: a filled return is previewed (--dry-run writes
// nothing), then written with history naming the unit and the file; every
// tampered return is refused with its reason and the database unchanged
// byte for byte; a return re-saved by LibreOffice still collects.
func TestRoundCollect(t *testing.T) {
	db, dir := startedRound(t)
	in := filepath.Join(filepath.Dir(db), "收回")
	must(t, os.Mkdir(in, 0o755))
	trade := filepath.Join(dir, "2024年1-9月_市商务局_填报.xlsx")
	stats := filepath.Join(dir, "2024年1-9月_市统计局_填报.xlsx")
	item := listJSON(t, db)[1].ID // 社会消费品零售总额, led by 市商务局

	good := filepath.Join(in, "2024年1-9月_市商务局_填报.xlsx")
	fill(t, trade, good, func(f *excelize.File) { fillRow(f, 2, 6.8) })

	tampered := map[string]struct {
		fn   func(f *excelize.File)
		want string
	}{
		"公式.xlsx": {func(f *excelize.File) {
			fillRow(f, 2, nil)
			f.SetCellFormula(sheet.RoundFillSheet, "H2", "=3+3.8")
		}, "第2行“实际值”是公式"},
		"文字.xlsx": {func(f *excelize.File) { fillRow(f, 2, "较快增长") }, "第2行“实际值”列（H列）"},
		"行键改动.xlsx": {func(f *excelize.File) {
			fillRow(f, 2, 6.8)
			f.SetCellValue(sheet.RoundFillSheet, "M2", "0123456789abcdef")
		}, "行键不属于市商务局"},
		"行键清空.xlsx": {func(f *excelize.File) { fillRow(f, 2, 6.8); f.SetCellValue(sheet.RoundFillSheet, "M2", "") }, "第2行没有行键"},
		"编号改动.xlsx": {func(f *excelize.File) { fillRow(f, 2, 6.8); f.SetCellValue(sheet.RoundFillSheet, "A2", "C1-01") }, "第2行的编号被改为“C1-01”"},
		"他人行键.xlsx": {func(f *excelize.File) {
			// 市统计局's key for the same item pasted into 市商务局's return.
			g, _ := excelize.OpenFile(stats)
			k, _ := g.GetCellValue(sheet.RoundFillSheet, "M3")
			g.Close()
			fillRow(f, 2, 6.8)
			f.SetCellValue(sheet.RoundFillSheet, "M2", k)
		}, "行键不属于市商务局"},
		"他计划.xlsx": {func(f *excelize.File) { fillRow(f, 2, 6.8); f.SetCellValue(sheet.RoundKeySheet, "B2", "jiaxing-2023") }, "是计划“2023年嘉兴市国民经济和社会发展计划”（jiaxing-2023）的填报表，不是当前计划的：请先切换到该计划再导入"},
		"他轮次.xlsx": {func(f *excelize.File) { fillRow(f, 2, 6.8); f.SetCellValue(sheet.RoundKeySheet, "B1", "R9") }, "本计划没有填报轮次“R9”"},
		"他期间.xlsx": {func(f *excelize.File) { fillRow(f, 2, 6.8); f.SetCellValue(sheet.RoundKeySheet, "B5", "2024-06") }, "与轮次 R1 的期间（1-9月）不符"},
	}
	before := dbBytes(t, db)
	for name, c := range tampered {
		path := filepath.Join(filepath.Dir(db), name)
		fill(t, trade, path, c.fn)
		r := run(t, db, "round", "collect", path)
		if r.code != 1 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("%s: %d %q, want refusal with %q", name, r.code, r.stdout+r.stderr, c.want)
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Fatalf("%s changed the database", name)
		}
	}
	// A locked period refuses the return.
	setUp(t, db, "lock", "1-9月", "--reason", "三季度简报已报出")
	// Once for the file, naming the year and what to do, never a row's
	// made-up 期间 column; and nothing written.
	before = dbBytes(t, db)
	locked := "“2024年1-9月_市商务局_填报.xlsx”：2024年1-9月已锁定（简报已报出），本填报表未写入：如需补报，请审阅人先解锁该期间"
	if r := run(t, db, "round", "collect", good); r.code != 1 || strings.Count(r.stdout, "已锁定") != 1 || !strings.Contains(r.stdout, locked) || strings.Contains(r.stdout, "期间”列") {
		t.Errorf("locked period: %d %s", r.code, r.stdout)
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Fatal("a return for a locked period changed the database")
	}
	setUp(t, db, "unlock", "1-9月", "--reason", "补收填报")

	before = dbBytes(t, db)
	r := run(t, db, "round", "collect", in, "--dry-run")
	if r.code != 0 || !strings.Contains(r.stdout, "单位：市商务局　轮次：R1（2024年1-9月，截止2024-10-10）　填写1行") ||
		!strings.Contains(r.stdout, "新增") || !strings.Contains(r.stdout, "试收取：没有问题，将写入1条") {
		t.Fatalf("dry run: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Fatal("--dry-run changed the database")
	}
	r = run(t, db, "round", "collect", in)
	if r.code != 0 || !strings.Contains(r.stdout, "已写入：新增1条") {
		t.Fatalf("collect: %d %s %s", r.code, r.stdout, r.stderr)
	}
	rows := listJSON(t, db)
	if a := rows[1].Actual; a == nil || a.Value == nil || *a.Value != 6.8 || a.Source != "市统计局月报" || !strings.Contains(a.By, "王五") {
		t.Errorf("figure recorded: %+v", rows[1].Actual)
	}
	h := run(t, db, "history", item)
	if !strings.Contains(h.stdout, "由市商务局填报（2024年1-9月_市商务局_填报.xlsx）") {
		t.Errorf("history: %s", h.stdout)
	}
	// The same return again changes no figure; a different figure is
	// held for the reviewer, not written, unless --overwrite.
	if r := run(t, db, "round", "collect", good); r.code != 0 || !strings.Contains(r.stdout, "无变化") {
		t.Errorf("again: %d %s", r.code, r.stdout)
	}
	changed := filepath.Join(filepath.Dir(db), "更正.xlsx")
	fill(t, trade, changed, func(f *excelize.File) { fillRow(f, 2, 7.1) })
	if r := run(t, db, "round", "collect", changed, "--dry-run"); r.code != 0 || !strings.Contains(r.stdout, "增长7.1%") ||
		!strings.Contains(r.stdout, "待裁定：已录入增长6.8%") || !strings.Contains(r.stdout, "不覆盖，由审阅人裁定") ||
		!strings.Contains(r.stdout, "其中1条与已录入的实际值不同") {
		t.Errorf("correction, dry run: %d %s", r.code, r.stdout)
	}
	if r := run(t, db, "round", "collect", changed); r.code != 0 || !strings.Contains(r.stdout, "1条与已录入的实际值不同，未覆盖，留待裁定") {
		t.Errorf("correction: %d %s", r.code, r.stdout)
	}
	if a := listJSON(t, db)[1].Actual; a == nil || a.Value == nil || *a.Value != 6.8 {
		t.Errorf("a held return overwrote the figure: %+v", a)
	}
	if r := run(t, db, "round", "collect", changed, "--overwrite"); r.code != 0 || !strings.Contains(r.stdout, "更正1条") ||
		!strings.Contains(r.stdout, "更正：增长6.8% → 增长7.1%") {
		t.Errorf("--overwrite: %d %s", r.code, r.stdout)
	}
	if a := listJSON(t, db)[1].Actual; a == nil || a.Value == nil || *a.Value != 7.1 {
		t.Errorf("--overwrite did not record the return: %+v", a)
	}

	// Re-saved by LibreOffice Calc, as an official's WPS or Excel would.
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Log("soffice not installed: LibreOffice round trip not checked")
		return
	}
	lo := filepath.Join(filepath.Dir(db), "lo")
	must(t, os.Mkdir(lo, 0o755))
	src := filepath.Join(filepath.Dir(db), "统计局.xlsx")
	fill(t, stats, src, func(f *excelize.File) { fillRow(f, 2, 5.9) })
	cmd := exec.Command("soffice", "--headless", "--convert-to", "xlsx", "--outdir", lo, src)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v %s", err, out)
	}
	r = run(t, db, "round", "collect", filepath.Join(lo, "统计局.xlsx"))
	if r.code != 0 || !strings.Contains(r.stdout, "单位：市统计局") || !strings.Contains(r.stdout, "已写入：新增1条") {
		t.Errorf("LibreOffice copy: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

// TestRoundCollectOldFormats: a folder's .xls and WPS .et returns are
// listed and refused, each saying how to save it as .xlsx, rather than
// passed over; the lock file Excel leaves is not; the .xlsx beside them
// is previewed.
func TestRoundCollectOldFormats(t *testing.T) {
	db, dir := startedRound(t)
	in := filepath.Join(filepath.Dir(db), "收回")
	must(t, os.Mkdir(in, 0o755))
	fill(t, filepath.Join(dir, "2024年1-9月_市商务局_填报.xlsx"), filepath.Join(in, "2024年1-9月_市商务局_填报.xlsx"),
		func(f *excelize.File) { fillRow(f, 2, 6.8) })
	for _, name := range []string{"市统计局.xls", "市发展改革委.ET", "~$市商务局.xlsx", "说明.docx"} {
		must(t, os.WriteFile(filepath.Join(in, name), []byte("old format"), 0o644))
	}
	before := dbBytes(t, db)
	r := run(t, db, "round", "collect", in, "--dry-run")
	for _, want := range []string{
		"“市统计局.xls”是 .xls 格式：请在 WPS 或 Excel 中另存为 .xlsx 后再导入",
		"“市发展改革委.ET”是 .et 格式：请在 WPS 或 Excel 中另存为 .xlsx 后再导入",
		"单位：市商务局", "3个文件中2个未写入"} {
		if !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("lacks %q: %d %s %s", want, r.code, r.stdout, r.stderr)
		}
	}
	if r.code != 1 || strings.Contains(r.stdout, "~$") || strings.Contains(r.stdout, "说明.docx") {
		t.Errorf("collect: %d %s", r.code, r.stdout)
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Fatal("--dry-run changed the database")
	}
}

// TestRoundCollectBatchForeseen: two units of one batch report different
// figures for one item. The dry run says the second is held, not 新增, and
// that nothing of it will be written; the run says so too, and keeps the
// first; with --overwrite the later file stands and the output says so.
// A 进展情况 over the length limit is refused by the dry run already.
func TestRoundCollectBatchForeseen(t *testing.T) {
	batch := func(t *testing.T) (db, in, item string) {
		db, dir := startedRound(t)
		in = filepath.Join(filepath.Dir(db), "收回")
		must(t, os.Mkdir(in, 0o755))
		for _, u := range []struct {
			unit     string
			row      int
			value    float64
			progress string
		}{{"市商务局", 2, 6.8, "消费回暖。"}, {"市统计局", 3, 7.1, "据月报测算。"}} {
			name := "2024年1-9月_" + u.unit + "_填报.xlsx"
			fill(t, filepath.Join(dir, name), filepath.Join(in, name), func(f *excelize.File) {
				fillRow(f, u.row, u.value)
				f.SetCellValue(sheet.RoundFillSheet, "I"+itoa(u.row), u.progress)
			})
		}
		return db, in, listJSON(t, db)[1].ID
	}
	t.Run("held", func(t *testing.T) {
		db, in, _ := batch(t)
		r := run(t, db, "round", "collect", in, "--dry-run")
		for _, want := range []string{"试收取：没有问题，将写入1条", "待裁定：与市商务局填报的增长6.8%不同",
			"试收取：没有问题，但不会写入数值：1条将留待裁定", "1条与本批中先收取的单位填报的不同"} {
			if r.code != 0 || !strings.Contains(r.stdout, want) {
				t.Errorf("dry run lacks %q: %d %s %s", want, r.code, r.stdout, r.stderr)
			}
		}
		if strings.Count(r.stdout, "将写入1条") != 1 {
			t.Errorf("dry run promises both files' figures: %s", r.stdout)
		}
		r = run(t, db, "round", "collect", in)
		for _, want := range []string{"已写入：新增1条，更正0条，进展情况1条。", "没有写入数值：1条待裁定；只写入了进展情况1条"} {
			if r.code != 0 || !strings.Contains(r.stdout, want) {
				t.Errorf("collect lacks %q: %d %s %s", want, r.code, r.stdout, r.stderr)
			}
		}
		if strings.Contains(r.stdout, "新增0条") {
			t.Errorf("a held file says it wrote: %s", r.stdout)
		}
		if a := listJSON(t, db)[1].Actual; a == nil || a.Value == nil || *a.Value != 6.8 {
			t.Errorf("recorded %+v, want the first file's 6.8", a)
		}
	})
	t.Run("overwrite", func(t *testing.T) {
		db, in, item := batch(t)
		settled := item + "：市商务局填报增长6.8%，市统计局填报增长7.1%，二者不同，以后收取的市统计局为准"
		r := run(t, db, "round", "collect", in, "--overwrite", "--dry-run")
		if r.code != 0 || !strings.Contains(r.stdout, settled) || !strings.Contains(r.stdout, "更正：增长6.8% → 增长7.1%（市商务局填报的）") {
			t.Errorf("dry run: %d %s", r.code, r.stdout)
		}
		r = run(t, db, "round", "collect", in, "--overwrite")
		if r.code != 0 || !strings.Contains(r.stdout, settled) || !strings.Contains(r.stdout, "更正1条") {
			t.Errorf("collect: %d %s", r.code, r.stdout)
		}
		if a := listJSON(t, db)[1].Actual; a == nil || a.Value == nil || *a.Value != 7.1 {
			t.Errorf("recorded %+v, want the later file's 7.1", a)
		}
	})
	t.Run("progress too long", func(t *testing.T) {
		db, dir := startedRound(t)
		long := filepath.Join(filepath.Dir(db), "过长.xlsx")
		fill(t, filepath.Join(dir, "2024年1-9月_市商务局_填报.xlsx"), long, func(f *excelize.File) {
			fillRow(f, 2, 6.8)
			f.SetCellValue(sheet.RoundFillSheet, "I2", strings.Repeat("进展", 2501))
		})
		before := dbBytes(t, db)
		for _, dry := range []bool{true, false} {
			a := []string{"round", "collect", long}
			if dry {
				a = append(a, "--dry-run")
			}
			r := run(t, db, a...)
			if r.code != 1 || !strings.Contains(r.stdout, "第2行“进展情况”过长（5002字），最多5000字") || strings.Contains(r.stdout, "没有问题") {
				t.Errorf("dry run %v: %d %s", dry, r.code, r.stdout)
			}
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Error("a refused return changed the database")
		}
	})
}
