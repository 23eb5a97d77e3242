package plantable

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
)

// Read reads a plan table from a file's content; name gives the format by
// its extension, as for sheet.Read.
func Read(name string, data []byte) (Draft, error) {
	tables, err := sheet.Read(name, data)
	if err != nil {
		return Draft{}, err
	}
	return FromTables(filepath.Base(name), tables)
}

// FromTables reads the first sheet with 指标名称 and 目标 columns as the
// main indicators, and the first with 任务 and 目标 as the 重点工作; either
// may be missing, not both. A file with neither, or with a 指标名称 column
// but no 目标, is an error that says which columns are missing.
func FromTables(file string, tables []sheet.Table) (Draft, error) {
	d := Draft{File: file, Genre: GenreTable}
	var ind, task, parcel *sheet.Table
	var hi, ht, hp header
	missing := ""
	for i := range tables {
		t := &tables[i]
		if ind == nil {
			h, ok, keyOnly := findHeader(t.Rows, colName)
			if ok {
				ind, hi = t, h
				continue
			}
			if keyOnly >= 0 && missing == "" {
				missing = fmt.Sprintf("工作表“%s”第%d行有“指标名称”列，但没有“目标”或“预期目标”列", t.Name, keyOnly+1)
			}
		}
		if task == nil {
			if h, ok, _ := findHeader(t.Rows, colTask); ok {
				task, ht = t, h
				continue
			}
		}
		if parcel == nil {
			if h, ok := findParcelHeader(t.Rows); ok {
				parcel, hp = t, h
			}
		}
	}
	if ind == nil && missing != "" {
		return Draft{}, fmt.Errorf("“%s”%s", file, missing)
	}
	if ind == nil && task == nil {
		return Draft{}, fmt.Errorf("“%s”前%d行中找不到表头：需要“指标名称”和“目标”（或“预期目标”）两列，或“任务”（主要任务、重点工作）和“目标”两列", file, headerRows)
	}
	// A table of 重点工作 alone (主要任务 | 目标 | 责任单位) is a plan too.
	if ind != nil {
		d.Items = indicators(*ind, hi)
	}
	if task != nil {
		d.Items = append(d.Items, tasks(*task, ht)...)
	}
	if parcel != nil {
		d.Items = append(d.Items, parcels(*parcel, hp)...)
	}
	d.Problems = duplicates(d.Items)
	d.Text = tableText(tables)
	return d, nil
}

// rowCells reads one row by role.
type rowCells struct {
	row []string
	h   header
}

func (r rowCells) get(ro role) string {
	c := r.h.cols[ro]
	if c < 0 || c >= len(r.row) {
		return ""
	}
	return strings.TrimSpace(sheet.Norm(r.row[c]))
}

// text is a cell's words as written, spaces at the ends trimmed: names,
// quotes, sections and targets keep their full-width brackets and commas
// (（按三口之家计算）), so a plan read back from its own workbook says what
// the plan said. Headers, numbers and the words rules match go through get.
func (r rowCells) text(ro role) string {
	c := r.h.cols[ro]
	if c < 0 || c >= len(r.row) {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(r.row[c], "\u00a0", " "))
}

func (r rowCells) blank() bool {
	for _, c := range r.row {
		if sheet.Norm(c) != "" {
			return false
		}
	}
	return true
}

// explanatory reports the template's 【填写说明】 row, which is skipped.
func (r rowCells) explanatory() bool {
	for _, c := range r.row {
		if strings.HasPrefix(sheet.Norm(c), explainMark) {
			return true
		}
	}
	return false
}

