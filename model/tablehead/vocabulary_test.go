package tablehead

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
		// What a plan workbook (plantable's template and export) heads.
		{"主要任务", ColTask},
		{"名称", ColName},
		{"牵头责任单位", ColOwner},
		{"指标类别", ColCategory},
		{"原文/备注", ColNote},
		{"面积（亩）", ColArea},
		{"东至", ColEast},
		{"时限", ColDeadline},
		{"", ColNone},
	}
	for _, c := range cases {
		if got := ColumnOf(c.cell); got != c.want {
			t.Errorf("ColumnOf(%q) = %q, want %q", c.cell, got, c.want)
		}
	}
}

// TestHeadingReadsBack: every column's heading is read back as that
// column, so a table renamed by Heading loses nothing.
func TestHeadingReadsBack(t *testing.T) {
	for c := range headings {
		if got := ColumnOf(c.Heading()); got != c {
			t.Errorf("ColumnOf(%q) = %q, want %q", c.Heading(), got, c)
		}
	}
	if h := ColNone.Heading(); h != "" {
		t.Errorf("ColNone.Heading() = %q, want empty", h)
	}
}
