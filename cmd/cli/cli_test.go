package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/seeds"

	"cn.planreview/planreview/model/store"
)

// bundle is the plan the program ships, as main hands it to the store.
var bundle = store.Bundle{Dataset: seeds.PlanJSON, Notice: seeds.Notice}

type result struct {
	code           int
	stdout, stderr string
}

// run runs one command line against db, as 张三, with a fixed clock.
func run(t *testing.T, db string, argv ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	now := time.Date(2023, 10, 25, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	env := Env{Bundle: bundle, Stdout: &out, Stderr: &errb, Now: func() time.Time { return now },
		Getenv: func(k string) string {
			if k == "PLANREVIEW_USER" {
				return "张三"
			}
			return ""
		}}
	code := Run(append(argv, "--db", db), env)
	return result{code, out.String(), errb.String()}
}

// setUp runs a command the test builds on and stops the test if it fails.
func setUp(t *testing.T, db string, argv ...string) {
	t.Helper()
	if r := run(t, db, argv...); r.code != 0 {
		t.Fatalf("%v: %d %s", argv, r.code, r.stderr)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func tempDB(t *testing.T) string {
	return filepath.Join(t.TempDir(), "数据 目录", "plan.db")
}

func listJSON(t *testing.T, db string, extra ...string) []Row {
	t.Helper()
	r := run(t, db, append([]string{"list", "--json"}, extra...)...)
	if r.code != 0 {
		t.Fatalf("list --json: %d %s", r.code, r.stderr)
	}
	var rows []Row
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("list --json is not JSON: %v", err)
	}
	return rows
}

func find(rows []Row, id string) Row {
	for _, r := range rows {
		if r.ID == id {
			return r
		}
	}
	return Row{}
}

func TestListOnAFreshDatabase(t *testing.T) {
	db := tempDB(t)
	r := run(t, db, "list")
	if r.code != 0 {
		t.Fatalf("list: %d %s", r.code, r.stderr)
	}
	for _, want := range []string{"【附件1 主要目标 一、综合发展】", "A1-01", "地区生产总值", "增长6%左右", "暂无数据",
		"A1-14a", "家庭可支配收入（按三口之家计算）", "【附件2 2023年度嘉兴市级国有土地上房屋征收计划表】", "A2-08",
		"M3-01", "设立湾北新区", "目标待定", "共113项"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("list output lacks %q", want)
		}
	}
	rows := listJSON(t, db)
	if len(rows) != 113 {
		t.Fatalf("%d rows, want 113", len(rows))
	}
	gdp := find(rows, "A1-01")
	if gdp.Target == nil || gdp.Target.Comparator != "≈" || gdp.Target.Value != 6 || gdp.Target.Basis != "growth" ||
		gdp.SourceQuote == "" || gdp.Status.Code != "no_data" || gdp.Actual != nil {
		t.Errorf("A1-01 row: %+v", gdp)
	}
	parcel := find(rows, "A2-06")
	if parcel.Kind != "parcel" || parcel.Target.Value != 165.7 || parcel.Target.Unit != "亩" || parcel.Parcel.InterestType != "旧城区改建" {
		t.Errorf("A2-06 row: %+v", parcel)
	}
	if m := find(rows, "M3-01"); m.Target != nil || m.Kind != "milestone" {
		t.Errorf("a milestone has no target: %+v", m)
	}
	// The raw JSON carries the documented names.
	raw := run(t, db, "list", "--json").stdout
	for _, key := range []string{`"id"`, `"kind"`, `"section"`, `"name"`, `"target_text"`, `"target"`, `"comparator"`,
		`"value"`, `"unit"`, `"basis"`, `"source_quote"`, `"actual"`, `"status"`, `"code"`, `"label"`, `"reason"`} {
		if !strings.Contains(raw, key) {
			t.Errorf("list --json lacks %s", key)
		}
	}
}

// TestRecordNoteHistoryEndToEnd is one reviewer's session, command after
// command, each checked against the history it leaves; it reads as the
// session does, so it stays one function.
func TestRecordNoteHistoryEndToEnd(t *testing.T) {
	db := tempDB(t)
	steps := [][]string{
		{"record", "A1-01", "1-9月", "5.8", "--source", "市统计局月报", "--date", "2023-10-20"},
		{"record", "B1-01", "前三季度", "270"},
		{"record", "A1-12", "2023-09", "-0.4"}, // a negative value is not an option
		{"record", "B1-03", "2023-09", "９．１％"}, // full width, on the indicator it repeats
		{"record", "M3-01", "2023-09", "推进中", "--by", "李四"},
		{"note", "B1-01", "部分项目因用地审批延后开工，预计四季度集中开工。", "--period", "1-9月"},
		{"set-target", "A1-17", "下降3.5%", "--reason", "省发展改革委下达"},
	}
	for _, s := range steps {
		if r := run(t, db, s...); r.code != 0 {
			t.Fatalf("%v: %d %s", s, r.code, r.stderr)
		}
	}
	rows := listJSON(t, db, "--as-of", "2023-09")
	checks := map[string]string{
		"A1-01": "1-9月增长5.8%，低于目标0.2个百分点",
		"B1-01": "1-9月累计完成270个，为全年目标的67.5%，慢于序时进度7.5个百分点",
		"A1-12": "1-9月为-0.4%，在“3%以内”的控制目标内",
		"B1-03": "1-9月增长9.1%，低于目标0.9个百分点",
		"A1-05": "1-9月增长9.1%",
		"M3-01": "推进中",
		"A1-17": "暂无1-9月数据",
	}
	for id, want := range checks {
		if got := find(rows, id).Status.Reason; !strings.Contains(got, want) {
			t.Errorf("%s reason %q, want %q", id, got, want)
		}
	}
	if a := find(rows, "A1-01").Actual; a == nil || *a.Value != 5.8 || a.Source != "市统计局月报" || a.By != "张三" {
		t.Errorf("A1-01 actual %+v", a)
	}
	if c := find(rows, "B1-01").Status.Completion; c == nil || *c != 0.675 {
		t.Errorf("B1-01 completion %v", c)
	}
	if tg := find(rows, "A1-17").Target; tg.Basis != "reduction" || tg.Value != 3.5 {
		t.Errorf("A1-17 entered target %+v", tg)
	}
	show := run(t, db, "show", "B1-01")
	if !strings.Contains(show.stdout, "#1［1-9月］部分项目因用地审批延后开工，预计四季度集中开工。（张三") ||
		!strings.Contains(show.stdout, "原文：大力实施市“551”工程") && !strings.Contains(show.stdout, "新开工亿元以上产业项目400个") {
		t.Errorf("show:\n%s", show.stdout)
	}
	if r := run(t, db, "note-edit", "1", "已于10月集中开工。"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := run(t, db, "record", "B1-01", "2023-09", "275", "--source", "更正"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	var hist []struct {
		Who    string
		Action string
		Before json.RawMessage
		After  json.RawMessage
	}
	h := run(t, db, "history", "B1-01", "--json")
	if err := json.Unmarshal([]byte(h.stdout), &hist); err != nil {
		t.Fatalf("history --json: %v %s", err, h.stdout)
	}
	var acts []string
	for _, x := range hist {
		acts = append(acts, x.Action)
	}
	if strings.Join(acts, ",") != "record_actual,add_note,edit_note,correct_actual" {
		t.Errorf("history of B1-01: %v", acts)
	}
	compact := func(m json.RawMessage) string {
		var b bytes.Buffer
		json.Compact(&b, m)
		return b.String()
	}
	if compact(hist[3].Before) != `{"value":270,"by":"张三"}` || compact(hist[3].After) != `{"value":275,"source":"更正","by":"张三"}` {
		t.Errorf("correction: %s → %s", hist[3].Before, hist[3].After)
	}
	text := run(t, db, "history").stdout
	if !strings.Contains(text, "李四 录入实际值 M3-01") || !strings.Contains(text, "张三 录入目标 A1-17") {
		t.Errorf("history text:\n%s", text)
	}
}

func TestBadInputIsRefusedAndChangesNothing(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "A1-01", "2023-06", "6.1")
	state := func() string {
		return run(t, db, "list", "--json").stdout + run(t, db, "history", "--json").stdout
	}
	before := state()
	cases := []struct {
		argv []string
		code int
		msg  string
	}{
		{[]string{"record", "A1-01", "2023-09", "abc"}, 1, "实际值“abc”无法识别：请输入数字"},
		{[]string{"record", "A1-01", "2024-01", "5"}, 1, "期间“2024-01”不在计划年度2023年内"},
		{[]string{"record", "A1-01", "三季度", "5"}, 1, "请用 上半年、前三季度 或 全年"},
		{[]string{"record", "A1-13", "2023-09", "5"}, 1, "A1-13a（城镇居民人均可支配收入）"},
		{[]string{"record", "Z9", "2023-09", "5"}, 1, "没有编号为“Z9”的项目"},
		{[]string{"record", "B1-01", "2023-09", "6%"}, 1, "带有%，但该项的单位是“个”"},
		{[]string{"record", "M3-01", "2023-09", "50"}, 1, "重点事项请填：已完成、推进中 或 未完成"},
		{[]string{"record", "A1-01", "2023-09"}, 2, "需要编号、期间、实际值三个参数"},
		{[]string{"record", "A1-01", "2023-09", "5", "--by", ""}, 2, "--by 不能为空"},
		{[]string{"record", "A1-01", "2023-09", "5", "--colour", "red"}, 2, "未知选项“--colour”"},
		{[]string{"note", "A1-01", "   "}, 1, "备注内容不能为空"},
		{[]string{"note-edit", "x", "内容"}, 2, "备注号“x”应为正整数"},
		{[]string{"set-status", "A1-01", "2023-09", "met"}, 1, "认定理由不能为空"},
		{[]string{"set-target", "A1-17", "差不多"}, 1, "目标“差不多”无法识别"},
		{[]string{"list", "--as-of", "2022-12"}, 2, "不在计划年度"},
		{[]string{"frobnicate"}, 2, "未知命令“frobnicate”"},
	}
	for _, c := range cases {
		r := run(t, db, c.argv...)
		if r.code != c.code || !strings.Contains(r.stderr, c.msg) || !strings.HasPrefix(r.stderr, "错误：") {
			t.Errorf("%v: exit %d stderr %q; want exit %d with %q", c.argv, r.code, r.stderr, c.code, c.msg)
		}
	}
	if after := state(); after != before {
		t.Error("a refused command changed the database")
	}
}

func TestManualStatusFromTheCommandLine(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "A1-02", "全年", "3.9")
	if s := find(listJSON(t, db), "A1-02").Status; s.Code != "missed" {
		t.Fatalf("computed status %+v", s)
	}
	if r := run(t, db, "set-status", "A1-02", "全年", "nearly_met", "--reason", "剔除一次性减税因素后增长4.8%"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	s := find(listJSON(t, db), "A1-02").Status
	if s.Code != "nearly_met" || !s.Manual || s.Label != "基本完成（人工）" || !strings.Contains(s.Reason, "剔除一次性减税因素") {
		t.Errorf("manual status %+v", s)
	}
	setUp(t, db, "clear-status", "A1-02", "全年")
	if s := find(listJSON(t, db), "A1-02").Status; s.Manual || s.Code != "missed" {
		t.Errorf("after clearing: %+v", s)
	}
}

func TestCheck(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "A1-01", "2023-09", "5.8")
	r := run(t, db, "check")
	if r.code != 0 || !strings.Contains(r.stdout, "检查通过") || !strings.Contains(r.stdout, "实际值1条") {
		t.Errorf("check: %d %s %s", r.code, r.stdout, r.stderr)
	}
	// Every plan of the workspace is checked, not only the one opened
	// first: a plan made from a document is named with its items.
	notice := filepath.Join(t.TempDir(), "报告.txt")
	writeFile(t, notice, []byte("临江市2024年国民经济和社会发展计划\n\n一、主要目标\n地区生产总值增长6%左右。\n"))
	draft := filepath.Join(t.TempDir(), "草稿.json")
	r = run(t, db, "plan", "draft", notice, "--json")
	writeFile(t, draft, []byte(r.stdout))
	if r := run(t, db, "plan", "import", draft, "--city", "临江市", "--year", "2024"); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	r = run(t, db, "check")
	if r.code != 0 || !strings.Contains(r.stdout, "2个计划") || !strings.Contains(r.stdout, "《2024年临江市国民经济和社会发展计划》1项") ||
		!strings.Contains(r.stdout, "《2023年嘉兴市国民经济和社会发展计划》113项") {
		t.Errorf("check of two plans: %d %s %s", r.code, r.stdout, r.stderr)
	}
	bad := filepath.Join(t.TempDir(), "简报.docx")
	writeFile(t, bad, []byte("PK\x03\x04 not a database"))
	r = run(t, bad, "check")
	if r.code != 1 || !strings.Contains(r.stderr, "不是 Plan Review 数据库") {
		t.Errorf("check of a non-database: %d %s", r.code, r.stderr)
	}
	if b := readFile(t, bad); string(b) != "PK\x03\x04 not a database" {
		t.Error("check modified the file")
	}
	if r := run(t, filepath.Join(t.TempDir(), "none.db"), "check"); r.code != 1 || !strings.Contains(r.stderr, "无法读取数据库") {
		t.Errorf("check of a missing file: %d %s", r.code, r.stderr)
	}
}

func TestHelp(t *testing.T) {
	var out bytes.Buffer
	if code := Run([]string{"help"}, Env{Stdout: &out, Stderr: &out}); code != 0 {
		t.Fatal(code)
	}
	for _, c := range commands {
		if !strings.Contains(out.String(), c.name+" ") {
			t.Errorf("help lacks %s", c.name)
		}
	}
}

func TestLockUnlockUndo(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "A1-01", "2023-09", "5.8")
	if r := run(t, db, "lock", "前三季度", "--reason", "简报已报送"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := run(t, db, "record", "A1-01", "2023-09", "5.9"); r.code != 1 || !strings.Contains(r.stderr, "该期间已锁定") {
		t.Errorf("record in a locked period: %d %s", r.code, r.stderr)
	}
	if r := run(t, db, "unlock", "前三季度"); r.code != 1 || !strings.Contains(r.stderr, "解锁理由不能为空") {
		t.Errorf("unlock without reason: %d %s", r.code, r.stderr)
	}
	setUp(t, db, "unlock", "前三季度", "--reason", "统计局修订")
	setUp(t, db, "record", "A1-01", "2023-09", "5.9")
	if r := run(t, db, "undo"); r.code != 0 || !strings.Contains(r.stdout, "已撤销") {
		t.Fatalf("undo: %d %s", r.code, r.stderr)
	}
	if a := find(listJSON(t, db), "A1-01").Actual; a == nil || *a.Value != 5.8 {
		t.Errorf("after undo: %+v", a)
	}
	if h := run(t, db, "history", "A1-01").stdout; !strings.Contains(h, "撤销") {
		t.Errorf("undo not in history:\n%s", h)
	}
}

func TestExportFromTheCommandLine(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "B1-01", "2023-09", "270")
	setUp(t, db, "note", "B1-01", "部分项目延后开工。", "--period", "2023-09")
	dir := filepath.Join(t.TempDir(), "简报 2023")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "前三季度 简报.pdf")
	r := run(t, db, "export", "-o", out, "--as-of", "前三季度", "--date", "2023-10-25", "--unit", "市人大财经委", "--marking", "内部资料")
	if r.code != 0 || !strings.Contains(r.stdout, "已生成简报") {
		t.Fatalf("export: %d %s %s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF at %s: %v", out, err)
	}
	again := filepath.Join(dir, "again.pdf")
	setUp(t, db, "export", "-o", again, "--as-of", "前三季度", "--date", "2023-10-25", "--unit", "市人大财经委", "--marking", "内部资料")
	if b2 := readFile(t, again); !bytes.Equal(b, b2) {
		t.Error("the same data and --date gave different bytes")
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 2 {
		t.Errorf("temporary files left beside the PDF: %v", entries)
	}
	for _, c := range []struct {
		argv []string
		msg  string
	}{
		{[]string{"export"}, "请用 -o 指定简报文件名（.pdf 或 .docx）"},
		{[]string{"export", "-o", filepath.Join(dir, "x.doc")}, "-o：“x.doc”不是 .pdf 或 .docx 文件"},
		{[]string{"export", "-o", filepath.Join(dir, "x.pdf"), "--date", "2023/10/25"}, "应写成 2024-01-15"},
		{[]string{"export", "-o", filepath.Join(dir, "x.pdf"), "--parts", "summary,附录"}, "“附录”无效"},
		{[]string{"export", "-o", filepath.Join(dir, "x.pdf"), "--as-of", "2024-03"}, "不在计划年度"},
	} {
		if r := run(t, db, c.argv...); r.code != 2 || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("%v: %d %q, want %q", c.argv, r.code, r.stderr, c.msg)
		}
	}
	if r := run(t, db, "export", "-o", filepath.Join(t.TempDir(), "没有", "这个", "目录", "x.pdf")); r.code != 1 || !strings.Contains(r.stderr, "无法写入") {
		t.Errorf("export into a missing folder: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a refused export wrote a file")
	}
}

