// Package briefcheck is infrastructure: it checks a brief that has left
// the building against the database. It reads the stamp a brief file
// carries (model/brief.Stamp, in the PDF's metadata or the .docx's custom
// properties), builds the brief again from today's data with the stamp's
// options, and says either that the two agree (与当前数据一致) or which
// items differ, with the changes the history records since the brief was
// made and who made them. The command line (`planreview verify`) and the
// window (简报核验…) share it.
package briefcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/docx"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// OtherPlanError says a brief belongs to another plan than the one open.
type OtherPlanError struct{ PlanID string }

func (e *OtherPlanError) Error() string {
	return fmt.Sprintf("简报属于计划“%s”，不是当前打开的计划；请先切换到该计划再核验", e.PlanID)
}

// readers read the stamp of a brief file of each format.
var readers = map[brief.Format]func([]byte) (brief.Stamp, error){
	brief.FormatPDF:  pdf.ReadStamp,
	brief.FormatWord: docx.ReadStamp,
}

// ReadFile reads a brief's stamp from its file. The message names the
// file and says whether it is no brief of ours or its stamp is damaged.
func ReadFile(path string) (brief.Stamp, error) {
	format, err := brief.FormatFor(path)
	if err != nil {
		return brief.Stamp{}, fmt.Errorf("%w；只能核验本程序生成的PDF或Word简报", err)
	}
	read := readers[format]
	data, err := os.ReadFile(path)
	if err != nil {
		return brief.Stamp{}, fmt.Errorf("无法读取简报“%s”：%w", path, err)
	}
	then, err := read(data)
	if err != nil {
		return brief.Stamp{}, fmt.Errorf("“%s”%w", filepath.Base(path), err)
	}
	return then, nil
}

// Verification is the outcome of checking a brief's stamp against the data.
type Verification struct {
	Then, Now brief.Stamp
	Plan      *domain.Plan
	Items     []ItemChange
	// Units are the rows of the appendix 按责任单位 that differ; when
	// UnitsUnknown the old brief did not keep its rows and only the
	// fingerprint can tell. UnitChanges are the changes to 责任单位
	// (assignments, the unit list, their undos) since the brief.
	Units        []brief.UnitDiff
	UnitsUnknown bool
	UnitChanges  []domain.Change
}

// ItemChange is an item whose part of the brief differs now, with its
// status now and the changes recorded since the brief was made.
type ItemChange struct {
	brief.ItemDiff
	Name    string
	Status  string // its status now, as the brief would print it
	Changes []domain.Change
}

// Same reports whether the brief shows today's data.
func (v Verification) Same() bool { return v.Then.Code == v.Now.Code }

// Verify builds the brief of a stamp again from the store's data and
// compares the two. The store's current plan must be the brief's: the
// caller selects it (the command line) or asks the user to (the window).
func Verify(st *store.Store, then brief.Stamp) (Verification, error) {
	if st.Plan().ID != then.PlanID {
		return Verification{}, &OtherPlanError{PlanID: then.PlanID}
	}
	o, err := then.Options()
	if err != nil {
		return Verification{}, fmt.Errorf("简报%w", err)
	}
	if o.Priors, err = st.Priors(domain.DefaultTolerance()); err != nil {
		return Verification{}, err
	}
	// The appendix 按责任单位 is built again from today's units, as the
	// brief was from the units of its day.
	if o.Units, err = st.Units(); err != nil {
		return Verification{}, err
	}
	if o.ItemUnits, err = st.ItemUnits(); err != nil {
		return Verification{}, err
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return Verification{}, err
	}
	notes, err := st.Notes("")
	if err != nil {
		return Verification{}, err
	}
	now := brief.Build(r, notes, o)
	v := Verification{Then: then, Now: now.Stamp, Plan: st.Plan()}
	if v.Same() {
		return v, nil
	}
	units, known := brief.DiffUnits(then, now.Stamp)
	v.Units, v.UnitsUnknown = units, !known
	if len(units) > 0 || !known {
		all, err := st.History("")
		if err != nil {
			return Verification{}, err
		}
		for _, ch := range all {
			if changedSince(ch, then) && unitChange(ch) {
				v.UnitChanges = append(v.UnitChanges, ch)
			}
		}
	}
	for _, d := range brief.Diff(then, now.Stamp) {
		c := ItemChange{ItemDiff: d}
		it, ok := st.Plan().Item(d.ID)
		if !ok { // gone from the plan with a data update: no history of its own
			v.Items = append(v.Items, c)
			continue
		}
		c.Name = it.Name
		c.Status = r.Status(it, o.AsOf).Label
		h, err := st.History(d.ID)
		if err != nil {
			return Verification{}, err
		}
		for _, ch := range h {
			if changedSince(ch, then) {
				c.Changes = append(c.Changes, ch)
			}
		}
		v.Items = append(v.Items, c)
	}
	return v, nil
}

// unitActions are the changes that alter who answers for what.
var unitActions = map[domain.Action]bool{domain.AssignUnits: true, domain.AutoAssignUnits: true,
	domain.AddUnit: true, domain.RenameUnit: true, domain.RemoveUnit: true}

// unitChange reports whether a history row changed the 责任单位: one of
// unitActions, or an undo of one (its detail names what it undid).
func unitChange(c domain.Change) bool {
	if unitActions[c.Action] {
		return true
	}
	return c.Action == domain.Undo && strings.Contains(c.Detail, "责任单位")
}

