package pdf_test

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/briefcheck"
	"cn.planreview/planreview/model/store"
)

// assignThree gives the seeded plan three units: 市发展改革委 leads GDP
// (5.8%, 符合预期) and 一般公共预算收入 (4.2%, 低于预期) with 市统计局
// assisting; 市商务局 leads 固定资产投资 (低于预期), 居民消费价格 (控制在
// 目标内) and 交通投资 (快于序时进度); 市统计局 leads 全员劳动生产率 (no
// figure of 1-9月) and PM2.5 (超出控制目标) — so 市统计局 leads two items
// and assists two others.
func assignThree(t *testing.T, st *store.Store) {
	t.Helper()
	for _, a := range []store.Assignment{
		{Items: []string{"A1-01", "A1-02"}, Lead: "市发展改革委", With: []string{"市统计局"}},
		{Items: []string{"A1-05", "A1-12", "B1-06"}, Lead: "市商务局"},
		{Items: []string{"A1-03", "A1-20"}, Lead: "市统计局"},
	} {
		a.NewUnits = true
		if _, err := st.AssignUnits(a, "张三"); err != nil {
			t.Fatal(err)
		}
	}
}

func withUnits(t *testing.T, st *store.Store, o brief.Options) brief.Options {
	t.Helper()
	var err error
	if o.Units, err = st.Units(); err != nil {
		t.Fatal(err)
	}
	if o.ItemUnits, err = st.ItemUnits(); err != nil {
		t.Fatal(err)
	}
	return o
}

// The appendix 按责任单位 of a brief with three units counts, per unit,
// its lead and 协办 items apart and their statuses (as Review.Status
// gives them, listed at assignThree); a plan without units has none; the
// brief with it verifies against the data, and stops verifying once the
// units change.
func TestBriefAppendixByUnit(t *testing.T) {
	need(t, "pdftotext")
	st := seed(t)

	path, _, _ := export(t, st, withUnits(t, st, opts(9)))
	if text := flat(pdftotext(t, path)); strings.Contains(text, "按责任单位") {
		t.Errorf("a plan without units has an appendix:\n%s", text)
	}

	assignThree(t, st)
	o := withUnits(t, st, opts(9))
	path, data, _ := export(t, st, o)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	layout := string(out)
	text := flat(layout)
	for _, want := range []string{"附：按责任单位统计", "附表按责任单位统计（2023年1-9月）",
		"截至前三季度，3个责任单位牵头或协办的项目进展如下表。各状态列按牵头项目统计；协办项目只计数。每项只计入其牵头单位，各单位牵头项目合计7项。",
		"“暂无本期数据”为没有1-9月数据的项目（含按此前数据判断的），不表示单位未报送，各单位填报工作簿的交回情况见催报清单；",
		"“其他”为目标待定或定性目标待审阅人判断的项目；重复列示的项目按其指标计一次（6项不另计）；",
		"责任单位牵头协办进展正常基本完成或滞后暂无本期数据其他推进中", "未指定责任单位"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in:\n%s", want, text)
		}
	}
	for _, gone := range []string{"本期未报", "基本符合", "牵头、协办项目分列"} {
		if strings.Contains(text, gone) {
			t.Errorf("the appendix still says %q", gone)
		}
	}
	// 牵头 协办 进展正常 基本完成或推进中 滞后 暂无本期数据 其他: the
	// status columns count the lead items only (市统计局's two 协办 items,
	// 符合预期 and 低于预期, are not in them).
	for unit, want := range map[string]string{
		"市发展改革委": "2 0 1 0 1 0 0",
		"市统计局":   "2 2 0 0 1 1 0",
		"市商务局":   "3 0 2 0 1 0 0",
	} {
		m := regexp.MustCompile(unit + `((?:\s+\d+){7})`).FindStringSubmatch(layout)
		if m == nil {
			t.Errorf("no row for %s:\n%s", unit, layout)
			continue
		}
		if got := strings.Join(strings.Fields(m[1]), " "); got != want {
			t.Errorf("%s: %s, want %s", unit, got, want)
		}
	}
	// The units stand in the order they came into the plan.
	if i, j, k := strings.Index(text, "市发展改革委2"), strings.Index(text, "市统计局2"), strings.Index(text, "市商务局3"); !(i < j && j < k) {
		t.Errorf("rows out of order: %d %d %d", i, j, k)
	}

	then, err := pdf.ReadStamp(data)
	if err != nil {
		t.Fatal(err)
	}
	if !contains(then.Parts, brief.PartUnits) {
		t.Errorf("stamp parts %v lack the appendix", then.Parts)
	}
	v, err := briefcheck.Verify(st, then)
	if err != nil || !v.Same() {
		t.Fatalf("a brief with the appendix does not verify: %v %+v", err, v)
	}
	if _, err := st.AssignUnits(store.Assignment{Items: []string{"A1-03"}, Lead: "市商务局"}, "张三"); err != nil {
		t.Fatal(err)
	}
	if v, err := briefcheck.Verify(st, then); err != nil || v.Same() {
		t.Errorf("units changed, yet the brief verifies: %v", err)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Parts asked for without the appendix leave it out; the appendix alone
// is a brief of its own, and its nearly column is named as the summary
// names the bucket, at 1-9月 as at year end.
func TestBriefAppendixParts(t *testing.T) {
	st := seed(t)
	assignThree(t, st)
	r, notes := reviewAndNotes(t, st)
	for _, tc := range []struct {
		parts []string
		month int
		want  []string
	}{
		{[]string{brief.PartSummary}, 9, []string{brief.PartSummary}},
		{nil, 9, brief.AllParts},
		{[]string{brief.PartUnits}, 12, []string{brief.PartUnits}},
	} {
		o := withUnits(t, st, opts(tc.month))
		o.Parts = tc.parts
		b := brief.Build(r, notes, o)
		var got []string
		for _, part := range b.Parts {
			got = append(got, part.Key)
			if part.Key == brief.PartUnits {
				if part.Heading != "附：按责任单位统计" {
					t.Errorf("heading %q", part.Heading)
				}
				// The summary's name for the bucket, at any period.
				if cols := part.Table.Columns; cols[4].Title != "基本完成或推进中" {
					t.Errorf("month %d: column %q, want 基本完成或推进中", tc.month, cols[4].Title)
				}
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("parts %v: built %v, want %v", tc.parts, got, tc.want)
		}
	}
}
