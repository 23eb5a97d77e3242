package domain

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Kind is what sort of plan item an Item is.
type Kind string

// The kinds of plan item.
const (
	KindIndicator  Kind = "indicator"  // a row of 附件1 主要目标
	KindCommitment Kind = "commitment" // a quantitative commitment of the body text
	KindMilestone  Kind = "milestone"  // a named, checkable outcome of the body text
	KindParcel     Kind = "parcel"     // a row of 附件2 房屋征收计划表
)

// TargetWords is an item's target as a table cell shows it, in the plan's
// own words: a milestone has no number to state, so its hedge with 实现
// (年内完成 when the notice puts no hedge on it); any other item its hedge
// and target as written. The brief and the window both show this.
func TargetWords(it Item) string {
	if it.Kind != KindMilestone {
		return it.Hedge + it.TargetText
	}
	if it.Hedge == "" {
		return "年内完成"
	}
	return it.Hedge + "实现"
}

// KindLabel is the Chinese name of a kind.
func KindLabel(k Kind) string {
	switch k {
	case KindIndicator:
		return "主要指标"
	case KindCommitment:
		return "量化任务"
	case KindMilestone:
		return "重点事项"
	case KindParcel:
		return "征收地块"
	}
	return string(k)
}

// Measure says how an item's actuals accumulate through the year, which
// decides whether 序时进度 applies.
type Measure string

// The measures.
const (
	// Cumulative is a flow counted up from January: new projects,
	// investment, jobs. Held against 序时进度 during the year.
	Cumulative Measure = "cumulative"
	// Rate is a year-to-date growth or reduction rate, or a change in
	// percentage points, compared with the target as it stands.
	Rate Measure = "rate"
	// Level is a value at a point in time: a percentage, a stock count.
	Level Measure = "level"
)

// Section is a part of the notice: a category of 附件1, a section of the
// body text, or 附件2.
type Section struct {
	ID    string `json:"id"`
	Part  string `json:"part"` // annex1, body, annex2
	Title string `json:"title"`
}

// Boundaries are a parcel's 四至范围.
type Boundaries struct {
	East  string `json:"east"`
	South string `json:"south"`
	West  string `json:"west"`
	North string `json:"north"`
}

// Parcel holds the 附件2 columns of a land parcel.
type Parcel struct {
	Seq          int        `json:"seq"`
	AreaMu       float64    `json:"area_mu"`
	Boundaries   Boundaries `json:"boundaries"`
	InterestType string     `json:"interest_type"`
	Implementers []string   `json:"implementers"`
}

// Item is one trackable line of the plan.
type Item struct {
	ID          string
	Kind        Kind
	Section     string
	Topic       string // the body paragraph's lead phrase
	IndicatorNo int    // 附件1 row number, 0 elsewhere
	Group       string // the 附件1 parent row a sub-row belongs to
	Name        string
	TargetText  string // the target as written
	Target      Target // the target as understood (zero for milestones)
	Hedge       string // 力争, 确保, 争取…
	Deadline    Period // a deadline inside the year, zero if none
	Measure     Measure
	SameAs      string // the 附件1 indicator a body commitment repeats
	Parent      string // the commitment a 其中 line belongs to
	Note        string // a footnote (注)
	SourceQuote string // the notice's own words, verbatim
	Parcel      *Parcel
}

// DisplayName is the name with its 附件1 group when it has one:
// 家庭可支配收入（按三口之家计算）：10-50万元群体比例.
func (it Item) DisplayName() string {
	if it.Group != "" {
		return it.Group + "：" + it.Name
	}
	return it.Name
}

// Plan is one year's development plan as data.
type Plan struct {
	ID            string
	Title         string
	Revision      int // raised whenever the bundled data is corrected
	Year          int
	City          string
	Issuer        string
	ApprovedBy    string
	Issued        string
	Notice        string // the notice's file name in seeds/
	ParcelTotalMu float64
	// Refs resolves the figures relative targets name (经济增长) to the
	// item whose actual they mean (A1-01).
	Refs     map[string]string
	Sections []Section
	Items    []Item

	byID map[string]int
}

// Item finds an item by ID; IDs are matched without regard to case.
func (p *Plan) Item(id string) (Item, bool) {
	if p.byID == nil {
		p.index()
	}
	i, ok := p.byID[strings.ToUpper(strings.TrimSpace(id))]
	if !ok {
		return Item{}, false
	}
	return p.Items[i], true
}