// changedSince reports whether a history row is newer than the brief: by
// the history row the brief recorded, or, for a brief without one, by
// time (history keeps whole seconds, so the brief's second counts).
func changedSince(c domain.Change, then brief.Stamp) bool {
	if then.HistoryMark > 0 {
		return c.ID > then.HistoryMark
	}
	return !c.At.Before(then.Made.Truncate(time.Second))
}

// Text is the verification in words.
func (v Verification) Text() string {
	made := v.Then.Made.Local().Format("2006-01-02 15:04")
	var b strings.Builder
	if v.Same() {
		fmt.Fprintf(&b, "与当前数据一致：数据指纹 %s（%s的简报，生成于%s）。\n", v.Then.Code, v.asOf(), made)
		return b.String()
	}
	fmt.Fprintf(&b, "与当前数据不一致：简报的数据指纹为 %s，按当前数据应为 %s（简报生成于%s）。\n", v.Then.Code, v.Now.Code, made)
	if v.Then.Revision != v.Now.Revision {
		fmt.Fprintf(&b, "计划数据已由第%d版更新为第%d版。\n", v.Then.Revision, v.Now.Revision)
	}
	unitsDiffer := len(v.Units) > 0 || (v.UnitsUnknown && len(v.UnitChanges) > 0)
	if len(v.Items) == 0 && !unitsDiffer {
		if v.UnitsUnknown {
			// A brief made before its appendix's rows were kept: its
			// appendix may read otherwise only because the program
			// words it otherwise now.
			b.WriteString("各项目本身未变，标题、汇总或说明文字有变（如计划数据更新，或附表“按责任单位统计”由旧版本生成、其栏目和说明已更新）。\n")
			return b.String()
		}
		b.WriteString("各项目本身未变，标题、汇总或说明文字有变（如计划数据更新）。\n")
		return b.String()
	}
	if unitsDiffer {
		v.unitText(&b)
	}
	if len(v.Items) == 0 {
		return b.String()
	}
	fmt.Fprintf(&b, "以下%d项与简报所载不同：\n", len(v.Items))
	for _, c := range v.Items {
		how := map[brief.DiffKind]string{brief.Changed: "实际值、备注或状态有变", brief.Added: "简报中原无此项，现应列入",
			brief.Removed: "简报中列有此项，现已不应列入"}[c.How]
		line := fmt.Sprintf("%s %s：%s", c.ID, c.Name, how)
		if c.Status != "" {
			line += "，现状态：" + c.Status
		}
		b.WriteString(line + "\n")
		if len(c.Changes) == 0 {
			// Its own data unchanged: its status or reason follows another
			// item's figure (与经济增长基本同步), or the plan data changed.
			b.WriteString("    该项本身在简报生成后没有修改记录；其状态或说明随所参照的数据（或计划数据更新）而变\n")
		}
		unit := ""
		if it, ok := v.Plan.Item(c.ID); ok {
			unit = it.Target.Unit
		}
		for _, ch := range c.Changes {
			b.WriteString("    " + changeWords(ch, unit, v.Plan.Year) + "\n")
		}
	}
	return b.String()
}

// unitText says the 责任单位 changed: the appendix's rows that differ
// (or, for a brief that did not keep them, that the appendix differs),
// then the changes to the units recorded since the brief.
func (v Verification) unitText(b *strings.Builder) {
	if len(v.Units) > 0 {
		fmt.Fprintf(b, "责任单位有变：附表“按责任单位统计”中以下%d个单位与简报所载不同：\n", len(v.Units))
		for _, u := range v.Units {
			fmt.Fprintf(b, "%s：%s\n", u.Unit, u.How)
		}
	} else {
		b.WriteString("责任单位有变：附表“按责任单位统计”与简报所载不同。\n")
	}
	if len(v.UnitChanges) > 0 {
		b.WriteString("简报生成后责任单位的修改记录：\n")
		for _, ch := range v.UnitChanges {
			line := fmt.Sprintf("    %s %s %s", ch.At.Local().Format("2006-01-02 15:04"), ch.Who, ch.Action.Label())
			if ch.Detail != "" {
				line += "：" + ch.Detail
			}
			b.WriteString(line + "\n")
		}
	}
}

// asOf is the brief's period as people say it: 2023年1-9月.
func (v Verification) asOf() string {
	o, err := v.Then.Options()
	if err != nil {
		return v.Then.AsOf
	}
	return fmt.Sprintf("%d年%s", o.AsOf.Year, o.AsOf.Label())
}

// changeWords is a history row in words: when, who, what, before → after.
func changeWords(c domain.Change, unit string, year int) string {
	line := fmt.Sprintf("%s %s %s", c.At.Local().Format("2006-01-02 15:04"), c.Who, c.Action.Label())
	if p, err := domain.ParsePeriod(c.Period, year); err == nil {
		line += " " + p.Label()
	} else if c.Period != "" {
		line += " " + c.Period
	}
	b, a := stateWords(c.Before, unit), stateWords(c.After, unit)
	switch {
	case b != "" && a != "":
		line += "：" + b + " → " + a
	case a != "":
		line += "：" + a
	case b != "":
		line += "：原为" + b
	}
	return line
}

// stateWords words a history side: a figure, outcome, note or manual status.
func stateWords(raw, unit string) string {
	st, ok := domain.ReadState(raw)
	switch {
	case !ok:
		return ""
	case st.Value != nil:
		return domain.FormatNumber(*st.Value) + unit
	case st.Outcome != "":
		return domain.OutcomeLabel(st.Outcome)
	case st.Body != "":
		return "“" + st.Body + "”"
	case st.Code != "":
		return st.Code.Label() + "，" + st.Reason
	}
	return st.Text
}
