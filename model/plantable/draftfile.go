package plantable

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"cn.planreview/planreview/model/domain"
)

// DraftFile is a plan drafted from a document as a file: what
// `plan draft --json` writes, what the reviewer may edit by hand, and what
// `plan import DRAFT.json` (and the window) makes a plan from. Its
// top-level "source" tells it apart from a plan file ("plan").
type DraftFile struct {
	Source   DraftSource `json:"source"`
	Items    []DraftItem `json:"items"`
	Problems []string    `json:"problems,omitempty"`
	// Text is the document's text as read (docread.Document.Text): each
	// item's start and end point into it, and it becomes the new plan's
	// notice, so every quote can still be found in its place.
	Text string `json:"text"`
}

// DraftSource says where a draft came from.
type DraftSource struct {
	File     string `json:"file"`
	Format   string `json:"format"`   // text, html, docx, sheet, paste
	Encoding string `json:"encoding"` // UTF-8, GB18030; "" for a workbook
	Kind     Genre  `json:"kind"`     // notice, tasktable, report, table
	Year     int    `json:"year,omitempty"`
	City     string `json:"city,omitempty"`
}

// DraftItem is one drafted item: the fields of `list --json` (id, kind,
// section, name, target_text, target, source_quote) and what a draft
// adds — its responsible units, the result a report printed, whether the
// reviewer must still decide and why.
type DraftItem struct {
	ID           string      `json:"id"`
	Kind         domain.Kind `json:"kind"`
	Section      string      `json:"section"`
	SectionTitle string      `json:"section_title"`
	Seq          string      `json:"seq,omitempty"`
	Name         string      `json:"name"`
	Parent       string      `json:"parent,omitempty"`
	TargetText   string      `json:"target_text"`
	// TargetRead is the text the target was read from when it is not
	// target_text itself (a bare 7 under a 增长 header read as 增长7%).
	TargetRead     string         `json:"target_read,omitempty"`
	Target         *domain.Target `json:"target"`
	Qualitative    bool           `json:"qualitative,omitempty"`
	Unit           string         `json:"unit,omitempty"`
	Nature         string         `json:"nature,omitempty"`
	Deadline       string         `json:"deadline,omitempty"`
	Measure        domain.Measure `json:"measure,omitempty"`
	SourceQuote    string         `json:"source_quote"`
	Start          int            `json:"start"`
	End            int            `json:"end"`
	Line           int            `json:"line,omitempty"`
	Responsible    []string       `json:"responsible"`
	ReportedActual *DraftReported `json:"reported_actual"`
	Parcel         *domain.Parcel `json:"parcel,omitempty"`
	NeedsReview    bool           `json:"needs_review"`
	Reason         string         `json:"reason,omitempty"`
}

// DraftReported is Reported in the file.
type DraftReported struct {
	Text   string       `json:"text"`
	Value  *float64     `json:"value"`
	Basis  domain.Basis `json:"basis,omitempty"`
	Period string       `json:"period,omitempty"`
}

// NewDraftFile is a draft as a file, its items placed (IDs and sections)
// for the given year as the plan will hold them.
func NewDraftFile(d Draft, src DraftSource, year int) DraftFile {
	lay := Lay(d, year)
	title := map[string]string{}
	for _, s := range lay.Sections {
		title[s.ID] = s.Title
	}
	f := DraftFile{Source: src, Text: d.Text, Items: make([]DraftItem, 0, len(d.Items))}
	f.Problems = append(append(f.Problems, d.Problems...), lay.Problems...)
	if f.Source.Kind == "" {
		f.Source.Kind = d.Genre
	}
	if f.Source.Year == 0 {
		f.Source.Year = d.Year
	}
	for i, it := range d.Items {
		pl := lay.Items[i]
		di := DraftItem{ID: pl.ID, Kind: it.Kind, Section: pl.Section, SectionTitle: title[pl.Section],
			Seq: it.Seq, Name: it.Name, Parent: it.Parent, TargetText: it.TargetText, Target: it.Target,
			Qualitative: it.Qualitative, Unit: it.Unit, Nature: it.Nature, Deadline: it.Deadline,
			Measure: it.Measure, SourceQuote: it.Source, Start: it.Start, End: it.End, Line: it.Line,
			Responsible: append([]string{}, it.Owners...), Parcel: it.Parcel,
			NeedsReview: it.NeedsReview, Reason: it.Reason}
		if it.Read != "" && it.Read != it.TargetText {
			di.TargetRead = it.Read
		}
		if r := it.Reported; r != nil {
			di.ReportedActual = &DraftReported{Text: r.Text, Value: r.Value, Basis: r.Basis, Period: r.Period}
		}
		f.Items = append(f.Items, di)
	}
	return f
}

