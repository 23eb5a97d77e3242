package store

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// historyRows is an item's history, one line per row: action, then
// detail, then the after state (for a collect, the returns it brought).
func historyRows(t *testing.T, s *Store, item string) []string {
	t.Helper()
	h, err := s.History(item)
	must(t, err)
	var out []string
	for _, c := range h {
		out = append(out, string(c.Action)+" "+c.Detail+" "+c.Before+" "+c.After)
	}
	return out
}

func countWith(rows []string, parts ...string) int {
	n := 0
	for _, r := range rows {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(r, p)
		}
		if all {
			n++
		}
	}
	return n
}

// A return held for the reviewer shows in the item's history from the
// moment it is collected (the collect row holds several items and no
// item_id), with its undo; the other items of the workbook see only
// their own collects.
func TestItemHistoryShowsHeldReturns(t *testing.T) {
	s, _, r, u := roundPlan(t)
	p := r.Period
	_, err := s.CollectReturn(ReturnFile{RoundID: r.ID, Period: p, Unit: u["市发展改革委"], File: "发改委.xlsx", Rows: []ReturnRow{
		{ItemID: "A1-01", Actual: figure("A1-01", p, 6.5), Person: "王五"},
		{ItemID: "A1-02", Progress: "项目均已开工。", Person: "王五"},
	}}, "张三", false)
	must(t, err)
	_, err = s.CollectReturn(ReturnFile{RoundID: r.ID, Period: p, Unit: u["市统计局"], File: "统计局.xlsx", Rows: []ReturnRow{
		{ItemID: "A1-01", Actual: figure("A1-01", p, 6.3), Person: "赵六"},
	}}, "张三", false)
	must(t, err)

	for _, c := range []struct {
		item   string
		parts  []string
		want   int
		reason string
	}{
		{"A1-01", []string{string(domain.CollectReturn), "由市发展改革委填报（发改委.xlsx）"}, 1, "发改委's collect"},
		{"A1-01", []string{string(domain.CollectReturn), "由市统计局填报（统计局.xlsx）", `"value":6.3`, `"state":"pending"`}, 1, "统计局's held 6.3"},
		{"A1-02", []string{string(domain.CollectReturn), "由市发展改革委填报（发改委.xlsx）"}, 1, "the workbook's other item"},
		{"A1-02", []string{"统计局.xlsx"}, 0, "a collect not holding A1-02"},
		{"A1-03", []string{string(domain.CollectReturn)}, 0, "an item nobody returned"},
	} {
		if got := countWith(historyRows(t, s, c.item), c.parts...); got != c.want {
			t.Errorf("%s, %s: %d rows, want %d:\n%s", c.item, c.reason, got, c.want, strings.Join(historyRows(t, s, c.item), "\n"))
		}
	}

	// Undoing 统计局's collect shows in A1-01's history too.
	h, err := s.History("")
	must(t, err)
	last := h[len(h)-1]
	if last.Action != domain.CollectReturn {
		t.Fatalf("last change %s", last.Action)
	}
	_, err = s.Undo(last.ID, "李四")
	must(t, err)
	if got := countWith(historyRows(t, s, "A1-01"), string(domain.Undo), `"value":6.3`); got != 1 {
		t.Errorf("undo of the held collect: %d rows in A1-01's history:\n%s", got, strings.Join(historyRows(t, s, "A1-01"), "\n"))
	}
	if got := countWith(historyRows(t, s, "A1-02"), string(domain.Undo)); got != 0 {
		t.Errorf("undo of 统计局's collect in A1-02's history")
	}
}
