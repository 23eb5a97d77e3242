package docx_test

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/store"
)

// The Word brief carries the appendix 按责任单位 as the PDF does: its
// heading, its sentence and a real table whose rows are the units with
// their counts; without units there is none.
func TestWordBriefAppendixByUnit(t *testing.T) {
	st := seed(t)
	units := func() brief.Options {
		o := opts(9)
		var err error
		if o.Units, err = st.Units(); err != nil {
			t.Fatal(err)
		}
		if o.ItemUnits, err = st.ItemUnits(); err != nil {
			t.Fatal(err)
		}
		return o
	}
	_, data := build(t, st, units())
	if strings.Contains(string(unzip(t, data)["word/document.xml"]), "按责任单位") {
		t.Error("a plan without units has the appendix")
	}
	for _, a := range []store.Assignment{
		{Items: []string{"A1-01", "A1-02"}, Lead: "市发展改革委", With: []string{"市统计局"}, NewUnits: true},
		{Items: []string{"A1-05", "A1-12", "B1-06"}, Lead: "市商务局", NewUnits: true},
	} {
		if _, err := st.AssignUnits(a, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	b, data := build(t, st, units())
	body := readBody(t, unzip(t, data)["word/document.xml"])
	if got := parasOf(body, "Heading1"); len(got) == 0 || got[len(got)-1] != "附：按责任单位统计" {
		t.Errorf("headings %q", got)
	}
	if got, want := len(body.Paras), expectedParas(b); got != want {
		t.Errorf("%d paragraphs, want %d", got, want)
	}
	last := body.Tables[len(body.Tables)-1]
	var rows []string
	for _, r := range last.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text())
		}
		rows = append(rows, strings.Join(cells, " "))
	}
	// Statuses as the PDF test lists them, of the lead items only:
	// 市统计局 only assists, so it has a 协办 count and no status.
	want := []string{"责任单位 牵头 协办 进展正常 基本完成或推进中 滞后 暂无本期数据 其他",
		"市发展改革委 2 0 1 0 1 0 0", "市统计局 0 2 0 0 0 0 0", "市商务局 3 0 2 0 1 0 0"}
	if strings.Join(rows, "|") != strings.Join(want, "|") {
		t.Errorf("appendix table\n%q\nwant\n%q", rows, want)
	}
}

// The appendix's heading and sentence keep with its table: the sentence
// carries keep-with-next itself (the heading and the caption have it by
// their styles), so Word never leaves them at the foot of a page with the
// table on the next.
func TestWordAppendixKeepsWithItsTable(t *testing.T) {
	st := seed(t)
	if _, err := st.AssignUnits(store.Assignment{Items: []string{"A1-01"}, Lead: "市发展改革委", NewUnits: true}, "张三"); err != nil {
		t.Fatal(err)
	}
	o := opts(9)
	var err error
	if o.Units, err = st.Units(); err != nil {
		t.Fatal(err)
	}
	if o.ItemUnits, err = st.ItemUnits(); err != nil {
		t.Fatal(err)
	}
	_, data := build(t, st, o)
	parts := unzip(t, data)
	body := readBody(t, parts["word/document.xml"])
	at := -1
	for i, p := range body.Paras {
		if p.Text == "附：按责任单位统计" {
			at = i
		}
	}
	if at < 0 || at+2 >= len(body.Paras) {
		t.Fatalf("no appendix heading in %d paragraphs", len(body.Paras))
	}
	note, caption := body.Paras[at+1], body.Paras[at+2]
	if !strings.HasPrefix(note.Text, "截至前三季度") || !note.KeepNext {
		t.Errorf("sentence %q keep-with-next %v", note.Text, note.KeepNext)
	}
	if !strings.HasPrefix(caption.Text, "附表") {
		t.Errorf("after the sentence: %q", caption.Text)
	}
	styles := string(parts["word/styles.xml"])
	for _, id := range []string{body.Paras[at].Style, caption.Style} {
		i := strings.Index(styles, `w:styleId="`+id+`"`)
		if i < 0 {
			t.Fatalf("no style %s", id)
		}
		end := strings.Index(styles[i:], "</w:style>")
		if end < 0 || !strings.Contains(styles[i:i+end], "<w:keepNext/>") {
			t.Errorf("style %s does not keep with next", id)
		}
	}
}
