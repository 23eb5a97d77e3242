package plantable

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// settleSheets has one row the grammar cannot read, one with no number
// outside the vocabulary, and one it reads.
var settleSheets = map[string][][]string{"主要指标": {
	{"序号", "指标名称", "预期目标", "单位"},
	{"1", "地区生产总值", "增长6%左右", ""},
	{"2", "保障性住房", "1万多", "套"},
	{"3", "营商环境", "明显好转", ""},
}}

// The reviewer's word in the preview settles a row, or is refused with
// the grammar's reason and changes nothing.
func TestSettleRows(t *testing.T) {
	tests := []struct {
		name    string
		key     string
		mark    bool   // mark qualitative instead of typing
		text    string // typed
		errPart string
		basis   domain.Basis
		read    string
	}{
		{name: "typed", key: "主要指标:3", text: "10000套以上", basis: domain.BasisLevel, read: "10000套以上"},
		{name: "typed with a hedge", key: "主要指标:3", text: "力争 12000套", basis: domain.BasisLevel, read: "12000套"},
		{name: "typed qualitative phrase", key: "主要指标:4", text: "持续改善", basis: domain.BasisQualitative, read: "持续改善"},
		{name: "marked", key: "主要指标:4", mark: true, basis: domain.BasisQualitative, read: "明显好转"},
		{name: "marked unreadable number", key: "主要指标:3", mark: true, basis: domain.BasisQualitative, read: "1万多"},
		{name: "short key", key: "主要指标：4", mark: true, basis: domain.BasisQualitative, read: "明显好转"},
		{name: "typed unreadable", key: "主要指标:3", text: "一万多套", errPart: "第3行：目标“一万多套”无法识别：缺少数值。可填写：增长6%左右"},
		{name: "typed unknown unit", key: "主要指标:3", text: "10000栋", errPart: "单位“栋”无法识别"},
		{name: "marking hides a number", key: "主要指标:2", mark: true, errPart: "不能标为定性（否则会隐去其中的数值）"},
		{name: "no such row", key: "主要指标:9", text: "1万套", errPart: "待确认的行：主要指标:3、主要指标:4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readDraft(t, settleSheets, "主要指标")
			if d.Pending() != 2 {
				t.Fatalf("pending %d, want 2", d.Pending())
			}
			i, err := d.Find(tt.key)
			before := d.Items[i]
			if err == nil {
				before = d.Items[i]
				if tt.mark {
					err = d.MarkQualitative(i)
				} else {
					err = d.SetTarget(i, tt.text)
				}
			}
			if tt.errPart != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errPart) {
					t.Fatalf("err %v, want %q", err, tt.errPart)
				}
				if d.Pending() != 2 || d.Items[i].Read != before.Read || d.Items[i].NeedsReview != before.NeedsReview {
					t.Errorf("a refused word changed the row: %+v", d.Items[i])
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			it := d.Items[i]
			if it.NeedsReview || it.Target == nil || it.Target.Basis != tt.basis || it.Read != tt.read || d.Pending() != 1 {
				t.Errorf("settled row %+v (target %+v), want %s %q and 1 pending", it, it.Target, tt.basis, tt.read)
			}
			if it.TargetText != before.TargetText {
				t.Errorf("the table's words changed: %q → %q", before.TargetText, it.TargetText)
			}
		})
	}
}

// Once every row is settled the plan is made, and holds what was settled.
func TestSettledDraftMakesAPlan(t *testing.T) {
	d := readDraft(t, settleSheets, "主要指标")
	for key, text := range map[string]string{"主要指标:3": "10000套以上", "主要指标:4": ""} {
		i, err := d.Find(key)
		if err != nil {
			t.Fatal(err)
		}
		if text == "" {
			err = d.MarkQualitative(i)
		} else {
			err = d.SetTarget(i, text)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	p := planOf(t, d, Meta{City: "嘉兴市", Year: 2024})
	var got []string
	for _, it := range p.Items {
		got = append(got, it.ID+" "+it.TargetText+" "+it.Target.String()+" "+string(it.Measure))
	}
	want := "A1-01 增长6%左右 增长率 ≈ 6% rate|A1-02 10000套以上 ≥ 10000套 cumulative|A1-03 明显好转 定性：明显好转 level"
	if strings.Join(got, "|") != want {
		t.Errorf("plan items\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if q, _ := p.Item("A1-03"); !strings.Contains(q.SourceQuote, "明显好转") {
		t.Errorf("source quote %q", q.SourceQuote)
	}
}
