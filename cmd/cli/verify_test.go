package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A brief verifies as 一致 right after export, as PDF and as Word; after
// one figure is corrected, verify names the item, the old and new value
// and who corrected it, and fails; a note added names its item too.
func TestVerifyABriefAgainstTheData(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "record", "A1-02", "2023-09", "4.2", "--by", "张三")
	setUp(t, db, "record", "B1-01", "2023-09", "270", "--by", "张三")
	dir := t.TempDir()
	for _, name := range []string{"简报.pdf", "简报.docx"} {
		setUp(t, db, "export", "-o", filepath.Join(dir, name), "--as-of", "前三季度", "--marking", "内部资料", "--parts", "summary,indicators,work")
		r := run(t, db, "verify", filepath.Join(dir, name))
		if r.code != 0 || !strings.HasPrefix(r.stdout, "与当前数据一致：数据指纹 ") || !strings.Contains(r.stdout, "2023年1-9月的简报") {
			t.Fatalf("verify %s right after export: %d %q %q", name, r.code, r.stdout, r.stderr)
		}
	}
	setUp(t, db, "record", "A1-02", "2023-09", "4.6", "--by", "李四")
	for _, name := range []string{"简报.pdf", "简报.docx"} {
		r := run(t, db, "verify", filepath.Join(dir, name))
		if r.code != 1 || !strings.Contains(r.stderr, "与当前数据不一致") {
			t.Fatalf("verify %s after a correction: %d %q %q", name, r.code, r.stdout, r.stderr)
		}
		for _, want := range []string{"与当前数据不一致：简报的数据指纹为 ", "以下1项与简报所载不同：",
			"A1-02 一般公共预算收入：实际值、备注或状态有变，现状态：",
			" 李四 更正实际值 1-9月：4.2% → 4.6%"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("verify %s lacks %q:\n%s", name, want, r.stdout)
			}
		}
		if strings.Contains(r.stdout, "张三 录入实际值") {
			t.Errorf("verify %s lists changes made before the brief:\n%s", name, r.stdout)
		}
	}
	// Back to the figure the brief shows: the data agree again, whatever
	// the history in between.
	setUp(t, db, "record", "A1-02", "2023-09", "4.2", "--by", "李四")
	if r := run(t, db, "verify", filepath.Join(dir, "简报.docx")); r.code != 0 {
		t.Errorf("verify after the figure went back: %d %q", r.code, r.stdout)
	}
	setUp(t, db, "note", "B1-01", "部分项目延后开工。", "--period", "2023-09", "--by", "王五")
	r := run(t, db, "verify", filepath.Join(dir, "简报.pdf"))
	if r.code != 1 || !strings.Contains(r.stdout, "B1-01 ") || !strings.Contains(r.stdout, "王五 添加备注 1-9月：“部分项目延后开工。”") {
		t.Errorf("verify after a note: %d\n%s", r.code, r.stdout)
	}
}

// A file that is not one of our briefs, or whose stamp is damaged, gets a
// clear message and exit 1; a file of another kind, a usage error.
func TestVerifyRefusesOtherFiles(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	brief := filepath.Join(dir, "简报.pdf")
	setUp(t, db, "export", "-o", brief)
	data := readFile(t, brief)
	i := strings.Index(string(data), "PLANREVIEW-BRIEF-1.") + 40
	damaged := append([]byte(nil), data...)
	damaged[i] ^= 1
	other := []byte("%PDF-1.4\n1 0 obj << /Title (别的) >> endobj\n%%EOF\n")
	for name, b := range map[string][]byte{"damaged.pdf": damaged, "other.pdf": other, "other.docx": []byte("PK\x03\x04 not a zip")} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		argv []string
		code int
		msg  string
	}{
		{[]string{"verify", filepath.Join(dir, "damaged.pdf")}, 1, "“damaged.pdf”简报中的数据指纹已损坏（校验不符），无法核验"},
		{[]string{"verify", filepath.Join(dir, "other.pdf")}, 1, "“other.pdf”不是本程序生成的简报（文件中没有数据指纹）"},
		{[]string{"verify", filepath.Join(dir, "other.docx")}, 1, "“other.docx”不是本程序生成的简报"},
		{[]string{"verify", filepath.Join(dir, "没有.pdf")}, 1, "无法读取简报"},
		{[]string{"verify", db}, 2, "不是 .pdf 或 .docx 文件"},
		{[]string{"verify"}, 2, "verify 需要一个简报文件"},
	} {
		r := run(t, db, c.argv...)
		if r.code != c.code || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("%v: %d %q, want %d %q", c.argv[1:], r.code, r.stderr, c.code, c.msg)
		}
	}
}

// check verifies the history's hash chain: it passes on the program's own
// history, and after a history row is changed with the sqlite3 tool (its
// trigger dropped), it fails naming that row.
func TestCheckNamesAHistoryRowChangedWithASQLiteTool(t *testing.T) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Fatal("sqlite3 is not installed (apt-get install sqlite3)")
	}
	db := tempDB(t)
	setUp(t, db, "record", "A1-01", "2023-09", "5.8", "--by", "张三")
	setUp(t, db, "record", "A1-01", "2023-09", "6.0", "--by", "李四")
	setUp(t, db, "note", "A1-02", "备注。", "--by", "王五")
	r := run(t, db, "check")
	if r.code != 0 || !strings.Contains(r.stdout, "条修改记录与哈希链相符") {
		t.Fatalf("check of the program's own history: %d %q %q", r.code, r.stdout, r.stderr)
	}
	var id string
	for _, line := range strings.Split(run(t, db, "history", "A1-01").stdout, "\n") {
		if strings.Contains(line, "更正实际值") {
			id = strings.TrimPrefix(strings.Fields(line)[0], "#")
		}
	}
	if id == "" {
		t.Fatal("no correction in the history")
	}
	sql := `DROP TRIGGER history_no_update; UPDATE history SET after = '{"value":5.9,"by":"李四"}' WHERE id = ` + id + `;`
	if out, err := exec.Command(sqlite3, db, sql).CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v %s", err, out)
	}
	r = run(t, db, "check")
	if r.code != 1 || !strings.Contains(r.stderr, "修改记录的哈希链检查未通过：修改记录 #"+id+"（") ||
		!strings.Contains(r.stderr, "李四 更正实际值 A1-01）与哈希链不符") {
		t.Errorf("check after the row was changed: %d %q", r.code, r.stderr)
	}
}
