package store

import (
	"testing"

	"cn.planreview/planreview/model/domain"
)

func TestBadJudgementsChangeNothing(t *testing.T) {
	s, _ := openTemp(t)
	before := snapshot(t, s)
	checkRefused(t, s, before, []refused{
		{"manual without reason", s.SetManualStatus("A1-01", p(3), domain.Met, "", "张三"), "认定理由不能为空"},
		{"manual bad code", s.SetManualStatus("A1-01", p(3), "great", "好", "张三"), "状态“great”无效"},
		{"target on a fixed item", s.SetTarget("A1-01", "增长7%", "", "张三"), "不能另行录入"},
		{"target without value", s.SetTarget("A1-17", "按省下达目标安排", "", "张三"), "须有具体数值"},
	})
}
