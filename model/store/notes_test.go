package store

import (
	"testing"

	"cn.planreview/planreview/model/domain"
)

func TestBadNotesChangeNothing(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.AddNote("A1-01", p(3), "已有的备注", "张三"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	checkRefused(t, s, before, []refused{
		{"empty note", second(s.AddNote("A1-01", p(3), "  ", "张三")), "备注内容不能为空"},
		{"edit missing note", s.EditNote(999, "x", "张三"), "没有编号为 999 的备注"},
		{"delete missing note", s.DeleteNote(999, "张三"), "没有编号为 999 的备注"},
		{"note on an unknown item", second(s.AddNote("X-99", domain.Period{}, "x", "张三")), "没有编号为“X-99”"},
	})
}
