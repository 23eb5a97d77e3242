package cli

import (
	"fmt"
	"path/filepath"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/briefcheck"
	"cn.planreview/planreview/model/store"
)

// runVerify checks a brief against the database: it reads the stamp the
// brief carries, builds the brief again from today's data with the same
// options, and says either that the two agree or which items differ, with
// the changes the history records since the brief was made. The brief's
// plan is the one checked, whichever is the latest.
func runVerify(env Env, st *store.Store, a args) error {
	if len(a.pos) != 1 {
		return usage("verify 需要一个简报文件（.pdf 或 .docx），如：planreview verify 简报.pdf")
	}
	path := a.pos[0]
	if _, err := brief.FormatFor(path); err != nil {
		return usage("verify：%v；只能核验本程序生成的PDF或Word简报", err)
	}
	then, err := briefcheck.ReadFile(path)
	if err != nil {
		return err
	}
	if st.Plan().ID != then.PlanID {
		if err := st.SelectPlan(then.PlanID); err != nil {
			return fmt.Errorf("简报所属的计划（%s）不在此数据库中，无法核验（planreview plans 列出本库的计划）", then.PlanID)
		}
	}
	v, err := briefcheck.Verify(st, then)
	if err != nil {
		return err
	}
	fmt.Fprint(env.Stdout, v.Text())
	if !v.Same() {
		return fmt.Errorf("简报“%s”与当前数据不一致", filepath.Base(path))
	}
	return nil
}
