package plantable_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/plandraft"
	"cn.planreview/planreview/model/plantable"
)

// draftFileOf drafts a document's text as a draft file read back.
func draftFileOf(t *testing.T, name string, data []byte) plantable.DraftFile {
	t.Helper()
	doc, err := docread.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	d, err := plandraft.FromDocument(doc, plandraft.Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	out, err := plantable.NewDraftFile(d, plantable.DraftSource{File: doc.Name}, 2024).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	f, err := plantable.ReadDraftFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// bareReport is an execution report whose targets are bare numbers under
// a 增长(%) header: the draft completes them (6 → 增长6%) in target_read.
const bareReport = "临江市2024年国民经济和社会发展计划执行情况报告\n\n" +
	"| 指标名称 | 单位 | 2024年目标增长(%) | 实际完成 | 备注 |\n" +
	"| 地区生产总值 | 亿元 | 7左右 | 预计7.3%左右 | |\n" +
	"| 一般公共预算收入 | 亿元 | 6 | 下降4.6% | |\n"

// TestDraftFileReadsTheEditedTarget: a reviewer who corrects target_text
// gets the corrected target, even where the draft had completed a bare
// number in target_read; before, target_read won and the correction was
// dropped without a word (增长6.5% typed, 增长6% created).
func TestDraftFileReadsTheEditedTarget(t *testing.T) {
	cases := []struct {
		name, text string
		want       string  // the text the target is read from
		value      float64 // its value
		err        string  // or the refusal
	}{
		{"unedited bare number keeps the reading", "6", "增长6%", 6, ""},
		{"a full target typed", "增长6.5%", "增长6.5%", 6.5, ""},
		{"hedge typed in front", "力争增长6.5%", "增长6.5%", 6.5, ""},
		{"another kind of target typed", "下降6%", "下降6%", 6, ""},
		{"another bare number", "7", "", 0, "target_text 已改为“7”"},
		{"bound added to a bare number", "6以上", "", 0, "不再是起草时读作“增长6%”"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := draftFileOf(t, "报告.txt", []byte(bareReport))
			it := &f.Items[1]
			if it.Name != "一般公共预算收入" || it.TargetRead != "增长6%" {
				t.Fatalf("drafted %+v", *it)
			}
			f.Items = f.Items[1:2]
			f.Items[0].TargetText, f.Items[0].NeedsReview = c.text, false
			d, err := f.Draft()
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), "第1项（A1-02 一般公共预算收入）") {
					t.Fatalf("err %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Items[0]; got.Read != c.want || got.Target == nil || got.Target.Value != c.value {
				t.Errorf("read %q target %+v, want %q %v", got.Read, got.Target, c.want, c.value)
			}
		})
	}
	// 7左右 → 增长7%左右; the reviewer who drops 左右 means exactly 7.
	f := draftFileOf(t, "报告.txt", []byte(bareReport))
	f.Items = f.Items[:1]
	f.Items[0].TargetText, f.Items[0].NeedsReview = "增长7%", false
	if d, err := f.Draft(); err != nil || d.Items[0].Read != "增长7%" {
		t.Errorf("左右 dropped: %v %+v", err, d.Items)
	}
}

// TestDraftFileUneditedReadingsHold: in every drafted fixture, an item
// whose target_text is left as drafted is still read from target_read —
// the edit check above never takes the draft's own words for an edit.
func TestDraftFileUneditedReadingsHold(t *testing.T) {
	var files []string
	for _, g := range []string{"../plandraft/testdata/*.*", "../plandraft/testdata/genre/*", "../../seeds/jiaxing-2023-plan-notice.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	checked := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f := draftFileOf(t, filepath.Base(name), data)
		for _, it := range f.Items {
			if it.TargetRead == "" {
				continue
			}
			one := f
			one.Items = []plantable.DraftItem{it}
			one.Items[0].NeedsReview = false
			d, err := one.Draft()
			if err != nil {
				continue // a reading the grammar refuses waits for the reviewer either way
			}
			checked++
			want := domain.StripHedge(strings.ReplaceAll(it.TargetRead, " ", ""))
			if d.Items[0].Read != want {
				t.Errorf("%s %s: target_text %q read as %q, want the draft's %q", filepath.Base(name), it.Name, it.TargetText, d.Items[0].Read, want)
			}
		}
	}
	t.Logf("%d drafted readings checked in %d files", checked, len(files))
	if checked < 30 {
		t.Errorf("only %d readings checked", checked)
	}
}

// TestDraftFileHandAddedItemQuote: an item the reviewer adds by hand
// (start and end 0) must quote the document; before, any words passed
// and became a plan item whose "quote" no notice held.
func TestDraftFileHandAddedItemQuote(t *testing.T) {
	base := draftFileOf(t, "报告.txt", []byte(bareReport))
	for _, c := range []struct{ name, quote, err string }{
		{"the document's words", "地区生产总值", ""},
		{"words not in the document", "开展服务企业专项行动", "在文档中找不到"},
		{"no quote", "", "source_quote 为空"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := base
			f.Items = append([]plantable.DraftItem{}, base.Items...)
			add := f.Items[0]
			add.ID, add.Name, add.SourceQuote, add.Start, add.End = "A1-09", "手加的项目", c.quote, 0, 0
			f.Items = append(f.Items, add)
			out, err := f.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			got, err := plantable.ReadDraftFile(out)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), "第3项（A1-09 手加的项目）") {
					t.Fatalf("err %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			a := got.Items[2]
			if got.Text[a.Start:a.End] != c.quote {
				t.Errorf("placed at %d–%d", a.Start, a.End)
			}
		})
	}
}
