package cli

import (
	"fmt"

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
	problems, err := st.Consistency()
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(env.Stderr, "  "+p)
		}
		return fmt.Errorf("一致性检查发现%d处问题", len(problems))
	}
	as, _ := st.Actuals()
	ns, _ := st.Notes("")
	h, _ := st.History("")
	fmt.Fprintf(env.Stdout, "检查通过：%s\n数据库完整性正常；计划《%s》共%d项，原文均与通知一致；实际值%d条，备注%d条，修改记录%d条。\n",
		path, st.Plan().Title, len(st.Plan().Items), len(as), len(ns), len(h))
	return nil
}
