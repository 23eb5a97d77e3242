package domain

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Number is a value as a reviewer typed it, before it is fitted to an
// item's unit.
type Number struct {
	Value      float64 // the digits, with 万/亿 applied: "1.2万" is 12000
	Percent    bool    // written with % (or ％)
	Permille   bool    // written with ‰
	Multiplier float64 // 1, 1e4 for 万, 1e8 for 亿
}

// ValueFormatsHelp says what ParseNumber accepts, for error messages.
const ValueFormatsHelp = "请输入数字，如 6.3、6.3%、-0.4、1.2万（全角数字也可）"

var reNumber = regexp.MustCompile(`^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%|‰|万|亿)?$`)

// normalizeWidth folds full-width ASCII forms (６．３％) to their ASCII
// twins and the ideographic space to a space, so Chinese input methods in
// full-width mode give the same result as half-width typing.
func normalizeWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFF01 - 0x21
		case r == 0x3000:
			r = ' '
		case r == '−' || r == '–': // minus sign and en dash typed for a minus
			r = '-'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ParseNumber reads a value typed by a reviewer: 6.3, 6.3%, ６．３,
// -0.4, 1.2万, 1,234. Anything else (letters, two numbers, exponents, an
// empty field) is refused with a message saying what is accepted.
func ParseNumber(s string) (Number, error) {
	t := strings.ReplaceAll(normalizeWidth(strings.TrimSpace(s)), " ", "")
	if t == "" {
		return Number{}, fmt.Errorf("实际值为空：%s", ValueFormatsHelp)
	}
	m := reNumber.FindStringSubmatch(t)
	if m == nil {
		return Number{}, fmt.Errorf("实际值“%s”无法识别：%s", s, ValueFormatsHelp)
	}
	digits := strings.ReplaceAll(m[2], ",", "")
	if m[3] != "" {
		digits += "." + m[3]
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil || math.IsInf(v, 0) || v > 1e15 {
		return Number{}, fmt.Errorf("实际值“%s”超出可记录的范围", s)
	}
	if m[1] == "-" {
		v = -v
	}
	n := Number{Value: v, Multiplier: 1}
	switch m[4] {
	case "%":
		n.Percent = true
	case "‰":
		n.Permille = true
	case "万":
		n.Multiplier = 1e4
	case "亿":
		n.Multiplier = 1e8
	}
	n.Value *= n.Multiplier
	return n, nil
}

// ParseActual reads a value typed for an item whose target is t, and gives
// it in the target's written unit (for a 万人 target, "11" and "11万" are
// both 11). A percent sign on a count, or ‰ where % is meant, is refused.
func ParseActual(s string, t Target) (float64, error) {
	n, err := ParseNumber(s)
	if err != nil {
		return 0, err
	}
	unit := t.Unit
	switch {
	case n.Percent && unit != "%" && unit != "‰":
		return 0, fmt.Errorf("实际值“%s”带有%%，但该项的单位是“%s”：%s", s, unit, ValueFormatsHelp)
	case n.Permille && unit != "‰":
		return 0, fmt.Errorf("实际值“%s”带有‰，但该项的单位是“%s”", s, displayUnit(unit))
	case n.Percent && unit == "‰":
		return 0, fmt.Errorf("实际值“%s”带有%%，但该项以‰计", s)
	case (n.Percent || n.Permille) && n.Multiplier != 1:
		return 0, fmt.Errorf("实际值“%s”无法识别：%s", s, ValueFormatsHelp)
	}
	if n.Multiplier != 1 {
		if t.Multiplier == 0 || unit == "%" || unit == "‰" || unit == "个百分点" {
			return 0, fmt.Errorf("实际值“%s”带有“万/亿”，但该项的单位是“%s”", s, displayUnit(unit))
		}
		return n.Value / t.Multiplier, nil
	}
	return n.Value, nil
}

func displayUnit(u string) string {
	if u == "" {
		return "无单位"
	}
	return u
}
