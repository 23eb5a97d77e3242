package plantable

import (
	"fmt"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// Fill writes a plan in the template's form, every item in its row, so
// that reading it back (Read, then PlanFile) gives the same items: the
// plan definition an office can edit for next year. Beyond the
// template's columns each sheet has a 计量方式 column and the columns a
// plan carries that an office's table does not — 编号, and on 重点工作 同一指标,
// 上级 and 主题, and 注 — after the office's columns, so the form still
// reads as the office's own; a 类别 column on 重点工作 keeps the body
// sections, and parcels go to a 房屋征收 sheet (附件2).
func Fill(p *domain.Plan) ([]byte, error) {
	title := map[string]string{}
	for _, s := range p.Sections {
		title[s.ID] = s.Title
	}
	var ind, task, parcel [][]string
	group := ""
	for _, it := range p.Items {
		nature, owners, note := fromNote(it.Note)
		target := it.Hedge + tableTarget(it)
		switch it.Kind {
		case domain.KindParcel:
			pc := it.Parcel
			b := pc.Boundaries
			parcel = append(parcel, []string{title[it.Section], strconv.Itoa(pc.Seq), it.Name, b.East, b.South, b.West, b.North,
				strings.TrimSuffix(it.TargetText, "亩"), pc.InterestType, strings.Join(pc.Implementers, "、"), it.SourceQuote,
				it.ID, note})
			continue
		case domain.KindCommitment, domain.KindMilestone:
			deadline := ""
			if !it.Deadline.IsZero() {
				// Without the year: the table is next year's plan to be, and
				// a deadline is read in the year it is imported for.
				deadline = fmt.Sprintf("%d月底", it.Deadline.Month)
			}
			task = append(task, []string{title[it.Section], it.Name, target, owners, deadline, it.SourceQuote,
				measureWord(it), it.Target.Unit, it.ID, it.SameAs, it.Parent, it.Topic, note})
			continue
		}
		seq, name := strconv.Itoa(it.IndicatorNo), it.Name
		if it.Group != "" && it.Group != group {
			// The group's own row, which carries no target: its sub-rows do.
			ind = append(ind, []string{title[it.Section], seq, it.Group, "", "", "", "", "", "", "", ""})
		}
		group = it.Group
		if it.Group != "" || it.Parent != "" {
			seq, name = "", "#"+name
		}
		if it.IndicatorNo == 0 {
			seq = ""
		}
		unit := ""
		if it.Target.Basis == domain.BasisQualitative {
			unit = it.Target.Unit // a qualitative target's figures' unit; any other says its own
		}
		ind = append(ind, []string{title[it.Section], seq, name, target, unit, nature, owners, it.SourceQuote,
			measureWord(it), it.ID, note})
	}
	sheets := []sheetRows{{"主要指标", concat(indicatorCols, []string{"计量方式", "编号", "注"}),
		concat(indicatorHelp, []string{measureHelp, idHelp, noteHelp}), ind},
		{"重点工作", concat([]string{"类别"}, taskCols, []string{"计量方式", "单位", "编号", "同一指标", "上级", "主题", "注"}),
			concat([]string{explainMark + "所属部分"}, taskHelp, []string{measureHelp, "数值的单位，可不填", idHelp,
				"与附件1某项指标为同一指标时填其编号（共用实际值）", "为某项任务的其中项时填该任务的编号", "所在段落的主题，可不填", noteHelp}), task}}
	if len(parcel) > 0 {
		sheets = append(sheets, sheetRows{"房屋征收", parcelCols, parcelHelp, parcel})
	}
	return workbook(sheets)
}

// The columns a plan's own workbook adds, and the 房屋征收 sheet's.
var (
	parcelCols = []string{"类别", "序号", "地块名称", "东至", "南至", "西至", "北至", "面积（亩）", "公共利益类型", "实施主体", "原文", "编号", "注"}
	parcelHelp = []string{explainMark + "附件2 房屋征收计划表的标题", "1", "一行一个地块", "四至", "", "", "", "如 62.10",
		"如 旧城区改建", "多个单位用“、”分隔", "计划原文", idHelp, noteHelp}
)

const (
	idHelp   = "计划中的编号（如 A1-05），导出时填好；新增的行可不填，按表格顺序编号"
	noteHelp = "脚注，如 注：按可比价格计算；可不填"
)

func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// measureHelp explains the 计量方式 column Fill adds: how figures add up,
// which a target alone does not always tell (达到135家 is a level, 新增
// 500家 a sum), so an exported plan reads back judged the same way.
const measureHelp = "累计（年内累计，按序时进度判断）、时点（某一时点的水平）、速度（增长率等）或 定性（由审阅人判断）；可不填，由目标判断"

// qualitativeWord is the 计量方式 of a qualitative target: a reviewer's
// mark (明显好转) that the grammar alone would leave 待确认.
const qualitativeWord = "定性"

// measureWord is the 计量方式 Fill writes for an item.
func measureWord(it domain.Item) string {
	if it.Target.Basis == domain.BasisQualitative {
		return qualitativeWord
	}
	switch it.Measure {
	case domain.Cumulative:
		return "累计"
	case domain.Level:
		return "时点"
	case domain.Rate:
		return "速度"
	}
	return ""
}

// tableTarget is the target as a table cell should say it. A bare
// number (3%以内) is read by the rules for tables, which take it by the
// indicator's nature; where that reading would not give the plan's own
// target, the cell says the basis in words the grammar reads alike.
func tableTarget(it domain.Item) string {
	text := it.TargetText
	if it.Kind != domain.KindIndicator || !reBare.MatchString(text) {
		return text
	}
	probe := Item{Kind: it.Kind, Name: it.Name, TargetText: text}
	readTarget(&probe, header{}, ref{})
	if probe.Target != nil && *probe.Target == it.Target {
		return text
	}
	for _, lead := range []string{"控制在", "达到", "为"} {
		if t, err := domain.ParseTarget(lead + text); err == nil && t == it.Target {
			return lead + text
		}
	}
	return text
}

// fromNote reads back what ownersNote kept, and the rest of the note (a
// footnote), which goes to the 注 column.
func fromNote(note string) (nature, owners, rest string) {
	var other []string
	for _, part := range strings.Split(note, "；") {
		if v, ok := strings.CutPrefix(part, "属性："); ok {
			nature = v
		} else if v, ok := strings.CutPrefix(part, "责任单位："); ok {
			owners = v
		} else if part != "" {
			other = append(other, part)
		}
	}
	return nature, owners, strings.Join(other, "；")
}
