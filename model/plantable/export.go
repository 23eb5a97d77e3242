package plantable

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// Fill writes a plan in the template's form, every item in its row, so
// that reading it back (Read, then PlanFile) gives the same items: the
// plan definition an office can edit for next year. The form has no
// parcel sheet, so parcels go to 重点工作 with their area as the target;
// and a 类别 column on 重点工作 keeps the body sections.
func Fill(p *domain.Plan) ([]byte, error) {
	title := map[string]string{}
	for _, s := range p.Sections {
		title[s.ID] = s.Title
	}
	var ind, task [][]string
	group := ""
	for _, it := range p.Items {
		nature, owners := fromNote(it.Note)
		target := it.Hedge + tableTarget(it)
		if it.Kind != domain.KindIndicator {
			deadline := ""
			if !it.Deadline.IsZero() {
				// Without the year: the table is next year's plan to be, and
				// a deadline is read in the year it is imported for.
				deadline = fmt.Sprintf("%d月底", it.Deadline.Month)
			}
			task = append(task, []string{title[it.Section], it.Name, target, owners, deadline, it.SourceQuote,
				measureWord(it.Measure)})
			continue
		}
		seq, name := strconv.Itoa(it.IndicatorNo), it.Name
		if it.Group != "" && it.Group != group {
			// The group's own row, which carries no target: its sub-rows do.
			ind = append(ind, []string{title[it.Section], seq, it.Group, "", "", "", "", ""})
		}
		group = it.Group
		if it.Group != "" || it.Parent != "" {
			seq, name = "", "#"+name
		}
		if it.IndicatorNo == 0 {
			seq = ""
		}
		ind = append(ind, []string{title[it.Section], seq, name, target, "", nature, owners, it.SourceQuote,
			measureWord(it.Measure)})
	}
	return workbook([]sheetRows{{"主要指标", append(slices.Clip(indicatorCols), "计量方式"), append(slices.Clip(indicatorHelp), measureHelp), ind},
		{"重点工作", append(append([]string{"类别"}, taskCols...), "计量方式"),
			append(append([]string{explainMark + "所属部分"}, taskHelp...), measureHelp), task}})
}

// measureHelp explains the 计量方式 column Fill adds: how figures add up,
// which a target alone does not always tell (达到135家 is a level, 新增
// 500家 a sum), so an exported plan reads back judged the same way.
const measureHelp = "累计（年内累计，按序时进度判断）、时点（某一时点的水平）或 速度（增长率等）；可不填，由目标判断"

func measureWord(m domain.Measure) string {
	for w, v := range measureWords {
		if v == m {
			return w
		}
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

// fromNote reads back what ownersNote kept.
func fromNote(note string) (nature, owners string) {
	for _, part := range strings.Split(note, "；") {
		if v, ok := strings.CutPrefix(part, "属性："); ok {
			nature = v
		}
		if v, ok := strings.CutPrefix(part, "责任单位："); ok {
			owners = v
		}
	}
	return nature, owners
}
