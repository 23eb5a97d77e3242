package domain

import (
	"fmt"
	"strings"
	"unicode"
)

// 责任单位: the departments that answer for an item. Each plan keeps its
// own list of units; an item has at most one lead unit (牵头) and any
// number of co-operating units (协办).

// Unit is one department of a plan's unit list.
type Unit struct {
	ID    int64  // stable within the plan; history refers to it
	Short string // 发改委: what tables and lists print
	Full  string // 市发展改革委: the name as the plan writes it, unique in the plan
	Order int    // the order of first appearance in the plan
}

// Label is the unit as one line names it: the full name, with the short
// one in brackets when they differ.
func (u Unit) Label() string {
	if u.Short == "" || u.Short == u.Full {
		return u.Full
	}
	return u.Full + "（" + u.Short + "）"
}

// UnitRole is how a unit answers for an item.
type UnitRole string

// The roles.
const (
	RoleLead UnitRole = "lead" // 牵头单位
	RoleWith UnitRole = "with" // 协办单位
)

// Label is the role's Chinese name.
func (r UnitRole) Label() string {
	if r == RoleLead {
		return "牵头单位"
	}
	return "协办单位"
}

// ItemUnits are the units of one item: the lead (0 for none) and the
// co-operating ones in the order given.
type ItemUnits struct {
	Lead int64
	With []int64
}

// Empty reports whether the item has no unit at all.
func (a ItemUnits) Empty() bool { return a.Lead == 0 && len(a.With) == 0 }

// Has reports whether unit id answers for the item, as lead or co-op.
func (a ItemUnits) Has(id int64) bool {
	if a.Lead == id {
		return true
	}
	for _, w := range a.With {
		if w == id {
			return true
		}
	}
	return false
}

// MaxUnitName bounds a unit's name: the longest 区县 department names
// (市人力资源和社会保障局驻某某办事处) stay well within it.
const MaxUnitName TextLimit = 40

// unitAbbrevs are the standard short forms of department names (发改委
// for 发展改革委). Only used to propose a unit's short name; a reviewer
// may rename it.
var unitAbbrevs = []struct{ long, short string }{
	{"发展和改革委员会", "发改委"},
	{"发展改革委员会", "发改委"},
	{"发展改革委", "发改委"},
	{"发展和改革局", "发改局"},
	{"发展改革局", "发改局"},
	{"经济和信息化局", "经信局"},
	{"经济和信息化委员会", "经信委"},
	{"住房和城乡建设局", "住建局"},
	{"住房城乡建设局", "住建局"},
	{"人力资源和社会保障局", "人社局"},
	{"人力社保局", "人社局"},
	{"自然资源和规划局", "自然资源规划局"},
	{"市场监督管理局", "市场监管局"},
	{"卫生健康委员会", "卫健委"},
	{"卫生健康委", "卫健委"},
	{"文化广电旅游局", "文广旅局"},
	{"文化和广电旅游体育局", "文广旅体局"},
	{"综合行政执法局", "综合执法局"},
	{"科学技术局", "科技局"},
	{"交通运输局", "交通局"},
}

// NormaliseUnitName is a unit's name as stored and compared: full-width
// letters and digits folded as every typed text is (normalizeWidth), white
// space removed, and brackets the full-width ones official names are
// written with, so 市委(市政府)办公室 typed with ASCII brackets is the unit
// 市委（市政府）办公室.
func NormaliseUnitName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == '(':
			return '（'
		case r == ')':
			return '）'
		}
		return r
	}, normalizeWidth(s))
}

// adminPrefixes are the level words a department's name starts with: the
// same department is 市发改委 in a city's table and 发改委 in speech.
var adminPrefixes = []string{"市", "区", "县"}

// bareUnitName is a name without its leading 市/区/县.
func bareUnitName(s string) string {
	for _, p := range adminPrefixes {
		if t, ok := strings.CutPrefix(s, p); ok && t != "" {
			return t
		}
	}
	return s
}

// ShortUnitName proposes a short name for a full one: the level word
// dropped and the standard short form used (市发展改革委 → 发改委).
func ShortUnitName(full string) string {
	s := bareUnitName(NormaliseUnitName(full))
	for _, a := range unitAbbrevs {
		if strings.Contains(s, a.long) {
			return strings.Replace(s, a.long, a.short, 1)
		}
	}
	return s
}

// ErrNoUnit is returned (wrapped) by MatchUnit when no unit answers to a
// name.
var ErrNoUnit = fmt.Errorf("没有这个责任单位")

// MatchUnit finds the unit a name means: first by full name, then by
// short name, then by either without its 市/区/县 and in its standard
// short form (市发改委 = 市发展改革委 = 发改委). At each step exactly one
// candidate must answer; two are never guessed between.
func MatchUnit(units []Unit, name string) (Unit, error) {
	n := NormaliseUnitName(name)
	if n == "" {
		return Unit{}, fmt.Errorf("责任单位名称不能为空")
	}
	steps := []func(Unit) bool{
		func(u Unit) bool { return NormaliseUnitName(u.Full) == n },
		func(u Unit) bool { return NormaliseUnitName(u.Short) == n },
		func(u Unit) bool {
			k := ShortUnitName(n)
			return ShortUnitName(u.Full) == k || ShortUnitName(u.Short) == k
		},
	}
	for _, match := range steps {
		var found []Unit
		for _, u := range units {
			if match(u) {
				found = append(found, u)
			}
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], nil
		default:
			var names []string
			for _, u := range found {
				names = append(names, u.Label())
			}
			return Unit{}, fmt.Errorf("“%s”可能是%s，无法确定：请写单位全称", name, strings.Join(names, "或"))
		}
	}
	return Unit{}, fmt.Errorf("“%s”：%w（现有单位可用 planreview units 查看）", name, ErrNoUnit)
}

// OwnersFromNote reads the 责任单位 an imported plan table kept in an
// item's note (责任单位：市发改委、市统计局), in the order written: the first
// is the lead, the rest co-operate.
func OwnersFromNote(note string) []string {
	for _, part := range strings.Split(note, "；") {
		v, ok := strings.CutPrefix(strings.TrimSpace(part), "责任单位：")
		if !ok {
			continue
		}
		var out []string
		seen := map[string]bool{}
		for _, o := range SplitUnitNames(v) {
			o = NormaliseUnitName(o)
			if o != "" && !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
		return out
	}
	return nil
}

// SplitUnitNames reads a list of 责任单位 as tables, notes and reviewers
// write it: 市发改委、市统计局 / 市财政局；市税务局, or with spaces
// between names. Every reader of such a list uses it, so a list means the
// same units wherever it was typed.
func SplitUnitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、，,;；/／", r) || unicode.IsSpace(r)
	})
}
