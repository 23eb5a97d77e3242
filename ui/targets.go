package ui

import "cn.planreview/planreview/model/domain"

// navKind is what a navigation entry lists: the notice's parts, or one of
// its sections.
type navKind uint8

const (
	navOverview   navKind = iota // 总览: the overview, no table
	navAll                       // 全部项目
	navIndicators                // 附件1 主要目标
	navWork                      // 重点工作: commitments and milestones
	navMilestones                // 重点事项
	navParcels                   // 附件2 房屋征收计划
	navSection                   // one section of the notice, by its ID
)

// navTarget is a navigation entry's key. A section's ID and a part can
// never be mistaken for each other, as they could when both were strings.
type navTarget struct {
	kind    navKind
	section string // the section's ID, for navSection only
}

// navTo is the entry for one of the notice's parts.
func navTo(k navKind) navTarget { return navTarget{kind: k} }

// navToSection is the entry for a section, by its ID (A1 主要目标's C1,
// the body's S1…).
func navToSection(id string) navTarget { return navTarget{kind: navSection, section: id} }

// holds reports whether an item is listed under the entry.
func (t navTarget) holds(it domain.Item) bool {
	switch t.kind {
	case navOverview, navAll:
		return true
	case navIndicators:
		return it.Kind == domain.KindIndicator
	case navWork:
		return it.Kind == domain.KindCommitment || it.Kind == domain.KindMilestone
	case navMilestones:
		return it.Kind == domain.KindMilestone
	case navParcels:
		return it.Kind == domain.KindParcel
	}
	return it.Section == t.section
}

// String names the entry in traces and panics.
func (t navTarget) String() string {
	if t.kind == navSection {
		return t.section
	}
	return [...]string{"overview", "all", "A1", "body", "milestones", "A2"}[t.kind]
}

// sortColumn is a column of the item table, in the order shown.
type sortColumn int

const (
	colID sortColumn = iota
	colName
	colTarget
	colLatest
	colStatus
	colProgress
	colPrior // 上年完成: shown only when the reviewer asks for it (prior.go)

	unsorted sortColumn = -1 // the plan's own order
)

// statusFilter is the table's status box: every item (the zero value),
// those needing attention, or those with one status.
type statusFilter struct {
	concern bool
	code    domain.Code // when not "" and not concern: only this status
}

// admits reports whether an item with status s passes the filter.
func (f statusFilter) admits(s domain.Status) bool {
	switch {
	case f.concern:
		return s.Code.Concern()
	case f.code != "":
		return s.Code == f.code
	}
	return true
}
