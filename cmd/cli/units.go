package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// 责任单位: assign, units, unit add|rename|remove, list --unit and the
// 责任单位 line of show.

// unitIndex names units by id.
type unitIndex map[int64]domain.Unit

func loadUnitIndex(st *store.Store) (unitIndex, map[string]domain.ItemUnits, error) {
	units, err := st.Units()
	if err != nil {
		return nil, nil, err
	}
	idx := unitIndex{}
	for _, u := range units {
		idx[u.ID] = u
	}
	all, err := st.ItemUnits()
	return idx, all, err
}

// names are an item's lead and co-operating units by full name.
func (idx unitIndex) names(a domain.ItemUnits) (lead string, with []string) {
	if a.Lead != 0 {
		lead = idx[a.Lead].Full
	}
	for _, w := range a.With {
		with = append(with, idx[w].Full)
	}
	return lead, with
}

// showUnits writes the 责任单位 line of show.
func showUnits(w io.Writer, st *store.Store, it domain.Item) error {
	idx, all, err := loadUnitIndex(st)
	if err != nil {
		return err
	}
	lead, with := idx.names(all[it.ID])
	switch {
	case lead == "":
		fmt.Fprintf(w, "责任单位：未指定（可用 planreview assign %s --lead 单位 指定）\n", it.ID)
	case len(with) == 0:
		fmt.Fprintf(w, "责任单位：牵头 %s\n", lead)
	default:
		fmt.Fprintf(w, "责任单位：牵头 %s；协办 %s\n", lead, strings.Join(with, "、"))
	}
	return nil
}

// splitUnitNames reads --with as typed: repeated, or one value with
// 、/，/, between names.
func splitUnitNames(values []string) []string {
	var out []string
	for _, v := range values {
		out = append(out, domain.SplitUnitNames(v)...)
	}
	return out
}

func runAssign(env Env, st *store.Store, a args) error {
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	plan := st.Plan()
	var ids []string
	switch sec := strings.TrimSpace(a.get("section")); {
	case sec != "" && len(a.pos) > 0:
		return usage("请只写项目编号或 --section 之一")
	case sec != "":
		if _, ok := plan.Section(sec); !ok {
			var known []string
			for _, s := range plan.Sections {
				known = append(known, s.ID)
			}
			return fmt.Errorf("没有“%s”部分（可选：%s）", sec, strings.Join(known, "、"))
		}
		for _, it := range plan.Items {
			if it.Section == sec {
				ids = append(ids, it.ID)
			}
		}
	case len(a.pos) == 0:
		return usage("需要项目编号（可写多个）或 --section 部分")
	default:
		for _, p := range a.pos {
			it, err := plan.Lookup(p)
			if err != nil {
				return err
			}
			ids = append(ids, it.ID)
		}
	}
	as := store.Assignment{Items: ids, Lead: a.get("lead"), With: splitUnitNames(a.all("with")), NewUnits: a.has("new-unit")}
	if a.has("clear") {
		if a.has("lead") || a.has("with") {
			return usage("--clear 不能与 --lead、--with 同用")
		}
		as.Lead, as.With = "", nil
	} else if strings.TrimSpace(as.Lead) == "" {
		return usage("需要 --lead 牵头单位（清除责任单位用 --clear）")
	}
	res, err := st.AssignUnits(as, by)
	if err != nil {
		return err
	}
	for _, u := range res.Added {
		fmt.Fprintf(env.Stdout, "已添加责任单位：%s\n", u.Label())
	}
	if res.Lead.ID == 0 {
		fmt.Fprintf(env.Stdout, "已清除%d项的责任单位。\n", len(res.Changed))
	} else {
		var with []string
		for _, u := range res.With {
			with = append(with, u.Full)
		}
		line := "牵头 " + res.Lead.Full
		if len(with) > 0 {
			line += "，协办 " + strings.Join(with, "、")
		}
		fmt.Fprintf(env.Stdout, "已为%d项指定责任单位：%s。\n", len(res.Changed), line)
	}
	if len(res.Same) > 0 {
		fmt.Fprintf(env.Stdout, "另有%d项原已如此，未改动：%s\n", len(res.Same), strings.Join(res.Same, "、"))
	}
	return nil
}

// unitRow is one unit of `units --json`.
type unitRow struct {
	ID    int64  `json:"id"`
	Short string `json:"short"`
	Full  string `json:"full"`
	Lead  int    `json:"lead_items"`
	With  int    `json:"with_items"`
}

func runUnits(env Env, st *store.Store, a args) error {
	if len(a.pos) > 0 {
		return usage("units 不接受参数“%s”", a.pos[0])
	}
	units, err := st.Units()
	if err != nil {
		return err
	}
	all, err := st.ItemUnits()
	if err != nil {
		return err
	}
	out := []unitRow{}
	for _, u := range units {
		r := unitRow{ID: u.ID, Short: u.Short, Full: u.Full}
		for _, iu := range all {
			if iu.Lead == u.ID {
				r.Lead++
			} else if iu.Has(u.ID) {
				r.With++
			}
		}
		out = append(out, r)
	}
	if a.has("json") {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	plan := st.Plan()
	if len(out) == 0 {
		fmt.Fprintf(env.Stdout, "%s 尚无责任单位（可用 planreview unit add 全称 添加，或 planreview assign 编号 --lead 单位 --new-unit 指定）\n", plan.Title)
		return nil
	}
	fmt.Fprintf(env.Stdout, "%s 责任单位\n", plan.Title)
	fmt.Fprintf(env.Stdout, "%s %s %s %s\n", cjk.Pad("简称", 14), cjk.Pad("全称", 30), cjk.Pad("牵头项目", 8), "协办项目")
	none := len(plan.Items) - len(all)
	for _, r := range out {
		fmt.Fprintf(env.Stdout, "%s %s %s %d\n", cjk.Pad(r.Short, 14), cjk.Pad(r.Full, 30), cjk.Pad(fmt.Sprint(r.Lead), 8), r.With)
	}
	fmt.Fprintf(env.Stdout, "\n共%d个单位；%d项尚未指定责任单位。\n", len(out), none)
	return nil
}

func runUnit(env Env, st *store.Store, a args) error {
	if len(a.pos) == 0 {
		return usage("需要 add、rename 或 remove")
	}
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	switch sub, rest := a.pos[0], a.pos[1:]; sub {
	case "add":
		if len(rest) != 1 {
			return usage("unit add 需要一个单位全称（收到%d个参数）", len(rest))
		}
		u, err := st.AddUnit(rest[0], a.get("short"), by)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已添加责任单位：%s\n", u.Label())
	case "rename":
		if len(rest) != 1 {
			return usage("unit rename 需要一个现有单位名称（收到%d个参数）", len(rest))
		}
		if !a.has("full") && !a.has("short") {
			return usage("unit rename 需要 --full 新全称 或 --short 新简称")
		}
		old, err := st.FindUnit(rest[0])
		if err != nil {
			return err
		}
		u, err := st.RenameUnit(rest[0], a.get("full"), a.get("short"), by)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已修改：%s → %s\n", old.Label(), u.Label())
	case "remove":
		if len(rest) != 1 {
			return usage("unit remove 需要一个单位名称（收到%d个参数）", len(rest))
		}
		u, err := st.RemoveUnit(rest[0], by)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已删除责任单位：%s\n", u.Label())
	default:
		return usage("unit 的子命令是 add、rename、remove，不是“%s”", sub)
	}
	return nil
}