func (p *Plan) index() {
	p.byID = make(map[string]int, len(p.Items))
	for i, it := range p.Items {
		p.byID[strings.ToUpper(it.ID)] = i
	}
}

// Section finds a section by ID.
func (p *Plan) Section(id string) (Section, bool) {
	for _, s := range p.Sections {
		if s.ID == id {
			return s, true
		}
	}
	return Section{}, false
}

// Lookup finds an item by ID for a command a user typed, and explains a
// miss: an ID that names a 附件1 row with sub-rows lists them.
func (p *Plan) Lookup(id string) (Item, error) {
	if it, ok := p.Item(id); ok {
		return it, nil
	}
	want := strings.ToUpper(strings.TrimSpace(id))
	var subs []string
	for _, it := range p.Items {
		if strings.HasPrefix(strings.ToUpper(it.ID), want) && len(it.ID) == len(want)+1 {
			subs = append(subs, fmt.Sprintf("%s（%s）", it.ID, it.Name))
		}
	}
	if len(subs) > 0 {
		return Item{}, fmt.Errorf("编号“%s”有分项，请指明：%s", id, strings.Join(subs, "、"))
	}
	return Item{}, &NoItemError{ID: id}
}

// NoItemError is an ID no item has. Its message tells a command-line user
// where the IDs are listed; the window, importing a sheet, says it its way.
type NoItemError struct{ ID string }

func (e *NoItemError) Error() string {
	return fmt.Sprintf("没有编号为“%s”的项目（可用 planreview list 查看全部编号）", e.ID)
}

// Validate checks the plan's own consistency: unique IDs, known sections,
// links that resolve, a target for every item that needs one, a deadline
// inside the year, and parcel areas that add up to the stated total.
func (p *Plan) Validate() error {
	var errs []string
	bad := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	p.index()
	if len(p.byID) != len(p.Items) {
		bad("项目编号有重复")
	}
	for _, it := range p.Items {
		if _, ok := p.Section(it.Section); !ok {
			bad("%s：所属部分“%s”不存在", it.ID, it.Section)
		}
		if it.SourceQuote == "" {
			bad("%s：缺少原文", it.ID)
		}
		for _, link := range []string{it.SameAs, it.Parent} {
			if link == "" {
				continue
			}
			if _, ok := p.Item(link); !ok {
				bad("%s：关联项目“%s”不存在", it.ID, link)
			}
		}
		if it.SameAs != "" {
			if o, _ := p.Item(it.SameAs); o.SameAs != "" {
				bad("%s：关联项目“%s”本身又关联了其他项目", it.ID, it.SameAs)
			}
		}
		if !it.Deadline.IsZero() && it.Deadline.Year != p.Year {
			bad("%s：期限%s不在计划年度内", it.ID, it.Deadline)
		}
		switch it.Kind {
		case KindMilestone:
			if it.TargetText != "" {
				bad("%s：重点事项不应有数量目标", it.ID)
			}
		case KindIndicator, KindCommitment, KindParcel:
			if it.TargetText == "" {
				bad("%s：缺少目标", it.ID)
			}
			switch it.Measure {
			case Cumulative, Rate, Level:
			default:
				bad("%s：计量方式“%s”无效", it.ID, it.Measure)
			}
			if it.Target.Basis == BasisRelative {
				if _, internal := p.Refs[it.Target.Ref]; internal {
					if _, ok := p.Item(p.Refs[it.Target.Ref]); !ok {
						bad("%s：参照“%s”指向不存在的项目", it.ID, it.Target.Ref)
					}
				}
			}
		default:
			bad("%s：类型“%s”无效", it.ID, it.Kind)
		}
		if it.Kind == KindParcel {
			if it.Parcel == nil {
				bad("%s：缺少地块信息", it.ID)
			} else if it.Target.Value != it.Parcel.AreaMu {
				bad("%s：目标面积与地块面积不一致", it.ID)
			}
		}
	}
	if sum := p.ParcelAreaSum(); p.ParcelTotalMu != 0 && math.Abs(sum-p.ParcelTotalMu) > 0.005 {
		bad("地块面积合计%.2f亩，与总计%.2f亩不符", sum, p.ParcelTotalMu)
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return fmt.Errorf("计划数据有误：\n%s", strings.Join(errs, "\n"))
	}
	return nil
}

// ParcelAreaSum adds up the parcels' areas in 亩.
func (p *Plan) ParcelAreaSum() float64 {
	var sum float64
	for _, it := range p.Items {
		if it.Parcel != nil {
			sum += it.Parcel.AreaMu
		}
	}
	return math.Round(sum*100) / 100
}
