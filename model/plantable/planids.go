package plantable

import (
	"fmt"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// builder gives a draft's items their IDs and sections in table order.
type builder struct {
	sections []domain.Section
	secID    map[string]string // part + title → section ID
	items    []Placed
	byName   map[string]string // top-level indicator name → ID, for refs
	// The indicator numbering: n the last number given; top the last
	// top-level indicator (a # row under it takes its number), group the
	// last group row (its sub-rows share a new number).
	n          int
	top, group string
	topID      string
	topSeq     string // the 序号 the last top-level row was written with
	topAt      int    // its index in items
	letters    map[int]int
	counts     map[string]int // B1, M2 … → items numbered so far
}

func newBuilder() *builder {
	return &builder{secID: map[string]string{}, byName: map[string]string{},
		letters: map[int]int{}, counts: map[string]int{}}
}

// section returns the ID of the section titled so in a part, adding it.
func (b *builder) section(part, prefix, title string) string {
	key := part + "\x00" + title
	if id, ok := b.secID[key]; ok {
		return id
	}
	n := 0
	for _, s := range b.sections {
		if s.Part == part {
			n++
		}
	}
	id := fmt.Sprintf("%s%d", prefix, n+1)
	if part == "annex2" {
		id = fmt.Sprintf("%s%d", prefix, n+2) // 附件2 is A2, as in the bundled plan
	}
	b.secID[key] = id
	b.sections = append(b.sections, domain.Section{ID: id, Part: part, Title: title})
	return id
}

func (b *builder) add(it Item, year int) error {
	o := Placed{Kind: it.Kind, Name: it.Name, SourceQuote: it.Source, Note: ownersNote(it)}
	if it.Target != nil {
		o.Target, o.TargetText, o.Measure = it.Target, it.Read, measure(*it.Target)
		if it.Measure != "" {
			o.Measure = it.Measure // the table says
		}
	}
	if it.Target != nil {
		o.Hedge = domain.HedgeOf(it.TargetText)
	} else if it.Kind == domain.KindMilestone && domain.StripHedge(it.TargetText) == "" {
		// A milestone's 目标 cell holds at most its hedge (力争, 积极创建).
		o.Hedge = it.TargetText
	}
	switch it.Kind {
	case domain.KindIndicator:
		o.Section = b.section("annex1", "C", orDefault(it.Section, "主要指标"))
		b.indicatorID(it, &o)
		if o.SourceQuote == "" {
			o.SourceQuote = it.Seq + "." + it.Name + it.TargetText
			if it.Seq == "" {
				o.SourceQuote = it.Name + it.TargetText
			}
		}
	case domain.KindParcel:
		// A 房屋征收计划表 row (model/plandraft drafts them from 附件2): the
		// bundled plan's section A2 and IDs A2-01… by 序号.
		o.Section = b.section("annex2", "A", orDefault(it.Section, "房屋征收计划"))
		b.counts["A2"]++
		o.ID = fmt.Sprintf("A2-%02d", b.counts["A2"])
		if p := it.Parcel; p != nil {
			bounds := p.Boundaries
			o.AreaMu, o.Boundaries, o.InterestType, o.Implementers, o.Seq = p.AreaMu, &bounds, p.InterestType, p.Implementers, p.Seq
			o.Note = "" // 实施主体 has its field
		}
		if o.SourceQuote == "" {
			o.SourceQuote = it.Seq + it.Name + it.TargetText
		}
	default:
		sec := b.section("body", "S", orDefault(it.Section, "重点工作"))
		o.Section = sec
		letter := "B"
		if it.Kind == domain.KindMilestone {
			letter = "M"
		}
		key := letter + strings.TrimPrefix(sec, "S")
		b.counts[key]++
		o.ID = fmt.Sprintf("%s-%02d", key, b.counts[key])
		if o.SourceQuote == "" {
			o.SourceQuote = it.Name + it.TargetText
		}
		if it.Deadline != "" {
			d, err := deadline(it.Deadline, year)
			if err != nil {
				b.items = append(b.items, o)
				return fmt.Errorf("工作表“%s”第%d行“完成时限”“%s”：%w", it.Sheet, it.Line, it.Deadline, err)
			}
			o.Deadline = d
		}
	}
	if k := it.Kept; k != nil {
		// A plan's own workbook: its links, topic and footnote as exported.
		o.Topic = k.Topic
		if k.SameAs != "" {
			o.SameAs = k.SameAs
		}
		if k.Parent != "" {
			o.Parent = k.Parent
		}
		if k.Note != "" {
			o.Note = strings.TrimPrefix(o.Note+"；"+k.Note, "；")
		}
	}
	b.items = append(b.items, o)
	return nil
}

// keepIDs gives the rows that carry an 编号 (a plan's own workbook) that
// ID in place of the one numbered by the table, following every link and
// ref, and names each row whose 编号 repeats another's or whose link
// names no item.
func (b *builder) keepIDs(items []Item) []string {
	rename := map[string]string{}
	for i, it := range items {
		if it.Kept != nil && it.Kept.ID != "" {
			rename[b.items[i].ID] = it.Kept.ID
		}
	}
	if len(rename) == 0 {
		return nil
	}
	for i := range b.items {
		o := &b.items[i]
		if id, ok := rename[o.ID]; ok {
			o.ID = id
		}
		if id, ok := rename[o.Parent]; ok && (items[i].Kept == nil || items[i].Kept.Parent == "") {
			o.Parent = id // numbered by the table (a # row), so renamed with its row
		}
	}
	for name, id := range b.byName {
		if n, ok := rename[id]; ok {
			b.byName[name] = n
		}
	}
	var problems []string
	at := map[string]int{}
	for i, o := range b.items {
		if j, dup := at[o.ID]; dup {
			problems = append(problems, fmt.Sprintf("工作表“%s”第%d行的编号“%s”与工作表“%s”第%d行重复",
				items[i].Sheet, items[i].Line, o.ID, items[j].Sheet, items[j].Line))
			continue
		}
		at[o.ID] = i
	}
	for i, o := range b.items {
		for _, link := range []struct{ col, id string }{{"同一指标", o.SameAs}, {"上级", o.Parent}} {
			if _, ok := at[link.id]; link.id != "" && !ok {
				problems = append(problems, fmt.Sprintf("工作表“%s”第%d行“%s”列：没有编号为“%s”的项目", items[i].Sheet, items[i].Line, link.col, link.id))
			}
		}
	}
	return problems
}

// indicatorID numbers an indicator as the bundled 附件1 is numbered: a
// top-level row takes the next number (A1-05); a # or 其中 row under an
// indicator takes its number and a letter and links to it (A1-03a); the
// sub-rows of a group row, which is not an item, share the next number
// (A1-13a, A1-13b) and carry the group's name.
func (b *builder) indicatorID(it Item, o *Placed) {
	switch {
	case it.Parent == "" && it.Seq != "" && it.Seq == b.topSeq && b.topID != "":
		// Two rows under one 序号 (13 城镇…, 13 农村…): one number, a
		// letter each, as the bundled A1-13a and A1-13b.
		if b.letters[b.n] == 0 {
			b.letters[b.n] = 1
			old := b.topID
			b.topID += "a"
			b.items[b.topAt].ID = b.topID
			for name, id := range b.byName {
				if id == old {
					b.byName[name] = b.topID
				}
			}
		}
		b.top = it.Name
	case it.Parent == "":
		b.n = nextNumber(b.n, it.Seq)
		b.top, b.group, b.topSeq = it.Name, "", it.Seq
		o.ID = fmt.Sprintf("A1-%02d", b.n)
		b.topID, b.topAt = o.ID, len(b.items)
		if _, dup := b.byName[it.Name]; !dup {
			b.byName[it.Name] = o.ID
		}
	case it.Parent == b.top && b.topID != "":
		o.Parent = b.topID
	default:
		if it.Parent != b.group {
			b.n++
			b.group, b.top, b.topID, b.topSeq = it.Parent, "", "", ""
		}
		o.Group = it.Parent
	}
	o.IndicatorNo = b.n
	if o.ID == "" {
		b.letters[b.n]++
		o.ID = fmt.Sprintf("A1-%02d%c", b.n, 'a'+rune(b.letters[b.n]-1))
	}
}

// nextNumber is the number of the next top-level indicator: its 序号
// when that is a number past the last (so IDs follow the table's own
// numbering), else the last plus one (a table numbered afresh in each
// category, or not at all).
func nextNumber(last int, seq string) int {
	if n, err := strconv.Atoi(seq); err == nil && n > last && n < 100 {
		return n
	}
	return last + 1
}

// measure says how a target's actuals accumulate: rates and changes are
// read as they stand, ratios and levels per unit (%, 微克/立方米) as a
// level, amounts (亿元, 万人, 个) add up through the year.
func measure(t domain.Target) domain.Measure {
	switch t.Basis {
	case domain.BasisLevel:
		if t.Unit == "%" || t.Unit == "‰" || strings.Contains(t.Unit, "/") {
			return domain.Level
		}
		return domain.Cumulative
	case domain.BasisIncrease:
		return domain.Cumulative
	case domain.BasisShare, domain.BasisQualitative:
		// A qualitative target's figures, if any, say where things stand.
		return domain.Level
	}
	return domain.Rate
}

// ownersNote keeps what the plan file has no field for: 属性 and 责任单位.
func ownersNote(it Item) string {
	var parts []string
	if it.Nature != "" {
		parts = append(parts, "属性："+it.Nature)
	}
	if len(it.Owners) > 0 {
		parts = append(parts, "责任单位："+strings.Join(it.Owners, "、"))
	}
	return strings.Join(parts, "；")
}

// deadline reads 完成时限 as offices write it (2024年9月底, 年底) as the
// plan file's 2024-09.
func deadline(s string, year int) (string, error) {
	s = strings.NewReplacer("月底", "月末", "年底", "年末", "月前", "月").Replace(strings.TrimSpace(s))
	p, err := domain.ParsePeriod(s, year)
	if err != nil {
		return "", err
	}
	if p.Year != year {
		return "", fmt.Errorf("不在%d年内", year)
	}
	return fmt.Sprintf("%d-%02d", p.Year, p.Month), nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