// Marshal is the file's JSON, indented for a reviewer to edit.
func (f DraftFile) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ReadDraftFile reads a draft file back, as written or edited. What is
// wrong is named by item and field, in Chinese; nothing is guessed.
func ReadDraftFile(data []byte) (DraftFile, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var f DraftFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return DraftFile{}, fmt.Errorf("草稿文件不是有效的JSON或字段有误：%v（只认 plan draft --json 写出的字段）", err)
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil || top["source"] == nil {
		return DraftFile{}, fmt.Errorf("草稿文件缺少顶层“source”（plan draft --json 写出的草稿都有）")
	}
	if len(f.Items) == 0 {
		return DraftFile{}, fmt.Errorf("草稿文件中没有计划项目（items 为空）")
	}
	if !utf8.ValidString(f.Text) {
		return DraftFile{}, fmt.Errorf("草稿文件的“text”不是有效的UTF-8文本")
	}
	for i, it := range f.Items {
		at := f.itemName(i)
		switch it.Kind {
		case domain.KindIndicator, domain.KindCommitment, domain.KindMilestone, domain.KindParcel:
		default:
			return DraftFile{}, fmt.Errorf("%s的“kind”是“%s”：只能是 indicator、commitment、milestone 或 parcel", at, it.Kind)
		}
		if strings.TrimSpace(it.Name) == "" {
			return DraftFile{}, fmt.Errorf("%s的“name”是空的", at)
		}
		if it.Kind == domain.KindParcel && it.Parcel == nil {
			// A parcel is its 附件2 columns (area, households): a kind
			// changed to parcel by hand has none, and the plan would
			// refuse it as 目标面积与地块面积不一致, naming no draft item.
			return DraftFile{}, fmt.Errorf("%s的“kind”是 parcel（征收地块），但没有“parcel”字段：征收地块只从附件2的表格起草；其他项目请用 indicator、commitment 或 milestone", at)
		}
		if it.Start < 0 || it.End < it.Start || it.End > len(f.Text) {
			return DraftFile{}, fmt.Errorf("%s的原文位置（start %d，end %d）不在文档文字（%d字节）之内", at, it.Start, it.End, len(f.Text))
		}
		if it.End > it.Start && f.Text[it.Start:it.End] != it.SourceQuote {
			return DraftFile{}, fmt.Errorf("%s的“source_quote”与文档中第%d–%d字节的原文不符：原文须逐字引自文档，不能修改（要改的是 target_text）", at, it.Start, it.End)
		}
		if it.End == it.Start {
			// An item the reviewer added by hand has no offsets (start and
			// end 0): its quote must still be the document's words, or the
			// plan would hold a "quote" no notice contains. It is placed
			// where the words first occur.
			if strings.TrimSpace(it.SourceQuote) == "" {
				return DraftFile{}, fmt.Errorf("%s没有原文（source_quote 为空）：每一项须摘录文档中的原话，新加的项目 start、end 写 0 即可", at)
			}
			k := strings.Index(f.Text, it.SourceQuote)
			if k < 0 {
				return DraftFile{}, fmt.Errorf("%s的“source_quote”“%s”在文档中找不到：原文须逐字引自文档（新加的项目 start、end 写 0 时按原文查找位置）", at, clip(it.SourceQuote, 30))
			}
			f.Items[i].Start, f.Items[i].End = k, k+len(it.SourceQuote)
		}
	}
	return f, nil
}

// itemName names item i for a message: 第3项（C1-02 地区生产总值）.
func (f DraftFile) itemName(i int) string {
	it := f.Items[i]
	name := strings.TrimSpace(it.ID + " " + it.Name)
	return fmt.Sprintf("第%d项（%s）", i+1, clip(name, 24))
}

// clip is s cut to n characters, with an ellipsis when cut.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Pending lists the items the reviewer has not yet settled, each with its
// reason: what stops a plan being made from the file.
func (f DraftFile) Pending() []string {
	var out []string
	for i, it := range f.Items {
		if it.NeedsReview {
			out = append(out, f.itemName(i)+"："+orDefault(it.Reason, "待确认"))
		}
	}
	return out
}

