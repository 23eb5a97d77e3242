package store

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

func TestRecordPersistsAcrossReopen(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.8, Source: "市统计局月报", SourceDate: "2023-10-20"}, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote("A1-01", p(9), "三季度增速回落，主要受出口拖累。", "张三"); err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	s2, err := Open(path, Options{Bundle: bundle, Now: clock()})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	as, _ := s2.Actuals()
	if len(as) != 1 || as[0].Value != 5.8 || as[0].Source != "市统计局月报" || as[0].By != "张三" || as[0].Period != p(9) {
		t.Errorf("after reopen: %+v", as)
	}
	ns, _ := s2.Notes("A1-01")
	if len(ns) != 1 || ns[0].Body != "三季度增速回落，主要受出口拖累。" {
		t.Errorf("notes after reopen: %+v", ns)
	}
	r, _ := s2.Review(domain.DefaultTolerance())
	gdp, _ := s2.Plan().Item("A1-01")
	if st := r.Status(gdp, p(9)); st.Code != domain.OnTrack || !strings.Contains(st.Reason, "1-9月增长5.8%，低于目标0.2个百分点") {
		t.Errorf("status after reopen: %+v", st)
	}
}

func TestSameAsRecordsOnTheIndicator(t *testing.T) {
	s, _ := openTemp(t)
	got, err := s.RecordActual(domain.Actual{ItemID: "B1-03", Period: p(9), Value: 9.1}, "张三")
	if err != nil || got != "A1-05" {
		t.Fatalf("recorded on %q, %v; want A1-05", got, err)
	}
	r, _ := s.Review(domain.DefaultTolerance())
	body, _ := s.Plan().Item("B1-03")
	ind, _ := s.Plan().Item("A1-05")
	if a, b := r.Status(body, p(9)), r.Status(ind, p(9)); a.Reason != b.Reason || !strings.Contains(a.Reason, "9.1%") {
		t.Errorf("body %q, indicator %q", a.Reason, b.Reason)
	}
	if h, _ := s.History("B1-03"); len(h) != 1 || h[0].ItemID != "A1-05" {
		t.Errorf("history of B1-03 shows the indicator's change: %+v", h)
	}
}

func TestBadFiguresChangeNothing(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(3), Value: 6.1}, "张三"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	checkRefused(t, s, before, []refused{
		{"unknown item", second(s.RecordActual(domain.Actual{ItemID: "X-99", Period: p(3), Value: 1}, "张三")), "没有编号为“X-99”"},
		{"parent of sub-rows", second(s.RecordActual(domain.Actual{ItemID: "A1-13", Period: p(3), Value: 1}, "张三")), "A1-13a"},
		{"wrong year", second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: domain.Period{Year: 2024, Month: 1}, Value: 1}, "张三")), "不在计划年度"},
		{"no reviewer", second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(3), Value: 1}, " ")), "填报人不能为空"},
		{"number for a milestone", second(s.RecordActual(domain.Actual{ItemID: "M3-01", Period: p(3), Value: 1}, "张三")), "重点事项"},
		{"outcome for a number", second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(3), Outcome: domain.OutcomeDone}, "张三")), "需要填写数值"},
		{"parcel beyond its area", second(s.RecordActual(domain.Actual{ItemID: "A2-02", Period: p(3), Value: 8}, "张三")), "0到7.4亩"},
		{"negative count", second(s.RecordActual(domain.Actual{ItemID: "B1-01", Period: p(3), Value: -3}, "张三")), "不能为负数"},
		{"delete missing", s.DeleteActual("A1-01", p(6), "张三"), "没有已录入的实际值"},
	})
}
