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
	// 牵头 协办 进展正常 基本符合 滞后 本期未报 其他; statuses as the PDF
	// test lists them.
	want := []string{"责任单位 牵头 协办 进展正常 基本符合 滞后 本期未报 其他",
		"市发展改革委 2 0 1 0 1 0 0", "市统计局 0 2 1 0 1 0 0", "市商务局 3 0 2 0 1 0 0"}
	if strings.Join(rows, "|") != strings.Join(want, "|") {
		t.Errorf("appendix table\n%q\nwant\n%q", rows, want)
	}
}