// export -o X.docx writes the brief as Word: by the file's extension, with
// the same options, the same bytes for the same data and date.
func TestExportWordFromTheCommandLine(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "B1-01", "2023-09", "270")
	setUp(t, db, "note", "B1-01", "部分项目延后开工。", "--period", "2023-09")
	dir := t.TempDir()
	out := filepath.Join(dir, "简报.DOCX")
	argv := []string{"export", "-o", out, "--as-of", "前三季度", "--date", "2023-10-25", "--unit", "市人大财经委", "--parts", "concerns,work"}
	r := run(t, db, argv...)
	if r.code != 0 || r.stdout != "已生成简报（Word）："+out+"（截至1-9月）\n" {
		t.Fatalf("export: %d %q %q", r.code, r.stdout, r.stderr)
	}
	b := readFile(t, out)
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"一、需关注事项", "二、重点工作推进情况", "备注：部分项目延后开工。", "编制单位：市人大财经委"} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if strings.Contains(string(doc), "总体情况") {
		t.Error("--parts left out 总体情况 but the Word brief has it")
	}
	setUp(t, db, append(argv[:2:2], append([]string{filepath.Join(dir, "again.docx")}, argv[3:]...)...)...)
	if !bytes.Equal(b, readFile(t, filepath.Join(dir, "again.docx"))) {
		t.Error("the same data and --date gave different bytes")
	}
}

