package docread

import "testing"

// TestColumnOf: header cells as offices write them, with year, period and
// unit around the name.
func TestColumnOf(t *testing.T) {
	cases := []struct {
		cell string
		want Column
	}{
		{"指标名称", ColName},
		{"2024年目标增长(%)", ColTarget},
		{"2021年目标", ColTarget},
		{"2022年计划", ColTarget},
		{"2021年预计", ColNone},
		{"全年实绩", ColActual},
		{"1-6月完成", ColActual},
		{"上半年完成", ColActual},
		{"前三季度完成", ColActual},
		{"1-6月实绩", ColActual},
		{"完成进度", ColNote},
		{"1-9月", ColActual},
		{"2023年1-6月", ColActual},
		{"前三季度", ColActual},
		{"2023年", ColNone},
		{"重点工作任务", ColTask},
		{"主 要 工 作 任 务", ColTask},
		{"土地面积（亩）", ColArea},
		{"地区生产总值", ColNone},
		{"", ColNone},
	}
	for _, c := range cases {
		if got := ColumnOf(c.cell); got != c.want {
			t.Errorf("ColumnOf(%q) = %q, want %q", c.cell, got, c.want)
		}
	}
}
