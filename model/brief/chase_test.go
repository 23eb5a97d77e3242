package brief

import (
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
)

// TestChaseSummary: the sentence above the 催报清单 counts units and
// items, says 项次 with the number of distinct items when an item is owed
// by more than one unit, and before the due date words the list as a
// reminder rather than a chase.
func TestChaseSummary(t *testing.T) {
	due := time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC)
	after, before := due.AddDate(0, 0, 5), due.AddDate(0, 0, -2)
	a, b, c := ChaseItem{ID: "A1-01"}, ChaseItem{ID: "A1-02"}, ChaseItem{ID: "A1-03"}
	for _, tc := range []struct {
		name  string
		asOf  time.Time
		units []ChaseUnit
		want  string
		word  string
	}{
		{"nothing owed", after, nil, "全部已报送：本轮所有单位的所有项目均已报送，无需催报。", "项"},
		{"one unit each", after, []ChaseUnit{{Unit: "甲", Missing: []ChaseItem{a, b}}, {Unit: "乙", Missing: []ChaseItem{c}}},
			"共2个单位3项未报送。请逐一电话催报，记下联系人、电话和催报情况。", "项"},
		{"an item owed by two units", after, []ChaseUnit{{Unit: "甲", Missing: []ChaseItem{a, b}}, {Unit: "乙", Missing: []ChaseItem{a}}},
			"共2个单位未报送3项次（涉及2个项目，部分项目由多个单位分别填报）。请逐一电话催报，记下联系人、电话和催报情况。", "项次"},
		{"before the due date", before, []ChaseUnit{{Unit: "甲", Missing: []ChaseItem{a}}},
			"截止前提醒：共1个单位1项未报送。请在截止日期前提醒各单位按时报送，记下联系人、电话和提醒情况。", "项"},
		{"on the due date", due, []ChaseUnit{{Unit: "甲", Missing: []ChaseItem{a}}}, "截止前提醒：", "项"},
	} {
		l := ChaseList{Period: domain.Period{Year: 2023, Month: 9}, Due: due, AsOf: tc.asOf, Units: tc.units}
		// want is the sentence, or (on the due date) how it starts.
		if got := l.Summary(); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		if got := l.CountWord(); got != tc.word {
			t.Errorf("%s: counts in %q, want %q", tc.name, got, tc.word)
		}
	}
}

func TestChaseItemLabel(t *testing.T) {
	for _, tc := range []struct {
		it   ChaseItem
		want string
	}{
		{ChaseItem{ID: "A1-02", Name: "一般公共预算收入"}, "A1-02 一般公共预算收入"},
		{ChaseItem{ID: "A1-02", Name: "一般公共预算收入", Note: ChaseNoFigure}, "A1-02 一般公共预算收入（未填实际值）"},
	} {
		if got := tc.it.Label(); got != tc.want {
			t.Errorf("%q, want %q", got, tc.want)
		}
	}
}
