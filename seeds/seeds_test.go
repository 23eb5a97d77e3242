package seeds

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// mustItem is the item the test builds on.
func mustItem(t *testing.T, p *domain.Plan, id string) domain.Item {
	t.Helper()
	it, ok := p.Item(id)
	if !ok {
		t.Fatalf("no item %s", id)
	}
	return it
}

func mustLoad(t *testing.T) *domain.Plan {
	t.Helper()
	p, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

// stripSpace removes all white space: the notice's tables are flattened
// Word tables whose cells are split over lines and tabs.
func stripSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func TestCountsPerKind(t *testing.T) {
	p := mustLoad(t)
	got := map[domain.Kind]int{}
	for _, it := range p.Items {
		got[it.Kind]++
	}
	want := map[domain.Kind]int{
		domain.KindIndicator:  22, // 20 rows, 13 and 14 with two target rows each
		domain.KindCommitment: 55,
		domain.KindMilestone:  28,
		domain.KindParcel:     8,
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d items, want %d", k, got[k], n)
		}
	}
	nos := map[int]bool{}
	for _, it := range p.Items {
		if it.Kind == domain.KindIndicator {
			nos[it.IndicatorNo] = true
		}
	}
	for n := 1; n <= 20; n++ {
		if !nos[n] {
			t.Errorf("附件1 indicator %d missing", n)
		}
	}
}

func TestIDsAreStableAndWellFormed(t *testing.T) {
	p := mustLoad(t)
	re := regexp.MustCompile(`^(A1-\d\d[ab]?|[BM][1-6]-\d\d|A2-0[1-8])$`)
	for _, it := range p.Items {
		if !re.MatchString(it.ID) {
			t.Errorf("ID %q does not follow the documented scheme", it.ID)
		}
		if it.Kind == domain.KindIndicator && !strings.HasPrefix(it.ID, "A1-"+twoDigits(it.IndicatorNo)) {
			t.Errorf("%s: indicator_no %d does not match its ID", it.ID, it.IndicatorNo)
		}
	}
}

func twoDigits(n int) string { return strings.Repeat("0", 2-len(strconv.Itoa(n))) + strconv.Itoa(n) }

func TestEveryQuoteIsVerbatim(t *testing.T) {
	p := mustLoad(t)
	flat := stripSpace(Notice)
	for _, it := range p.Items {
		q := it.SourceQuote
		switch it.Kind {
		case domain.KindCommitment, domain.KindMilestone:
			// Body text: the sentence exactly, within one paragraph.
			if !strings.Contains(Notice, q) || strings.Contains(q, "\n") {
				t.Errorf("%s: quote is not verbatim in the notice: %q", it.ID, q)
			}
			if !strings.HasSuffix(q, "。") {
				t.Errorf("%s: quote is not a whole sentence: %q", it.ID, q)
			}
			if it.Hedge != "" && !strings.Contains(q, it.Hedge) {
				t.Errorf("%s: hedge %q not in its quote", it.ID, it.Hedge)
			}
		default:
			if q != stripSpace(q) || !strings.Contains(flat, q) {
				t.Errorf("%s: table quote is not verbatim (white space aside): %q", it.ID, q)
			}
		}
		if it.TargetText == "" {
			continue
		}
		want := it.TargetText
		if it.Kind == domain.KindParcel {
			want = strings.TrimSuffix(want, "亩") // the table gives the area, 亩 is in its header
		}
		if !strings.Contains(q, want) {
			t.Errorf("%s: target %q is not in its quote %q", it.ID, it.TargetText, q)
		}
	}
}

// cells splits a flattened table into its cells: a line that starts with a
// tab opens a cell, a line without one continues the cell above.
func cells(block string) []string {
	var out []string
	for _, ln := range strings.Split(block, "\n") {
		switch {
		case strings.HasPrefix(ln, "\t"):
			out = append(out, strings.TrimSpace(ln))
		case strings.TrimSpace(ln) != "" && len(out) > 0:
			out[len(out)-1] += strings.TrimSpace(ln)
		}
	}
	return out
}

func between(t *testing.T, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	j := strings.Index(s[i+1:], to)
	if i < 0 || j < 0 {
		t.Fatalf("notice has no block %q…%q", from, to)
	}
	return s[i : i+1+j]
}

// TestAnnex1MatchesTheNotice reads 附件1 straight from the notice and checks
// every row against the dataset: category, name, target.
func TestAnnex1MatchesTheNotice(t *testing.T) {
	p := mustLoad(t)
	cs := cells(between(t, Notice, " 附件1", "注："))
	reNo := regexp.MustCompile(`^(\d+)\.(.+?)(\(注\))?$`)
	category, rows := "", 0
	var group string
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if c == "指标名称" || c == "2023年目标" || c == "" {
			continue
		}
		if regexp.MustCompile(`^[一二三四五]、`).MatchString(c) {
			category = c
			continue
		}
		name, target := c, cs[i+1]
		i++
		if m := reNo.FindStringSubmatch(name); m != nil {
			name = m[2]
			group = ""
		}
		if target == "" { // 14: a parent row whose targets are on the rows below
			group = name
			continue
		}
		rows++
		var found *domain.Item
		for k := range p.Items {
			it := &p.Items[k]
			if it.Kind == domain.KindIndicator && it.Name == name && it.Group == group {
				found = it
			}
		}
		if found == nil {
			t.Errorf("附件1 row %q (group %q) not in the dataset", name, group)
			continue
		}
		sec, ok := p.Section(found.Section)
		if !ok {
			t.Fatalf("%s: no section %q", found.ID, found.Section)
		}
		if found.TargetText != target || sec.Title != category {
			t.Errorf("%s: dataset has %q under %q, notice has %q under %q",
				found.ID, found.TargetText, sec.Title, target, category)
		}
	}
	if rows != 22 {
		t.Errorf("read %d target rows from 附件1, want 22", rows)
	}
	gdp := mustItem(t, p, "A1-01")
	if gdp.Note != "注：地区生产总值增长率按可比价格计算。" || !strings.Contains(Notice, gdp.Note) {
		t.Errorf("A1-01 footnote = %q", gdp.Note)
	}
}