// reCategory is a heading numbered the Chinese way: 一、综合发展, (二)质量效益.
var reCategory = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\))`)

// reSub opens a sub-item: # or 其中.
var reSub = regexp.MustCompile(`^(?:#+|其中[:：]?)\s*`)

func indicators(t sheet.Table, h header) []Item {
	var out []Item
	section, parent := "", ""
	for i := h.row + 1; i < len(t.Rows); i++ {
		r := rowCells{t.Rows[i], h}
		if r.blank() || r.explanatory() {
			continue
		}
		if c := r.text(colCategory); c != "" {
			section = c
		}
		name, target := r.text(colName), r.text(colTarget)
		if name == "" && target == "" {
			// A heading written across the row (一、综合发展 in column A,
			// merged) rather than in a 类别 column.
			if c := firstText(t.Rows[i]); c != "" && r.get(colCategory) == "" {
				section = c
			}
			continue
		}
		sub := reSub.MatchString(sheet.Norm(name))
		if target == "" && !sub && r.get(colUnit) == "" {
			if reCategory.MatchString(name) || r.get(colSeq) == "" && !nextIsSub(t.Rows, i, h) {
				section, parent = name, ""
				continue
			}
			if nextIsSub(t.Rows, i, h) {
				// A group row (家庭可支配收入（按三口之家计算）) whose
				// sub-rows carry the targets: a name, not an item.
				parent = name
				continue
			}
		}
		it := Item{Sheet: t.Name, Line: i + 1, Kind: domain.KindIndicator, Section: section,
			Seq: r.get(colSeq), Name: name, TargetText: target, Nature: r.text(colNature),
			Owners: splitOwners(r.text(colOwners)), Source: r.text(colSource), Unit: r.get(colUnit),
			Measure: measureWords[r.get(colMeasure)], Kept: r.kept()}
		if sub {
			it.Name, it.Parent = reSub.ReplaceAllString(name, ""), parent
			if it.Name == name { // a full-width ＃
				it.Name = reSub.ReplaceAllString(sheet.Norm(name), "")
			}
		} else {
			parent = name
		}
		if it.Unit == "" {
			it.Unit = h.unit
		}
		if it.Name == "" {
			it.NeedsReview, it.Reason = true, fmt.Sprintf("第%d行：有目标但没有指标名称", i+1)
		} else {
			readTarget(&it, h, ref{i + 1, h.label, sheet.ColumnLetter(h.cols[colTarget])})
			markedQualitative(&it, r)
		}
		if a := r.get(colActual); a != "" {
			// An execution report's table: what was achieved, beside the target.
			it.Reported = ReadReported(a, it.Target, h.period)
		}
		out = append(out, it)
	}
	return out
}

// nextIsSub reports whether the next non-blank row below i is a # or 其中 row.
func nextIsSub(rows [][]string, i int, h header) bool {
	for j := i + 1; j < len(rows); j++ {
		r := rowCells{rows[j], h}
		if r.blank() {
			continue
		}
		return reSub.MatchString(r.get(colName))
	}
	return false
}

// firstText is the first cell of a row that is not a bare number.
func firstText(row []string) string {
	for _, c := range row {
		c = strings.TrimSpace(sheet.Norm(c))
		if c != "" && strings.Trim(c, "0123456789.") != "" {
			return c
		}
	}
	return ""
}

// tasks reads the 重点工作 sheet: a target the grammar reads makes a
// commitment; one without any number a milestone (judged 已完成 / 推进中 /
// 未完成); a number it cannot read waits for the reviewer.
func tasks(t sheet.Table, h header) []Item {
	var out []Item
	for i := h.row + 1; i < len(t.Rows); i++ {
		r := rowCells{t.Rows[i], h}
		if r.blank() || r.explanatory() || r.get(colTask) == "" && r.get(colTarget) == "" {
			continue
		}
		it := Item{Sheet: t.Name, Line: i + 1, Kind: domain.KindCommitment, Section: r.text(colCategory),
			Name: r.text(colTask), TargetText: r.text(colTarget), Owners: splitOwners(r.text(colOwners)),
			Deadline: r.get(colDeadline), Source: r.text(colSource), Unit: r.get(colUnit),
			Measure: measureWords[r.get(colMeasure)], Kept: r.kept()}
		if it.Unit == "" {
			it.Unit = h.unit
		}
		at := ref{i + 1, h.label, sheet.ColumnLetter(h.cols[colTarget])}
		switch {
		case it.Name == "":
			it.NeedsReview, it.Reason = true, fmt.Sprintf("第%d行：有目标但没有任务", i+1)
		case !strings.ContainsAny(it.TargetText, "0123456789") && !relative(it.TargetText) && it.Measure == "":
			// A 计量方式 says the row is measured: a commitment even
			// without a number (稳中提质), as Fill writes one.
			it.Kind = domain.KindMilestone
		default:
			readTarget(&it, h, at)
			markedQualitative(&it, r)
		}
		out = append(out, it)
	}
	return out
}

// markedQualitative settles a row whose 计量方式 is 定性 and whose target
// the grammar cannot read as marked qualitative by a reviewer, as Fill
// writes such a target (明显好转).
func markedQualitative(it *Item, r rowCells) {
	if !it.NeedsReview || r.get(colMeasure) != qualitativeWord {
		return
	}
	read := domain.StripHedge(strings.ReplaceAll(it.TargetText, " ", ""))
	if t, err := domain.MarkQualitative(read); err == nil {
		it.Read = read
		it.settleQualitative(t)
	}
}

// kept reads the columns a plan's own workbook carries (Kept); nil when
// the table has none of them filled.
func (r rowCells) kept() *Kept {
	k := Kept{ID: r.get(colID), SameAs: r.get(colSameAs), Parent: r.get(colParentID), Topic: r.text(colTopic), Note: r.text(colNote)}
	if k == (Kept{}) {
		return nil
	}
	return &k
}

// measureWords are the 计量方式 column's words, as Fill writes them.
var measureWords = map[string]domain.Measure{"累计": domain.Cumulative, "时点": domain.Level, "速度": domain.Rate, qualitativeWord: domain.Level}

// relative reports a target without a number the grammar reads as held
// against another figure (高于各项贷款增速): a commitment, not a milestone.
func relative(text string) bool {
	t, err := domain.ParseTarget(domain.StripHedge(text))
	return err == nil && t.Basis == domain.BasisRelative
}

// splitOwners reads a 责任单位 cell (domain.SplitUnitNames).
func splitOwners(s string) []string { return domain.SplitUnitNames(s) }

// duplicates names every name that stands twice in one section (a
// sub-item's name counts under its parent), with both rows.
func duplicates(items []Item) []string {
	seen := map[string]Item{}
	var out []string
	for _, it := range items {
		if it.Name == "" {
			continue
		}
		key := it.Sheet + "\x00" + it.Section + "\x00" + it.Parent + "\x00" + it.Name
		if first, ok := seen[key]; ok {
			where := "“" + it.Section + "”中"
			if it.Section == "" {
				where = "工作表“" + it.Sheet + "”中"
			}
			out = append(out, fmt.Sprintf("%s“%s”重复：第%d行和第%d行", where, it.Name, first.Line, it.Line))
			continue
		}
		seen[key] = it
	}
	return out
}
