package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// 简报核验… after a change of 责任单位 says the units changed, which rows
// of the appendix differ and who changed them — not that the plan data
// changed.
func TestVerifyInTheWindowNamesUnitChanges(t *testing.T) {
	u, st := newTestUI(t)
	if _, err := st.AssignUnits(store.Assignment{Items: []string{"A1-01", "A1-03"}, Lead: "市统计局", NewUnits: true}, "张三"); err != nil {
		t.Fatal(err)
	}
	units, err := st.Units()
	if err != nil {
		t.Fatal(err)
	}
	assigned, err := st.ItemUnits()
	if err != nil {
		t.Fatal(err)
	}
	mark, err := st.LastChangeID()
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		t.Fatal(err)
	}
	o := brief.Options{AsOf: domain.Period{Year: 2023, Month: 9}, Date: time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC),
		Parts: []string{brief.PartUnits}, Units: units, ItemUnits: assigned, HistoryMark: mark}
	var buf bytes.Buffer
	if _, err := pdf.Export(r, nil, o, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "简报.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AssignUnits(store.Assignment{Items: []string{"A1-07"}, Lead: "市统计局"}, "李四"); err != nil {
		t.Fatal(err)
	}
	u.changed("")
	got := u.showVerification(path)
	for _, want := range []string{"与当前数据不一致", "责任单位有变", "市统计局：牵头 2→3", "李四 指定责任单位：牵头：市统计局"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "各项目本身未变") {
		t.Errorf("blames the plan data:\n%s", got)
	}
}
