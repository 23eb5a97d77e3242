package store

import (
	"testing"

	"cn.planreview/planreview/model/domain"
)

// The recorded figure is named by where it came from — the unit's return
// that wrote it, even after that unit sent it again (unchanged) or sent a
// correction (held), or a pick — and 原录入的 only when typed by hand; in
// the conflict listing and in the resolve's history row.
func TestRecordedFigureNamesItsSource(t *testing.T) {
	type step struct {
		unit, file string
		v          float64
	}
	for _, c := range []struct {
		name     string
		hand     float64 // typed in first, when not 0
		steps    []step
		pick     string // resolve before the last steps: unit picked
		then     []step
		unit     string // Recorded.Unit in the conflict
		file     string
		resolve  Pick
		resolveU string // unit of resolve, when picking a unit
		detail   string
	}{
		{name: "the same file sent again",
			steps: []step{{"市发展改革委", "a.xlsx", 6.5}, {"市发展改革委", "a_copy.xlsx", 6.5}, {"市统计局", "b.xlsx", 6.3}},
			unit:  "市发展改革委", file: "a.xlsx", resolveU: "市统计局",
			detail: "采用市统计局填报的增长6.3%（b.xlsx），未采用：市发展改革委填报的增长6.5%"},
		{name: "a unit corrects its own figure",
			steps: []step{{"市发展改革委", "a.xlsx", 6.5}, {"市发展改革委", "a2.xlsx", 6.4}},
			unit:  "市发展改革委", file: "a.xlsx", resolveU: "市发展改革委",
			detail: "采用市发展改革委填报的增长6.4%（a2.xlsx），未采用：市发展改革委此前填报的增长6.5%"},
		{name: "after a resolve, both sent again",
			steps: []step{{"市发展改革委", "a.xlsx", 6.5}, {"市统计局", "b.xlsx", 6.3}},
			pick:  "市统计局",
			then:  []step{{"市统计局", "b.xlsx", 6.3}, {"市发展改革委", "a.xlsx", 6.5}},
			unit:  "市统计局", file: "b.xlsx", resolve: PickRecorded(),
			detail: "采用市统计局填报的增长6.3%（b.xlsx），未采用：市发展改革委填报的增长6.5%"},
		{name: "typed by hand", hand: 6.1,
			steps: []step{{"市发展改革委", "a.xlsx", 6.5}},
			unit:  "", resolveU: "市发展改革委",
			detail: "采用市发展改革委填报的增长6.5%（a.xlsx），未采用：原录入的增长6.1%"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _, r, u := roundPlan(t)
			p := r.Period
			if c.hand != 0 {
				_, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p, Value: c.hand, Source: "手工"}, "张三")
				must(t, err)
			}
			send := func(steps []step) {
				for _, st := range steps {
					_, err := s.CollectReturn(ReturnFile{RoundID: r.ID, Period: p, Unit: u[st.unit], File: st.file, Rows: []ReturnRow{
						{ItemID: "A1-01", Actual: figure("A1-01", p, st.v), Person: "王五"},
					}}, "张三", false)
					must(t, err)
				}
			}
			send(c.steps)
			if c.pick != "" {
				_, err := s.ResolveConflict(r.ID, "A1-01", PickUnit(u[c.pick].ID), "李四")
				must(t, err)
				send(c.then)
			}
			cs, err := s.Conflicts(r.ID)
			must(t, err)
			if len(cs) != 1 || cs[0].Recorded == nil {
				t.Fatalf("conflicts: %+v", cs)
			}
			if rec := cs[0].Recorded; rec.Unit != c.unit || rec.File != c.file {
				t.Errorf("recorded from %q (%q), want %q (%q)", rec.Unit, rec.File, c.unit, c.file)
			}
			pick := c.resolve
			if c.resolveU != "" {
				pick = PickUnit(u[c.resolveU].ID)
			}
			detail, err := s.ResolveConflict(r.ID, "A1-01", pick, "李四")
			must(t, err)
			if detail != c.detail {
				t.Errorf("resolve: %q\nwant      %q", detail, c.detail)
			}
		})
	}
}
