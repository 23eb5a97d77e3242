package domain

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Period is a cumulative reporting period of the plan year: January through
// Month, as Chinese statistics publish figures (1-9月 is January to
// September, not September alone).
type Period struct {
	Year  int
	Month int // 1..12
}

// String gives the canonical form stored in the database and typed on the
// command line, e.g. "2023-09".
func (p Period) String() string { return fmt.Sprintf("%04d-%02d", p.Year, p.Month) }

// IsZero reports whether p is the zero Period (no period).
func (p Period) IsZero() bool { return p.Month == 0 }

// Before reports whether p ends before q.
func (p Period) Before(q Period) bool {
	if p.Year != q.Year {
		return p.Year < q.Year
	}
	return p.Month < q.Month
}

// Label is the Chinese name of the period: 1-9月, with the customary name of
// a quarter end appended (一季度, 上半年, 前三季度, 全年).
func (p Period) Label() string {
	if p.Month == 1 {
		return "1月"
	}
	return fmt.Sprintf("1-%d月", p.Month)
}

// Name is the customary name when there is one (前三季度), else the label.
func (p Period) Name() string {
	switch p.Month {
	case 3:
		return "一季度"
	case 6:
		return "上半年"
	case 9:
		return "前三季度"
	case 12:
		return "全年"
	}
	return p.Label()
}

// ElapsedShare is the share of the year that has passed at the end of the
// period, the basis of 序时进度.
func (p Period) ElapsedShare() float64 { return float64(p.Month) / 12 }

// PeriodFormatsHelp lists the accepted period spellings for error messages.
const PeriodFormatsHelp = "可用格式：2023-09、1-9月、2023年1-9月、9月、一季度、上半年、前三季度、全年"

var (
	rePeriodISO   = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})$`)
	rePeriodRange = regexp.MustCompile(`^(?:(\d{4})年)?(?:1[-~至到]|一至)?(\d{1,2})月(?:份)?(?:末)?$`)
	rePeriodYear  = regexp.MustCompile(`^(?:(\d{4})年)?(?:全年|年度|1[-~至到]12月)$`)
	rePeriodLead  = regexp.MustCompile(`^(\d{4})年(.+)$`)
)

var periodWords = map[string]int{
	"一季度": 3, "第一季度": 3, "1季度": 3, "Q1": 3, "一季度末": 3,
	"上半年": 6, "1-6月": 6, "二季度末": 6,
	"前三季度": 9, "前3季度": 9, "三季度末": 9, "Q3": 9,
	"全年": 12, "年度": 12, "四季度末": 12, "年末": 12,
}

// ParsePeriod reads a period as a reviewer types it, in the given plan year.
// A year written in the text must be the plan year. Single quarters
// (二季度, 三季度) are refused: figures are cumulative, so the reviewer is
// asked for 上半年 or 前三季度 instead of being silently guessed at.
func ParsePeriod(s string, planYear int) (Period, error) {
	raw := s
	s = normalizeWidth(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, " ", "")
	s = strings.NewReplacer("—", "-", "–", "-", "－", "-", "～", "~").Replace(s)
	if s == "" {
		return Period{}, fmt.Errorf("期间为空：%s", PeriodFormatsHelp)
	}
	year, month := planYear, 0
	yearOf := func(y string) error {
		if y == "" {
			return nil
		}
		n, _ := strconv.Atoi(y)
		year = n
		return nil
	}
	rest := s
	// A leading 2023年 may precede a quarter word: 2023年前三季度.
	if m := rePeriodLead.FindStringSubmatch(s); m != nil {
		if _, ok := periodWords[m[2]]; ok {
			_ = yearOf(m[1])
			rest = m[2]
		}
	}
	if n, ok := periodWords[rest]; ok {
		month = n
	} else if m := rePeriodISO.FindStringSubmatch(s); m != nil {
		_ = yearOf(m[1])
		month, _ = strconv.Atoi(m[2])
	} else if m := rePeriodYear.FindStringSubmatch(s); m != nil {
		_ = yearOf(m[1])
		month = 12
	} else if m := rePeriodRange.FindStringSubmatch(s); m != nil {
		_ = yearOf(m[1])
		month, _ = strconv.Atoi(m[2])
	} else {
		switch rest {
		case "二季度", "第二季度", "三季度", "第三季度", "四季度", "第四季度":
			return Period{}, fmt.Errorf("期间“%s”指单个季度；实际值按年内累计填报，请用 上半年、前三季度 或 全年", raw)
		}
		return Period{}, fmt.Errorf("期间“%s”无法识别，%s", raw, PeriodFormatsHelp)
	}
	if month < 1 || month > 12 {
		return Period{}, fmt.Errorf("期间“%s”的月份应在1到12之间", raw)
	}
	if year != planYear {
		return Period{}, fmt.Errorf("期间“%s”不在计划年度%d年内", raw, planYear)
	}
	return Period{Year: year, Month: month}, nil
}
