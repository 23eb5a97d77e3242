package store

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// A unit's 进展情况 is filed as that unit's note (author 市发展改革委填报, not
// the reviewer who collected it); a corrected text from the same unit in
// the same round replaces its earlier note (edit_note in the collect's
// transaction, history keeping the old text), while another unit's text
// stands beside it, and the same text sent again writes nothing.
func TestProgressNoteIsTheUnits(t *testing.T) {
	s, _, r, u := roundPlan(t)
	p := r.Period
	steps := []struct {
		unit, file, text string
		notes            int // Collected.Notes
		want             map[string]string
	}{
		{"市发展改革委", "a.xlsx", "项目均已开工。", 1,
			map[string]string{"市发展改革委填报": "项目均已开工。"}},
		{"市发展改革委", "a2.xlsx", "项目均已开工，投资完成过半。", 1,
			map[string]string{"市发展改革委填报": "项目均已开工，投资完成过半。"}},
		{"市发展改革委", "a3.xlsx", "项目均已开工，投资完成过半。", 0,
			map[string]string{"市发展改革委填报": "项目均已开工，投资完成过半。"}},
		{"市统计局", "b.xlsx", "统计口径已核。", 1,
			map[string]string{"市发展改革委填报": "项目均已开工，投资完成过半。", "市统计局填报": "统计口径已核。"}},
	}
	for _, st := range steps {
		got, err := s.CollectReturn(ReturnFile{RoundID: r.ID, Period: p, Unit: u[st.unit], File: st.file, Rows: []ReturnRow{
			{ItemID: "A1-01", Progress: st.text, Person: "王五"},
		}}, "张三", false)
		must(t, err)
		if got.Notes != st.notes {
			t.Errorf("%s: %d notes written, want %d", st.file, got.Notes, st.notes)
		}
		notes, err := s.Notes("A1-01")
		must(t, err)
		have := map[string]string{}
		for _, n := range notes {
			if _, dup := have[n.Author]; dup {
				t.Errorf("%s: two notes by %s", st.file, n.Author)
			}
			have[n.Author] = n.Body
		}
		if len(have) != len(st.want) {
			t.Errorf("%s: notes %v, want %v", st.file, have, st.want)
		}
		for a, b := range st.want {
			if have[a] != b {
				t.Errorf("%s: %s's note %q, want %q", st.file, a, have[a], b)
			}
		}
	}
	h, err := s.History("A1-01")
	must(t, err)
	var edit *domain.Change
	for i, c := range h {
		if c.Action == domain.EditNote {
			edit = &h[i]
		}
	}
	if edit == nil || edit.Who != "张三" || !strings.Contains(edit.Detail, "由市发展改革委填报（a2.xlsx）") ||
		!strings.Contains(edit.Before, "项目均已开工。") || !strings.Contains(edit.After, "投资完成过半") {
		t.Fatalf("the replacing edit in history: %+v", edit)
	}
	// How it is undone (with its whole collect) is undo's: undocollect_test.go.
}
