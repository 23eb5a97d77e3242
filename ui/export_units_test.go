package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// The brief dialog offers the appendix 按责任单位 only when the plan has
// units, ticked like the other parts; the export it starts carries the
// units, and unticking the appendix leaves it out.
func TestBriefDialogOffersTheUnitsAppendix(t *testing.T) {
	u, st := newTestUI(t)
	open := func(t *testing.T) ([]*widget.Check, *brief.Options) {
		t.Helper()
		var got brief.Options
		d := &briefDialog{host: u, prefs: u.prefs, files: u.files, plan: u.plan, asOf: domain.Period{Year: 2023, Month: 9},
			units: u.units, gapOf: func(p domain.Period) brief.PeriodGap { return brief.PeriodGap{Period: p} },
			run: func(o brief.Options, path string) { got = o }}
		d.show()
		f := openForm(u)
		if f == nil {
			t.Fatal("no dialog")
		}
		var parts []*widget.Check
		for _, it := range f.items {
			if it.Text == "内容" {
				find(it.Widget, func(o fyne.CanvasObject) bool {
					if c, ok := o.(*widget.Check); ok {
						parts = append(parts, c)
					}
					return false
				})
			}
		}
		if len(parts) == 0 {
			t.Fatal("no 内容 boxes")
		}
		formEntryIn(t, u).SetText(filepath.Join(t.TempDir(), "简报.pdf"))
		return parts, &got
	}
	closeAll := func() {
		for u.win.Canvas().Overlays().Top() != nil {
			u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
		}
	}

	parts, _ := open(t)
	if len(parts) != 5 || strings.Contains(labelsOf(parts), "按责任单位") {
		t.Errorf("a plan without units is offered the appendix: %s", labelsOf(parts))
	}
	closeAll()

	if _, err := st.AssignUnits(store.Assignment{Items: []string{"A1-01"}, Lead: "市发展改革委", NewUnits: true}, "张三"); err != nil {
		t.Fatal(err)
	}
	if err := u.reload(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		untick bool
		want   []string
	}{
		{false, brief.AllParts},
		{true, brief.AllParts[:len(brief.AllParts)-1]},
	} {
		parts, got := open(t)
		// The boxes read down the left column, then the right.
		if labelsOf(parts) != "一、总体情况|二、主要指标完成情况|三、需关注事项|四、重点工作推进情况|五、房屋征收计划|附：按责任单位统计" {
			t.Fatalf("parts %s", labelsOf(parts))
		}
		for _, c := range parts {
			if !c.Checked {
				t.Errorf("%s not ticked", c.Text)
			}
		}
		if tc.untick {
			test.Tap(parts[5])
		}
		test.Tap(openForm(u).saveBtn)
		if strings.Join(got.Parts, ",") != strings.Join(tc.want, ",") {
			t.Errorf("untick %v: parts %v, want %v", tc.untick, got.Parts, tc.want)
		}
		if len(got.Units) != 1 || got.ItemUnits["A1-01"].Lead != got.Units[0].ID {
			t.Errorf("units not passed: %+v %+v", got.Units, got.ItemUnits)
		}
		closeAll()
	}
}

func labelsOf(cs []*widget.Check) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Text)
	}
	return strings.Join(out, "|")
}
