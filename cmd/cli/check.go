package cli

import (
	"fmt"
	"strings"

	"cn.planreview/planreview/model/store"
)

func runCheck(env Env, _ *store.Store, a args) error {
	if len(a.pos) > 0 {
		return usage("check 不接受参数")
	}
	path := a.get("db")
	if err := store.Check(path); err != nil {
		return err
	}
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	// Every plan of the workspace is checked, not only the one the store
	// opened on: a plan made from a draft must hold its quotes as surely
	// as the bundled one.
	plans, err := st.Plans()
	if err != nil {
		return err
	}
	var (
		problems []string
		seen     = map[string]bool{}
		names    []string
		figures  int
		notes    int
		changes  int
	)
	for _, p := range plans {
		if err := st.SelectPlan(p.ID); err != nil {
			return err
		}
		ps, err := st.Consistency()
		if err != nil {
			return err
		}
		for _, pr := range ps {
			if len(plans) > 1 {
				pr = fmt.Sprintf("计划《%s》（%s）：%s", p.Title, p.ID, pr)
			}
			if !seen[pr] {
				seen[pr] = true
				problems = append(problems, pr)
			}
		}
		names = append(names, fmt.Sprintf("《%s》%d项", p.Title, len(st.Plan().Items)))
		figures += p.Figures
		notes += p.Notes
		h, _ := st.History("") // the selected plan's
		changes += len(h)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(env.Stderr, "  "+p)
		}
		return fmt.Errorf("一致性检查发现%d处问题", len(problems))
	}
	// The history chain, of every plan at once: a row changed, deleted or
	// added behind the program's back (a SQLite tool, its trigger
	// dropped) is named.
	chained, err := st.VerifyHistoryChain()
	if err != nil {
		return fmt.Errorf("修改记录的哈希链检查未通过：%w", err)
	}
	fmt.Fprintf(env.Stdout, "检查通过：%s\n数据库完整性正常；%d个计划：%s，原文均与通知一致；实际值%d条，备注%d条，修改记录%d条；全部%d条修改记录与哈希链相符。\n",
		path, len(plans), strings.Join(names, "、"), figures, notes, changes, chained)
	return nil
}
