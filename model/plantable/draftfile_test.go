package plantable_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plandraft"
	"cn.planreview/planreview/model/plantable"
)

// reportDraft is the execution-report sample drafted and written as a
// draft file.
func reportDraft(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../docread/testdata/tongxiang-2024-execution-report-opening.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := docread.Read("桐乡.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	d, err := plandraft.FromDocument(doc, plandraft.Options{City: "桐乡市"})
	if err != nil {
		t.Fatal(err)
	}
	f := plantable.NewDraftFile(d, plantable.DraftSource{File: doc.Name, Format: string(doc.Format), Encoding: doc.Encoding, City: "桐乡市"}, d.Year)
	out, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDraftFileRoundTrip: a draft file read back gives the draft's items,
// targets, quotes and reported results; confirmed, it makes a plan file.
func TestDraftFileRoundTrip(t *testing.T) {
	data := reportDraft(t)
	f, err := plantable.ReadDraftFile(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.Kind != plantable.GenreReport || f.Source.Year != 2024 || f.Source.Encoding != "UTF-8" {
		t.Errorf("source %+v", f.Source)
	}
	if p := f.Pending(); len(p) != 2 || !strings.Contains(p[0], "第2项（A1-02 全员劳动生产率）") {
		t.Errorf("pending %q", p)
	}
	gdp := f.Items[0]
	if gdp.Name != "地区生产总值" || gdp.TargetText != "增长6.5%左右" || gdp.ReportedActual == nil ||
		gdp.ReportedActual.Text != "增长4.8%" || f.Text[gdp.Start:gdp.End] != gdp.SourceQuote {
		t.Errorf("first item %+v", gdp)
	}
	// The reviewer rewrites the unit the page cut, confirms it, and drops
	// the indicator with no target.
	f.Items[1].TargetText, f.Items[1].NeedsReview = "20.5万元", false
	f.Items = append(f.Items[:4], f.Items[5:]...)
	d, err := f.Draft()
	if err != nil {
		t.Fatal(err)
	}
	if d.Pending() != 0 || d.Items[1].Target == nil || d.Items[1].Target.Value != 20.5 || d.Items[0].Reported.Text != "增长4.8%" {
		t.Errorf("draft %+v", d.Items[:2])
	}
	pf, err := plantable.PlanFile(d, plantable.Meta{City: "桐乡市", Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	p, err := domain.ParsePlanFile(pf)
	if err != nil || len(p.Items) != 4 || p.Items[0].SourceQuote != gdp.SourceQuote {
		t.Errorf("plan file: %v %+v", err, p)
	}
}

func TestReadDraftFileRefuses(t *testing.T) {
	good := reportDraft(t)
	var doc map[string]any
	if err := json.Unmarshal(good, &doc); err != nil {
		t.Fatal(err)
	}
	change := func(f func(m map[string]any, item map[string]any)) []byte {
		var m map[string]any
		_ = json.Unmarshal(good, &m)
		f(m, m["items"].([]any)[0].(map[string]any))
		out, _ := json.Marshal(m)
		return out
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"not JSON", []byte("{"), "不是有效的JSON"},
		{"no source", change(func(m, _ map[string]any) { delete(m, "source") }), "缺少顶层“source”"},
		{"no items", change(func(m, _ map[string]any) { m["items"] = []any{} }), "没有计划项目"},
		{"unknown field", change(func(_, it map[string]any) { it["目标"] = "x" }), "unknown field"},
		{"unknown kind", change(func(_, it map[string]any) { it["kind"] = "wish" }), "第1项（A1-01 地区生产总值）的“kind”是“wish”"},
		{"no name", change(func(_, it map[string]any) { it["name"] = " " }), "“name”是空的"},
		{"made a parcel by hand", change(func(_, it map[string]any) { it["kind"] = "parcel" }), "第1项（A1-01 地区生产总值）的“kind”是 parcel（征收地块），但没有“parcel”字段"},
		{"offset outside the text", change(func(_, it map[string]any) { it["end"] = 1 << 30 }), "不在文档文字"},
		{"quote edited", change(func(_, it map[string]any) { it["source_quote"] = "地区生产总值增长7%" }), "逐字引自文档"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := plantable.ReadDraftFile(c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err %v, want %q", err, c.want)
			}
		})
	}
	// A confirmed item whose target does not read names the item.
	f, err := plantable.ReadDraftFile(good)
	if err != nil {
		t.Fatal(err)
	}
	f.Items[0].TargetText = "比去年好"
	if _, err := f.Draft(); err == nil || !strings.Contains(err.Error(), "第1项（A1-01 地区生产总值）") || !strings.Contains(err.Error(), "可填写") {
		t.Errorf("unreadable target: %v", err)
	}
}

// FuzzReadDraftFile: any bytes are a draft file or a Chinese refusal; a
// file read is one whose offsets and quotes hold, and Draft never panics.
func FuzzReadDraftFile(f *testing.F) {
	f.Add(reportDraft(f))
	f.Add([]byte(`{"source":{},"items":[{"kind":"indicator","name":"x","start":0,"end":0}],"text":""}`))
	f.Add([]byte(`{"plan":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		df, err := plantable.ReadDraftFile(data)
		if err != nil {
			return
		}
		for _, it := range df.Items {
			if it.End > it.Start && df.Text[it.Start:it.End] != it.SourceQuote {
				t.Fatalf("quote not at its offsets")
			}
		}
		_, _ = df.Draft()
	})
}
