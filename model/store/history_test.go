package store

import (
	"testing"

	"cn.planreview/planreview/model/domain"
)

// TestOneTimePerChange: the test clock ticks a minute at every reading,
// so a change stamped twice would show two times; the figure, the note
// and their history rows must each carry the one the transaction began
// with.
func TestOneTimePerChange(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.8}, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote("A1-01", p(9), "增速回落", "张三"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, row, history string }{
		{"figure", `SELECT entered_at FROM actuals`, `SELECT at FROM history WHERE action = 'record_actual'`},
		{"note", `SELECT created_at || ' ' || updated_at FROM notes`, `SELECT at || ' ' || at FROM history WHERE action = 'add_note'`},
	} {
		var row, hist string
		if err := s.db.QueryRow(tc.row).Scan(&row); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRow(tc.history).Scan(&hist); err != nil {
			t.Fatal(err)
		}
		if row != hist {
			t.Errorf("%s written at %s, its history row at %s", tc.name, row, hist)
		}
	}
}
