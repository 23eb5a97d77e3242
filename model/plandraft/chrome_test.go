package plandraft

import (
	"strings"
	"testing"
)

// A body sentence that says a plan was 印发 or quotes a 来源 is the
// document's words, not the page's chrome: its commitments are drafted.
// Only the 抄送/印发 lines of the notice's end and the portal's own fields
// yield nothing.
func TestChromeWordsInsideASentenceAreNoChrome(t *testing.T) {
	text := strings.Join([]string{
		"2024年某市国民经济和社会发展计划",
		"一、扩大有效投资",
		"研究制定并印发新能源汽车推广方案，全年新增公共充电桩500个以上。",
		"以财政资金来源：多渠道筹措，新建保障性租赁住房3000套。",
		"抄送：市委各部门，市人大常委会办公室。",
		"某市人民政府办公室　2024年2月20日印发",
		"来源：某市发展和改革委员会",
	}, "\n")
	d, err := FromDocument(textDoc("notice.txt", text), Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, it := range d.Items {
		names = append(names, it.Name+" "+it.TargetText)
	}
	got := strings.Join(names, "\n")
	for _, want := range []string{"充电桩", "保障性租赁住房"} {
		if !strings.Contains(got, want) {
			t.Errorf("no item for %s; drafted:\n%s", want, got)
		}
	}
	for _, it := range d.Items {
		if strings.Contains(it.Source, "抄送") || strings.HasSuffix(strings.TrimSpace(it.Source), "印发") || strings.HasPrefix(it.Source, "来源") {
			t.Errorf("an item from a chrome line: %q", it.Source)
		}
	}
}
