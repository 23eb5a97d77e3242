package rounds

import (
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// TestStatusTextOnly: 市统计局 sends back 进展情况 alone for A1-02 and a
// figure for A1-03. The words are not A1-02's figure: it stays missing,
// red past the due date, why 只报了进展情况，未填实际值, and stays on the
// 催报清单, workbook and page alike; A1-03 is returned.
func TestStatusTextOnly(t *testing.T) {
	st, round := roundOfThree(t)
	p := domain.Period{Year: 2023, Month: 9}
	if err := st.ImportReturn([]store.Import{
		{NoteOn: "A1-02", Note: "收入稳步恢复，具体数据待财政局核定", NotePeriod: p},
		{Actual: &domain.Actual{ItemID: "A1-03", Period: p, Value: 5.2, Source: "统计月报"}},
	}, "市统计局", "市统计局.xlsx", "张三"); err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC)
	units, err := Status(st, round, asOf)
	if err != nil {
		t.Fatal(err)
	}
	var u UnitRow
	for _, x := range units {
		if x.Unit == "市统计局" {
			u = x
		}
	}
	if u.Items != 2 || u.Returned != 1 || u.Missing != 1 || u.LastReturn == "" {
		t.Fatalf("市统计局: %+v", u)
	}
	rows := map[string]ItemRow{}
	for _, r := range u.Rows {
		rows[r.ItemID] = r
	}
	if r := rows["A1-02"]; r.Returned() || !r.TextOnly || r.ReturnedAt == "" || r.Light != domain.LightRed ||
		r.Why != domain.TextOnlyWhy+"，逾期未报" || !r.Late {
		t.Errorf("A1-02, words only: %+v", r)
	}
	if r := rows["A1-03"]; !r.Returned() || r.TextOnly {
		t.Errorf("A1-03, a figure: %+v", r)
	}
	c, err := ChaseList("计划", round, asOf, units, "")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, cu := range c.Units {
		for _, it := range cu.Missing {
			listed = append(listed, cu.Unit+" "+it.ID)
		}
	}
	if len(listed) != 1 || listed[0] != "市统计局 A1-02" {
		t.Errorf("催报清单 lists %q, want 市统计局 A1-02", listed)
	}
}
