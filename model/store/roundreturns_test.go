package store

import (
	"fmt"
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
)

// TestRoundReturns: returns collected from two units for 1-9月 are listed
// per unit and item with the latest time; a figure typed in by hand, and
// a return for another period, are not returns of the round.
func TestRoundReturns(t *testing.T) {
	s, _ := openTemp(t)
	imp := func(item string, m int, v float64) []Import {
		return []Import{{Actual: &domain.Actual{ItemID: item, Period: p(m), Value: v}}}
	}
	must(t, s.ImportReturn(imp("A1-01", 9, 5.8), "市统计局", "统计局.xlsx", "张三"))
	must(t, s.ImportReturn(imp("A1-01", 9, 5.9), "市统计局", "统计局（更正）.xlsx", "张三"))
	must(t, s.ImportReturn(imp("B1-03", 9, 9.1), "市发展改革委", "发改委.xlsx", "张三"))
	must(t, s.ImportReturn(imp("B1-03", 6, 8.1), "市发展改革委", "发改委6月.xlsx", "张三"))
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-02", Period: p(9), Value: 6.1}, "张三"); err != nil {
		t.Fatal(err)
	}
	got, err := s.RoundReturns(domain.Round{ID: "R1", Period: p(9)})
	must(t, err)
	if len(got) != 2 {
		t.Fatalf("returns: %+v", got)
	}
	if got[0].Unit != "市统计局" || got[0].ItemID != "A1-01" || got[1].Unit != "市发展改革委" || got[1].ItemID != "B1-03" {
		t.Errorf("returns: %+v", got)
	}
	// The latest of 统计局's two returns is the one whose time is given.
	if n := count(t, s, `SELECT count(*) FROM history WHERE detail LIKE '%（更正）%' AND at = ?`, got[0].At.Format(time.RFC3339)); n != 1 {
		t.Errorf("统计局 returned at %v, not the time of its second return", got[0].At)
	}
}

// A period locked between planning a round and saving it gets no round:
// the lock is checked again inside the write, as every write that touches
// a period does.
func TestSaveRoundRefusesAPeriodLockedSincePlanned(t *testing.T) {
	s, _ := unitsPlan(t)
	period := domain.Period{Year: s.Plan().Year, Month: 9}
	rp, err := s.PlanRound(period, fmt.Sprintf("%d-10-10", period.Year))
	must(t, err)
	must(t, s.LockPeriod(period, "简报已报出", "王五"))
	before := snapshot(t, s)
	if _, err := s.SaveRound(rp, "张三"); err == nil {
		t.Error("a round saved for a locked period")
	} else {
		t.Logf("refused: %v", err)
	}
	if after := snapshot(t, s); after != before {
		t.Error("a refused round changed the database")
	}
	if n := count(t, s, `SELECT count(*) FROM rounds`); n != 0 {
		t.Errorf("%d rounds stored", n)
	}
}
