package cli

import (
	"fmt"
	"strconv"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// begin does what every changing command does first: check the number of
// arguments, find who is making the change, and read the period argument
// at index periodAt (none when negative).
func begin(env Env, st *store.Store, a args, n int, what string, periodAt int) (string, domain.Period, error) {
	if err := needArgs(a, n, what); err != nil {
		return "", domain.Period{}, err
	}
	by, err := reviewer(env, a)
	if err != nil {
		return "", domain.Period{}, err
	}
	if periodAt < 0 {
		return by, domain.Period{}, nil
	}
	p, err := period(st, a.pos[periodAt], "期间")
	return by, p, err
}

func period(st *store.Store, s, field string) (domain.Period, error) {
	p, err := domain.ParsePeriod(s, st.Plan().Year)
	if err != nil && field != "期间" {
		return p, fmt.Errorf("%s：%w", field, err)
	}
	return p, err
}

// noPeriod is periodAt for a command without a period argument.
const noPeriod = -1

// oneChange is a command that makes one change and says what it did: how
// many arguments it needs (need names them), which one is the period
// (noPeriod if none), the change, and the message.
type oneChange struct {
	nargs    int
	need     string
	periodAt int
	change   func(p domain.Period, by string) error
	done     func(p domain.Period) string
}

func (c oneChange) run(env Env, st *store.Store, a args) error {
	by, p, err := begin(env, st, a, c.nargs, c.need, c.periodAt)
	if err != nil {
		return err
	}
	if err := c.change(p, by); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, c.done(p))
	return nil
}

func runRecord(env Env, st *store.Store, a args) error {
	by, _, err := begin(env, st, a, 3, "编号、期间、实际值三个参数", noPeriod)
	if err != nil {
		return err
	}
	it, err := st.Plan().Lookup(a.pos[0])
	if err != nil {
		return err
	}
	p, err := period(st, a.pos[1], "期间")
	if err != nil {
		return err
	}
	act := domain.Actual{ItemID: it.ID, Period: p, Source: a.get("source"), SourceDate: a.get("date")}
	if it.Kind == domain.KindMilestone {
		if act.Outcome, err = domain.ParseOutcome(a.pos[2]); err != nil {
			return err
		}
	} else {
		tracked, _ := st.Plan().Item(domain.TrackedID(it))
		if act.Value, err = domain.ParseActual(a.pos[2], tracked.Target); err != nil {
			return err
		}
	}
	where, err := st.RecordActual(act, by)
	if err != nil {
		return err
	}
	if where != it.ID {
		fmt.Fprintf(env.Stdout, "%s 与 %s 为同一指标，已记入 %s。\n", it.ID, where, where)
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	s := r.Status(it, p)
	fmt.Fprintf(env.Stdout, "已保存：%s %s %s。状态：%s——%s\n", where, p.Label(), r.FigureOf(it, act), s.Label, s.Reason)
	return nil
}

func runUnrecord(env Env, st *store.Store, a args) error {
	return oneChange{nargs: 2, need: "编号、期间两个参数", periodAt: 1,
		change: func(p domain.Period, by string) error { return st.DeleteActual(a.pos[0], p, by) },
		done: func(p domain.Period) string {
			return fmt.Sprintf("已删除 %s %s 的实际值（修改记录中保留原值）。", a.pos[0], p.Label())
		},
	}.run(env, st, a)
}

func runNote(env Env, st *store.Store, a args) error {
	by, _, err := begin(env, st, a, 2, "编号和备注内容两个参数（内容含空格时请加引号）", noPeriod)
	if err != nil {
		return err
	}
	var p domain.Period
	if a.has("period") {
		if p, err = period(st, a.get("period"), "--period"); err != nil {
			return err
		}
	}
	id, err := st.AddNote(a.pos[0], p, a.pos[1], by)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已添加备注 #%d。\n", id)
	return nil
}

func noteID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usage("备注号“%s”应为正整数（见 planreview show 编号）", s)
	}
	return id, nil
}

// beginNote is begin for the commands on a note by its number.
func beginNote(env Env, a args, n int, what string) (int64, string, error) {
	if err := needArgs(a, n, what); err != nil {
		return 0, "", err
	}
	id, err := noteID(a.pos[0])
	if err != nil {
		return 0, "", err
	}
	by, err := reviewer(env, a)
	return id, by, err
}