func TestBackupRestoreAndDamage(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "A1-01", "2023-09", "5.8")
	setUp(t, db, "note", "A1-01", "三季度回落。")
	bak := filepath.Join(t.TempDir(), "备份 1.db")
	if r := run(t, db, "backup", "-o", bak); r.code != 0 || !strings.Contains(r.stdout, "实际值1条，备注1条") {
		t.Fatalf("backup: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, db, "backup", "-o", bak); r.code != 1 || !strings.Contains(r.stderr, "已存在") {
		t.Errorf("backup over an existing file: %d %s", r.code, r.stderr)
	}
	// Every start made a checked automatic backup.
	if r := run(t, db, "backups"); !strings.Contains(r.stdout, "planreview-") || !strings.Contains(r.stdout, "实际值1条") {
		t.Errorf("backups: %s", r.stdout)
	}
	setUp(t, db, "record", "A1-02", "2023-09", "4.2")
	// The file is damaged: every page past the first scribbled over.
	b := readFile(t, db)
	for i := 4096; i < len(b); i += 61 {
		b[i] ^= 0x5A
	}
	writeFile(t, db, b)
	damaged := readFile(t, db)
	r := run(t, db, "list")
	if r.code != 1 || !strings.Contains(r.stderr, "数据库文件已损坏") || !strings.Contains(r.stderr, "最新的完好备份") ||
		!strings.Contains(r.stderr, "planreview restore") {
		t.Fatalf("damaged database: %d %s", r.code, r.stderr)
	}
	if now := readFile(t, db); !bytes.Equal(now, damaged) {
		t.Fatal("a damaged database was written to")
	}
	r = run(t, db, "restore", bak)
	if r.code != 0 || !strings.Contains(r.stdout, "已从") {
		t.Fatalf("restore: %d %s %s", r.code, r.stdout, r.stderr)
	}
	rows := listJSON(t, db, "--as-of", "2023-09")
	if a := find(rows, "A1-01").Actual; a == nil || *a.Value != 5.8 {
		t.Errorf("restored figure: %+v", a)
	}
	kept, err := filepath.Glob(db + ".damaged-*")
	if err != nil || len(kept) != 1 {
		t.Errorf("the damaged file was not kept beside: %v", kept)
	}
	// A backup that is not a database is refused and changes nothing.
	junk := filepath.Join(t.TempDir(), "x.db")
	writeFile(t, junk, []byte("not a database"))
	before := readFile(t, db)
	if r := run(t, db, "restore", junk); r.code != 1 || !strings.Contains(r.stderr, "不能用") {
		t.Errorf("restore from junk: %d %s", r.code, r.stderr)
	}
	if after := readFile(t, db); !bytes.Equal(before, after) {
		t.Error("a refused restore changed the database")
	}
}

