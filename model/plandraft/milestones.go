package plandraft

import (
	"strings"

	"cn.planreview/planreview/model/domain"
)

// Milestone rules: a clause with no number is a milestone when, after its
// hedge, it names a checkable outcome —
//   - 争创/积极创建 X (the hedge itself creates): 争创国家城市更新试点;
//   - it opens with 设立, 获批, 建成, 启动: 启动国家高新区“一区多园”建设;
//   - it closes with 开工, 获批, 建成, 投用, 投运, 全覆盖: 实现…镇（街道）全覆盖;
//   - 开展/实施 X 行动/试点/计划, a concrete one (no 等, not continuing: 深入实施…);
//   - a hedge (争取, 力争, 确保) with 试点, 规划, 前列, 领先 at the end;
//   - 保持 … 全省前列/领先/第一;
//   - 建立 X 体系 / 形成 X 机制 (not 建立健全, which improves what exists);
//   - X 创建 Y: 支持嘉兴学院创建嘉兴大学.
var (
	createHedges   = map[string]bool{"争创": true, "积极争创": true, "积极创建": true}
	msOpen         = sortLongestFirst([]string{"设立", "获批", "建成", "启动"})
	msClose        = sortLongestFirst([]string{"开工", "获批", "建成", "投用", "投运", "全覆盖"})
	msActionVerbs  = sortLongestFirst([]string{"开展", "实施"})
	msActionClose  = sortLongestFirst([]string{"行动", "试点", "计划"})
	msHedgeClose   = sortLongestFirst([]string{"试点", "规划", "前列", "领先"})
	msRankClose    = sortLongestFirst([]string{"前列", "领先", "第一"})
	msSystemOpen   = sortLongestFirst([]string{"建立", "形成"})
	msSystemClose  = sortLongestFirst([]string{"体系", "机制", "制度"})
	msSplitMarkers = []string{"纳入", "早日", "开工", "获批", "建成", "投用", "投运"}
	closeQuotes    = "”’》」"
)

// milestones drafts the milestones of clause c of sentence s.
func (d *drafter) milestones(s, c Span) {
	ct := d.text[c.Start:c.End]
	// A deadline may open the clause (6月底前建成…): it is the item's,
	// and the rules read what follows it.
	deadline := ""
	if loc := reDeadline.FindStringIndex(ct); loc != nil && loc[0] == 0 && loc[1] < len(ct) {
		deadline = deadlineWords(ct[:loc[1]])
		c.Start += loc[1]
		ct = ct[loc[1]:]
	}
	hedge := prefixOf(ct, hedgeWords)
	u := ct[len(hedge):]
	end := strings.TrimRight(u, closeQuotes)
	ok := false
	switch {
	case u == "":
	case createHedges[hedge]:
		ok = true
	case prefixOf(u, msOpen) != "", suffixOf(end, msClose) != "":
		ok = true
	case prefixOf(u, msActionVerbs) != "" && suffixOf(end, msActionClose) != "" && !strings.Contains(u, "等") && prefixOf(ct, modWords) == "":
		ok = true
	case hedge != "" && hedge != "支持" && suffixOf(end, msHedgeClose) != "":
		ok = true
	case strings.Contains(u, "保持") && suffixOf(end, msRankClose) != "":
		ok = true
	case prefixOf(u, msSystemOpen) != "" && !strings.HasPrefix(u, "建立健全") && suffixOf(end, msSystemClose) != "":
		ok = true
	case strings.Contains(u, "创建") && !strings.HasSuffix(end, "创建") && prefixOf(ct, modWords) == "" && !strings.HasPrefix(u, "推进"):
		// Only the list item that creates: 支持A创建B、C发展 → A创建B.
		for _, p := range parts(d.text, Span{c.Start + len(hedge), c.End}) {
			if pt := d.text[p.Start:p.End]; strings.Contains(pt, "创建") {
				u = pt
				break
			}
		}
		d.add(d.milestone(s, u, hedge, deadline))
		return
	}
	if !ok || runes(u) < 4 {
		return
	}
	// 力争A、B早日开工 and 争取A、B纳入…规划: two outcomes sharing their
	// predicate, drafted as two with the split for the reviewer to confirm.
	ps := parts(d.text, Span{c.Start + len(hedge), c.End})
	if len(ps) > 1 {
		last := d.text[ps[len(ps)-1].Start:ps[len(ps)-1].End]
		tail := ""
		for _, m := range msSplitMarkers {
			if i := strings.Index(last, m); i > 0 && (tail == "" || len(last)-i > len(tail)) {
				tail = last[i:]
			}
		}
		short := tail != ""
		for _, p := range ps[:len(ps)-1] {
			if runes(d.text[p.Start:p.End]) > 12 {
				short = false
			}
		}
		if short {
			for _, p := range ps[:len(ps)-1] {
				it := d.milestone(s, d.text[p.Start:p.End]+tail, hedge, deadline)
				review(&it, d.where(c), "“"+d.text[p.Start:p.End]+"”与后项共用“"+tail+"”，已拆为单独一项，请确认名称")
				d.add(it)
			}
			d.add(d.milestone(s, last, hedge, deadline))
			return
		}
	}
	d.add(d.milestone(s, u, hedge, deadline))
}

// milestone makes a milestone item; its target text is its hedge alone,
// as plantable reads a milestone's 目标 cell.
func (d *drafter) milestone(s Span, name, hedge, deadline string) item {
	it := d.item(domain.KindMilestone, s, name)
	it.TargetText, it.Deadline = hedge, deadline
	if loc := reDeadline.FindStringIndex(name); loc != nil && deadline == "" {
		it.Deadline = deadlineWords(name[loc[0]:loc[1]])
	}
	return it
}
