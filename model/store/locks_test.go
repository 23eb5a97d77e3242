package store

import (
	"errors"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

func TestLockedPeriodRefusesEdits(t *testing.T) {
	s, _ := openTemp(t)
	id, err := s.AddNote("A1-01", p(9), "前三季度说明", "张三")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.8}, "张三"); err != nil {
		t.Fatal(err)
	}
	if err := s.LockPeriod(p(9), "前三季度简报已报送市人大财经委", "张三"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	for name, err := range map[string]error{
		"record":      second(s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.9}, "张三")),
		"delete":      s.DeleteActual("A1-01", p(9), "张三"),
		"add note":    second(s.AddNote("A1-01", p(9), "补充", "张三")),
		"edit note":   s.EditNote(id, "改", "张三"),
		"delete note": s.DeleteNote(id, "张三"),
		"manual":      s.SetManualStatus("A1-01", p(9), domain.Met, "理由", "张三"),
		"undo":        second(s.Undo(3, "张三")),
	} {
		if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "1-9月的简报已报出") {
			t.Errorf("%s in a locked period: %v", name, err)
		}
	}
	if snapshot(t, s) != before {
		t.Error("a locked period was changed")
	}
	// Other periods stay open.
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(10), Value: 5.9}, "张三"); err != nil {
		t.Errorf("1-10月 should be open: %v", err)
	}
	if err := s.UnlockPeriod(p(9), "", "张三"); err == nil || !strings.Contains(err.Error(), "解锁理由不能为空") {
		t.Errorf("unlock without reason: %v", err)
	}
	if err := s.UnlockPeriod(p(9), "统计局修订前三季度数据", "李四"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p(9), Value: 5.9}, "李四"); err != nil {
		t.Errorf("after unlock: %v", err)
	}
	h, _ := s.History("")
	var acts []string
	for _, c := range h {
		if strings.Contains(string(c.Action), "lock") {
			acts = append(acts, string(c.Action)+":"+c.Who+":"+c.Detail)
		}
	}
	if strings.Join(acts, " ") != "lock_period:张三: unlock_period:李四:统计局修订前三季度数据" {
		t.Errorf("lock history: %v", acts)
	}
	locks, _ := s.Locks()
	if len(locks) != 0 {
		t.Errorf("locks after unlock: %+v", locks)
	}
}
