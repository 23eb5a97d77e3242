package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func copySample(t *testing.T, dir, from, name string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	writeFile(t, path, data)
	return path
}

// sparseFile is a file of size bytes that takes no room on the disk.
func sparseFile(t *testing.T, dir, name string, size int64) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPlanDraftPreview: a document drafted shows each item with its
// target as read, what a report printed, and what waits for the reviewer;
// nothing is written.
func TestPlanDraftPreview(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "plans")
	dir := filepath.Dir(db)
	report := copySample(t, dir, "../../model/docread/testdata/tongxiang-2024-execution-report-opening.txt", "桐乡 执行情况.txt")
	before := dbBytes(t, db)
	r := run(t, db, "plan", "draft", report)
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	for _, want := range []string{"文件：桐乡 执行情况.txt（文本，UTF-8）", "类型：计划执行情况报告", "2024年", "起草5项，待确认2项",
		"【一、综合发展】", "A1-01", "地区生产总值", "增长6.5%左右 → ", "增长4.8%", "待确认（2项）", "“20.5万元/”", "plan import 草稿.json"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("preview lacks %q:\n%s", want, r.stdout)
		}
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Error("plan draft changed the database")
	}
	for _, c := range []struct {
		argv []string
		code int
		want string
	}{
		{[]string{"plan", "draft", report, "--year", "24"}, 2, "--year 是四位数字"},
		{[]string{"plan", "draft"}, 2, "plan draft 需要一个文件名"},
		{[]string{"plan", "draft", filepath.Join(dir, "无此文件.txt")}, 1, "无法读取"},
		{[]string{"plan", "draft", copySample(t, dir, report, "通知.pdf")}, 1, "在WPS或Word中“另存为”.docx，或复制全文后用“粘贴原文起草”"},
		{[]string{"plan", "draft", copySample(t, dir, "../../model/docread/testdata/taiwan-big5.txt", "繁體.txt")}, 1, "Big5"},
		// Refused by its real size, not the 20 MB a read would stop at.
		{[]string{"plan", "draft", sparseFile(t, dir, "录像.txt", 50<<20)}, 1, "文件“录像.txt”超过20 MB，不像是一份计划文件，未读取（50.0 MB）"},
	} {
		r := run(t, db, c.argv...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %d %q, want %d with %q", c.argv[2:], r.code, r.stderr, c.code, c.want)
		}
	}
}

// TestPlanDraftConfirmImport: the notice drafted to JSON, refused while
// items wait, confirmed by editing the file as a reviewer would, and then
// made a plan whose items carry the notice's own words.
func TestPlanDraftConfirmImport(t *testing.T) {
	db := tempDB(t)
	setUp(t, db, "plans")
	dir := filepath.Dir(db)
	notice := copySample(t, dir, "../../seeds/jiaxing-2023-plan-notice.txt", "嘉兴 通知.txt")
	r := run(t, db, "plan", "draft", notice, "--json", "--city", "嘉兴市")
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	// The fields scripts rely on, by name.
	var raw struct {
		Source map[string]any   `json:"source"`
		Items  []map[string]any `json:"items"`
		Text   string           `json:"text"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if raw.Source["file"] != "嘉兴 通知.txt" || raw.Source["format"] != "text" || raw.Source["encoding"] != "UTF-8" ||
		raw.Source["kind"] != "notice" || raw.Source["year"] != float64(2023) {
		t.Errorf("source %v", raw.Source)
	}
	if len(raw.Items) < 100 {
		t.Fatalf("%d items drafted from the notice", len(raw.Items))
	}
	for _, k := range []string{"id", "kind", "section", "name", "target_text", "target", "source_quote", "responsible", "reported_actual", "needs_review"} {
		for i, it := range raw.Items {
			if _, ok := it[k]; !ok {
				t.Fatalf("item %d has no %q: %v", i, k, it)
			}
		}
	}
	if _, ok := raw.Items[0]["responsible"].([]any); !ok {
		t.Errorf("responsible is not a list: %v", raw.Items[0]["responsible"])
	}

	draft := filepath.Join(dir, "草稿.json")
	writeFile(t, draft, []byte(r.stdout))
	before := dbBytes(t, db)
	r = run(t, db, "plan", "import", draft, "--year", "2023")
	if r.code != 1 || !strings.Contains(r.stderr, "待确认，未创建计划") || !strings.Contains(r.stderr, "needs_review 改为 false") {
		t.Fatalf("unconfirmed draft: %d %s", r.code, r.stderr)
	}

	// The reviewer confirms every item; one quote edited, then one target
	// mistyped, are refused in turn, naming the item.
	var items []map[string]any
	edit := func(change func()) {
		t.Helper()
		var doc map[string]any
		if err := json.Unmarshal([]byte(r0(t, db, notice)), &doc); err != nil {
			t.Fatal(err)
		}
		items = nil
		for _, it := range doc["items"].([]any) {
			m := it.(map[string]any)
			m["needs_review"] = false
			items = append(items, m)
		}
		change()
		out, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, draft, out)
	}
	edit(func() { items[0]["source_quote"] = "改过的原文" })
	r = run(t, db, "plan", "import", draft, "--city", "海宁市", "--year", "2023")
	if r.code != 1 || !strings.Contains(r.stderr, "第1项") || !strings.Contains(r.stderr, "逐字引自文档") {
		t.Errorf("edited quote: %d %s", r.code, r.stderr)
	}
	first := -1
	edit(func() {
		for i, it := range items {
			if it["kind"] == "indicator" && first < 0 {
				first = i
				it["target_text"] = "增长六个点"
			}
		}
	})
	r = run(t, db, "plan", "import", draft, "--city", "海宁市", "--year", "2023")
	if r.code != 1 || !strings.Contains(r.stderr, "A1-01 地区生产总值") || !strings.Contains(r.stderr, "增长六个点") || !strings.Contains(r.stderr, "可填写") {
		t.Errorf("mistyped target: %d %s", r.code, r.stderr)
	}
	edit(func() {})
	r = run(t, db, "plan", "import", draft, "--city", "嘉兴市", "--year", "2023")
	if r.code != 1 || !strings.Contains(r.stderr, "嘉兴市已有2023年的计划") {
		t.Errorf("a second plan for 嘉兴市 2023: %d %s", r.code, r.stderr)
	}
	if string(dbBytes(t, db)) != string(before) {
		t.Fatal("a refused import changed the database")
	}

	// Confirmed as drafted, for another city (嘉兴市 2023 is the bundled
	// plan).
	r = run(t, db, "plan", "import", draft, "--city", "海宁市", "--year", "2023")
	if r.code != 0 || !strings.Contains(r.stdout, "已创建") {
		t.Fatalf("confirmed draft: %d %s %s", r.code, r.stdout, r.stderr)
	}
	rows := listJSON(t, db)
	if len(rows) != len(raw.Items) {
		t.Fatalf("plan has %d items, draft %d", len(rows), len(raw.Items))
	}
	quotes := 0
	for _, row := range rows {
		if row.SourceQuote != "" && strings.Contains(raw.Text, row.SourceQuote) {
			quotes++
		}
	}
	if quotes != len(rows) {
		t.Errorf("%d of %d items quote the notice's words", quotes, len(rows))
	}
}

// r0 is plan draft --json's output for a file.
func r0(t *testing.T, db, file string) string {
	t.Helper()
	r := run(t, db, "plan", "draft", file, "--json", "--city", "嘉兴市")
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	return r.stdout
}