func runNoteEdit(env Env, st *store.Store, a args) error {
	id, by, err := beginNote(env, a, 2, "备注号和新内容两个参数")
	if err != nil {
		return err
	}
	if err := st.EditNote(id, a.pos[1], by); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已修改备注 #%d。\n", id)
	return nil
}

func runNoteDelete(env Env, st *store.Store, a args) error {
	id, by, err := beginNote(env, a, 1, "备注号")
	if err != nil {
		return err
	}
	if err := st.DeleteNote(id, by); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已删除备注 #%d（修改记录中保留原文）。\n", id)
	return nil
}

func runSetStatus(env Env, st *store.Store, a args) error {
	return oneChange{nargs: 3, need: "编号、期间、状态代码三个参数", periodAt: 1,
		change: func(p domain.Period, by string) error {
			return st.SetManualStatus(a.pos[0], p, domain.Code(a.pos[2]), a.get("reason"), by)
		},
		done: func(p domain.Period) string {
			return fmt.Sprintf("已人工认定 %s 自%s起为“%s”。", a.pos[0], p.Label(), domain.Code(a.pos[2]).Label())
		},
	}.run(env, st, a)
}

func runClearStatus(env Env, st *store.Store, a args) error {
	return oneChange{nargs: 2, need: "编号、期间两个参数", periodAt: 1,
		change: func(p domain.Period, by string) error { return st.ClearManualStatus(a.pos[0], p, by) },
		done: func(p domain.Period) string {
			return fmt.Sprintf("已取消 %s %s 的人工认定。", a.pos[0], p.Label())
		},
	}.run(env, st, a)
}

func runSetTarget(env Env, st *store.Store, a args) error {
	return oneChange{nargs: 2, need: "编号和目标两个参数", periodAt: noPeriod,
		change: func(_ domain.Period, by string) error { return st.SetTarget(a.pos[0], a.pos[1], a.get("reason"), by) },
		done:   func(domain.Period) string { return fmt.Sprintf("已录入 %s 的目标：%s。", a.pos[0], a.pos[1]) },
	}.run(env, st, a)
}

func runClearTarget(env Env, st *store.Store, a args) error {
	return oneChange{nargs: 1, need: "编号", periodAt: noPeriod,
		change: func(_ domain.Period, by string) error { return st.ClearTarget(a.pos[0], by) },
		done:   func(domain.Period) string { return fmt.Sprintf("已删除 %s 录入的目标。", a.pos[0]) },
	}.run(env, st, a)
}

func runLock(env Env, st *store.Store, a args) error {
	return oneChange{nargs: 1, need: "期间", periodAt: 0,
		change: func(p domain.Period, by string) error { return st.LockPeriod(p, a.get("reason"), by) },
		done: func(p domain.Period) string {
			return fmt.Sprintf("已锁定%s：该期间的实际值、备注和人工认定不能再修改，除非解锁。", p.Label())
		},
	}.run(env, st, a)
}

func runUnlock(env Env, st *store.Store, a args) error {
	return oneChange{nargs: 1, need: "期间", periodAt: 0,
		change: func(p domain.Period, by string) error { return st.UnlockPeriod(p, a.get("reason"), by) },
		done:   func(p domain.Period) string { return fmt.Sprintf("已解锁%s。", p.Label()) },
	}.run(env, st, a)
}

func runUndo(env Env, st *store.Store, a args) error {
	if len(a.pos) > 0 {
		return usage("undo 不接受参数")
	}
	by, err := reviewer(env, a)
	if err != nil {
		return err
	}
	c, err := st.UndoLast(by)
	if err != nil {
		return err
	}
	if c.Detail != "" {
		// A collected or imported file, undone whole: say which file
		// and what went with it.
		fmt.Fprintf(env.Stdout, "已撤销 #%d：%s。\n", c.ID, c.Detail)
		return nil
	}
	fmt.Fprintf(env.Stdout, "已撤销 #%d（%s %s %s）。\n", c.ID, c.Action.Label(), c.ItemID, c.Period)
	return nil
}
