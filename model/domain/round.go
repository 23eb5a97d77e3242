package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// A reporting round (填报): for one period the program writes each unit a
// workbook of its items, to fill and send back. The round is what those
// workbooks carry, so a return is recognised as belonging to it.

// Round is one reporting round of a plan.
type Round struct {
	ID        string // R1, R2 … within the plan
	Period    Period // the period asked for, e.g. 1-9月
	Due       string // 2023-10-10
	StartedBy string
	StartedAt time.Time
	Units     []RoundUnit // the units sent a workbook, in unit order
}

// RoundUnit is one unit's share of a round.
type RoundUnit struct {
	UnitID int64
	Items  int
}

// RowKey is the key a round's workbook carries for one of a unit's items:
// a digest of the round's secret, the round, the unit and the item, so a
// key altered, copied to another unit's workbook or to another item no
// longer matches.
func RowKey(secret, round string, unit int64, item string) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%d\x00%s", secret, round, unit, item)))
	return hex.EncodeToString(h[:8])
}

var reDue = regexp.MustCompile(`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$`)

// ParseDay reads a day as people write it — 2023-10-15, 2023/10/15,
// 2023.10.15, 2023年10月15日 — the forms ParseDue accepts, with no period
// to fall after: the day a round is judged at, say.
func ParseDay(s string) (time.Time, error) {
	m := reDue.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, fmt.Errorf("“%s”不是日期：请写作 2023-10-15 或 2023年10月15日", s)
	}
	d, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return time.Time{}, fmt.Errorf("“%s”不是有效日期：月为1-12，日不超过当月天数", s)
	}
	return d, nil
}

// ParseDue reads a due date as people write it (2023-10-10, 2023年10月10日)
// into 2023-10-10; it must fall after the end of the period asked for.
func ParseDue(s string, p Period) (string, error) {
	m := reDue.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", fmt.Errorf("截止日期“%s”无法识别：请写作 2023-10-10 或 2023年10月10日", s)
	}
	d, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return "", fmt.Errorf("截止日期“%s”不是有效日期", s)
	}
	end := time.Date(p.Year, time.Month(p.Month)+1, 1, 0, 0, 0, 0, time.UTC)
	if d.Before(end) {
		return "", fmt.Errorf("截止日期%s早于所填期间（%d年%s）结束：请写%s之后的日期", d.Format("2006-01-02"), p.Year, p.Label(), end.AddDate(0, 0, -1).Format("2006-01-02"))
	}
	return d.Format("2006-01-02"), nil
}

// unsafeInName are the characters Windows refuses in a file name.
var unsafeInName = strings.NewReplacer(`\`, "_", "/", "_", ":", "_", "*", "_", "?", "_", `"`, "_", "<", "_", ">", "_", "|", "_")

// RoundFileName is the workbook a unit is sent: 2023年1-9月_市商务局_填报.xlsx.
func RoundFileName(p Period, unitFull string) string {
	return fmt.Sprintf("%d年%s_%s_填报.xlsx", p.Year, p.Label(), unsafeInName.Replace(strings.TrimSpace(unitFull)))
}
