package store

import (
	"fmt"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// startRound plans and saves a round for period p as by.
func startRound(t *testing.T, s *Store, p domain.Period, by string) domain.Round {
	t.Helper()
	rp, err := s.PlanRound(p, fmt.Sprintf("%d-12-10", p.Year))
	must(t, err)
	r, err := s.SaveRound(rp, by)
	must(t, err)
	return r
}

// startRow is the history row that started round id.
func startRow(t *testing.T, s *Store, id string) int64 {
	t.Helper()
	h, err := s.History("")
	must(t, err)
	for _, c := range h {
		if c.Action == domain.StartRound && strings.Contains(c.After, `"id":"`+id+`"`) {
			return c.ID
		}
	}
	t.Fatalf("no history row starts %s", id)
	return 0
}

// Round IDs are never given twice: a round started after another was
// undone gets a new ID, an undo of an earlier round does not block later
// starts, and a workbook of the undone round is refused as the withdrawn
// round's, naming who withdrew it.
func TestRoundIDsAreNeverReused(t *testing.T) {
	s, _ := unitsPlan(t)
	p9 := domain.Period{Year: s.Plan().Year, Month: 9}
	p6 := domain.Period{Year: s.Plan().Year, Month: 6}
	steps := []struct {
		what string
		do   func() string // returns the ID of the round started, if any
		want string
	}{
		{"first round", func() string { return startRound(t, s, p9, "张三").ID }, "R1"},
		{"undo R1, start again", func() string {
			_, err := s.Undo(startRow(t, s, "R1"), "李四")
			must(t, err)
			return startRound(t, s, p9, "张三").ID
		}, "R2"},
		{"another period", func() string { return startRound(t, s, p6, "张三").ID }, "R3"},
		{"someone undoes R2 (not the latest): the next start still goes", func() string {
			_, err := s.Undo(startRow(t, s, "R2"), "王五")
			must(t, err)
			return startRound(t, s, p9, "张三").ID
		}, "R4"},
	}
	for _, st := range steps {
		if got := st.do(); got != st.want {
			t.Fatalf("%s: round %s, want %s", st.what, got, st.want)
		}
	}
	u, err := s.FindUnit("市统计局")
	must(t, err)
	for _, c := range []struct {
		round string
		want  []string // in the refusal; nil: accepted
	}{
		{"R1", []string{"轮次R1已撤销", "李四于", "已作废"}},
		{"R2", []string{"轮次R2已撤销", "王五于"}},
		{"R9", []string{"没有填报轮次“R9”"}},
		{"R4", nil},
	} {
		_, keys, err := s.RoundKeys(c.round, u.ID)
		if c.want == nil {
			if err != nil || len(keys) == 0 {
				t.Errorf("%s: %v", c.round, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s accepted", c.round)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", c.round, err, w)
			}
		}
	}

	// A plan worked out before someone else started a round is refused
	// at save, naming the next ID, and nothing is stored.
	stale, err := s.PlanRound(p9, fmt.Sprintf("%d-12-10", p9.Year))
	must(t, err)
	startRound(t, s, p9, "李四")
	if _, err := s.SaveRound(stale, "张三"); err == nil || !strings.Contains(err.Error(), "R6") {
		t.Errorf("stale plan of %s saved: %v", stale.Round.ID, err)
	}
	rs, err := s.Rounds()
	must(t, err)
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	if got := strings.Join(ids, " "); got != "R3 R4 R5" {
		t.Errorf("rounds %s, want R3 R4 R5", got)
	}
}