// TestAnnex2MatchesTheNotice reads 附件2 from the notice, carrying blank
// merged cells down from the row above, and checks every parcel.
func TestAnnex2MatchesTheNotice(t *testing.T) {
	p := mustLoad(t)
	cs := cells(between(t, Notice, "附件2", "抄送"))
	start := 0
	for i, c := range cs {
		if c == "1" {
			start = i
			break
		}
	}
	var typ, body string
	var sum float64
	n := 0
	for i := start; i+5 < len(cs) && !strings.HasPrefix(cs[i], "总"); i += 6 {
		seq, name, bounds, area, ctype, cbody := cs[i], cs[i+1], cs[i+2], cs[i+3], cs[i+4], cs[i+5]
		if ctype != "" {
			typ = ctype
		}
		if cbody != "" {
			body = cbody
		}
		n++
		it, ok := p.Item("A2-0" + seq)
		if !ok {
			t.Fatalf("parcel %s missing", seq)
		}
		pc := it.Parcel
		mu, _ := strconv.ParseFloat(area, 64)
		sum += mu
		b := pc.Boundaries
		gotBounds := "东至" + b.East + "、南至" + b.South + "、西至" + b.West + "、北至" + b.North
		if it.Name != name || gotBounds != bounds || pc.AreaMu != mu || pc.InterestType != typ ||
			strings.Join(pc.Implementers, "、") != body || strconv.Itoa(pc.Seq) != seq {
			t.Errorf("%s: dataset %q %q %v %q %v, notice %q %q %v %q %q",
				it.ID, it.Name, gotBounds, pc.AreaMu, pc.InterestType, pc.Implementers, name, bounds, mu, typ, body)
		}
		if it.Target.Value != mu || it.Target.Unit != "亩" {
			t.Errorf("%s: target %+v, want %v亩", it.ID, it.Target, mu)
		}
	}
	if n != 8 {
		t.Errorf("read %d parcels, want 8", n)
	}
	if math.Abs(sum-513.31) > 1e-9 || p.ParcelAreaSum() != 513.31 || p.ParcelTotalMu != 513.31 {
		t.Errorf("areas sum to %v (dataset %v), stated total %v", sum, p.ParcelAreaSum(), p.ParcelTotalMu)
	}
	if !strings.Contains(stripSpace(Notice), "总计513.31") {
		t.Error("the notice's own total is not 513.31")
	}
}

func TestLinksBetweenBodyAndAnnex(t *testing.T) {
	p := mustLoad(t)
	links := map[string]string{}
	for _, it := range p.Items {
		if it.SameAs != "" {
			links[it.ID] = it.SameAs
			o := mustItem(t, p, it.SameAs)
			if o.Kind != domain.KindIndicator {
				t.Errorf("%s repeats %s, which is not a 附件1 indicator", it.ID, it.SameAs)
			}
		}
	}
	want := map[string]string{"B1-03": "A1-05", "B1-10": "A1-06", "B3-01": "A1-08",
		"B5-04": "A1-17", "B5-07": "A1-19", "B6-01": "A1-16"}
	for k, v := range want {
		if links[k] != v {
			t.Errorf("%s should repeat %s, has %q", k, v, links[k])
		}
	}
	rail := mustItem(t, p, "B1-07")
	if rail.Parent != "B1-06" {
		t.Errorf("铁路和轨道投资 should be 其中 of 交通投资, parent %q", rail.Parent)
	}
	start := mustItem(t, p, "B1-02")
	if start.Deadline != (domain.Period{Year: 2023, Month: 9}) {
		t.Errorf("新建项目开工率 deadline = %v, want 2023-09", start.Deadline)
	}
}

func TestParseRejectsADisagreeingTarget(t *testing.T) {
	bad := strings.Replace(string(PlanJSON), `"target_text": "增长6%左右"`, `"target_text": "增长7%左右"`, 1)
	if _, err := domain.ParsePlanFile([]byte(bad)); err == nil || !strings.Contains(err.Error(), "A1-01") {
		t.Fatalf("a target text that disagrees with its structured target must fail, got %v", err)
	}
	bad = strings.Replace(string(PlanJSON), `"target_text": "增长6%左右"`, `"target_text": "增长六个点"`, 1)
	if _, err := domain.ParsePlanFile([]byte(bad)); err == nil {
		t.Fatal("an unknown phrasing must fail at load time")
	}
	bad = strings.Replace(string(PlanJSON), `"area_mu": 7.40`, `"area_mu": 7.50`, 1)
	if _, err := domain.ParsePlanFile([]byte(bad)); err == nil {
		t.Fatal("parcel areas that do not add up must fail")
	}
}