// TestGenDemoYears: several years are several files, one plan year each,
// every figure dated in its own year; a bad count is refused.
func TestGenDemoYears(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "演示.db")
	r := run(t, filepath.Join(dir, "unused.db"), "gen-demo", "--items", "20", "--years", "2", "-o", out)
	if r.code != 0 {
		t.Fatalf("gen-demo: %d %s", r.code, r.stderr)
	}
	for _, year := range []int{2022, 2023} {
		f := filepath.Join(dir, fmt.Sprintf("演示-%d.db", year))
		st, err := store.Open(f, store.Options{Bundle: bundle, ReadOnly: true})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		as, err := st.Actuals()
		if err != nil {
			t.Fatal(err)
		}
		if st.Plan().Year != year || len(st.Plan().Items) != 20 || len(as) != 20*12 {
			t.Errorf("%s: year %d, %d items, %d figures", f, st.Plan().Year, len(st.Plan().Items), len(as))
		}
		for _, a := range as {
			if a.Period.Year != year {
				t.Fatalf("%s: a figure for %v", f, a.Period)
			}
		}
		st.Close()
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("with --years 2 the plain name should not be written")
	}
	for _, bad := range []string{"0", "21", "两"} {
		r := run(t, filepath.Join(dir, "unused.db"), "gen-demo", "--items", "20", "--years", bad, "-o", filepath.Join(dir, "x.db"))
		if r.code != 2 || !strings.Contains(r.stderr, "--years 应为1到20之间的整数") {
			t.Errorf("--years %s: %d %q", bad, r.code, r.stderr)
		}
	}
}