// Draft is the file as a draft for PlanFile. The target is read through
// the grammar from target_read when there is one (the draft completed a
// bare 7 under a 增长 header to 增长7%), else from target_text — what
// the reviewer edits (and, editing it, deletes target_read); the
// structured target is the draft's reading, shown, not read back (a
// parcel's, its area, excepted). An item still
// marked needs_review stays so: the reviewer confirms an item by setting
// it to false.
func (f DraftFile) Draft() (Draft, error) {
	// The file's problems are what drafting found (no year in the
	// document); the import gives the year, and PlanFile checks the rest
	// again, so they are not carried over.
	d := Draft{File: f.Source.File, Text: f.Text, Genre: f.Source.Kind, Year: f.Source.Year}
	for i, di := range f.Items {
		it := Item{Line: di.Line, Kind: di.Kind, Section: di.SectionTitle, Seq: di.Seq, Name: strings.TrimSpace(di.Name),
			Parent: di.Parent, TargetText: strings.TrimSpace(di.TargetText), Qualitative: di.Qualitative,
			Unit: di.Unit, Nature: di.Nature, Owners: di.Responsible, Deadline: di.Deadline, Measure: di.Measure,
			Source: di.SourceQuote, Start: di.Start, End: di.End, Parcel: di.Parcel,
			NeedsReview: di.NeedsReview, Reason: di.Reason}
		if r := di.ReportedActual; r != nil {
			it.Reported = &Reported{Text: r.Text, Value: r.Value, Basis: r.Basis, Period: r.Period}
		}
		if !it.NeedsReview {
			if err := f.readTarget(i, &it, di); err != nil {
				return Draft{}, err
			}
		}
		d.Items = append(d.Items, it)
	}
	return d, nil
}

// readTarget settles a confirmed item's target from its text.
func (f DraftFile) readTarget(i int, it *Item, di DraftItem) error {
	src, dropped := targetSource(it.TargetText, di.TargetRead)
	switch it.Kind {
	case domain.KindMilestone:
		return nil
	case domain.KindParcel:
		// A parcel's target is its area, which its parcel fields hold.
		it.Read, it.Target = src, di.Target
		return nil
	}
	text := domain.StripHedge(strings.ReplaceAll(src, " ", ""))
	if text == "" {
		return fmt.Errorf("%s没有目标（target_text 为空）：请写明目标，如“增长6%%左右”", f.itemName(i))
	}
	t, err := domain.ParseTarget(text)
	if err != nil {
		if dropped != "" {
			return fmt.Errorf("%s：target_text 已改为“%s”，不再是起草时读作“%s”的原文，须写成完整的目标（如“增长6%%”“400个以上”）：%w。%s", f.itemName(i), it.TargetText, dropped, err, TargetHelp)
		}
		return fmt.Errorf("%s：%w。%s", f.itemName(i), err, TargetHelp)
	}
	it.Read, it.Target = text, &t
	if t.Basis == domain.BasisQualitative {
		it.settleQualitative(t)
		return nil
	}
	it.Qualitative = false
	if t.Unit != "" {
		it.Unit = t.Unit
	}
	return nil
}

// reNumbers finds the numbers of a target's text.
var reNumbers = regexp.MustCompile(`\d+(?:\.\d+)?`)

// targetSource is the text a confirmed item's target is read from: the
// draft's reading (target_read: a bare 6 under a 增长 header completed to
// 增长6%) while target_text is still the words it was read from, else
// target_text as the reviewer rewrote it — an edited target is never
// silently replaced by the draft's old reading. dropped is the reading
// set aside, "" when none was.
func targetSource(text, read string) (src, dropped string) {
	read = strings.TrimSpace(read)
	if read == "" {
		return text, ""
	}
	plain := domain.StripHedge(strings.ReplaceAll(strings.TrimSpace(text), " ", ""))
	same := slices.Equal(reNumbers.FindAllString(plain, -1), reNumbers.FindAllString(read, -1))
	if m := reBare.FindStringSubmatch(plain); m != nil {
		// A bare number: the reading completed it, so it holds while the
		// number and its bound (以上, 左右) are the ones read.
		if same && hedgeSuffix(read) == m[3] && (m[2] == "" || strings.Contains(read, "%")) {
			return read, ""
		}
		return text, read
	}
	if _, err := domain.ParseTarget(plain); err == nil || !same {
		// Words the grammar reads alone are the reviewer's (or the
		// document's, when the reading only dropped the hedge).
		if plain == domain.StripHedge(read) {
			return read, ""
		}
		return text, read
	}
	return read, ""
}

// hedgeSuffix is the bound a target's text ends with (以上, 左右), "".
func hedgeSuffix(s string) string {
	for _, w := range []string{"及以上", "及以下", "以上", "以内", "以下", "左右"} {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}
