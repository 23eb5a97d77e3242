package sheet

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// The workbook of a reporting round, one per unit: a cover sheet that says
// in plain Chinese what to fill and by when, the 填报 sheet of the unit's
// items with only the cells to fill unlocked, and a hidden 回执信息 sheet
// with the round, plan, unit and each row's key, by which a return is
// recognised even when rows were re-sorted or a name edited.

// Sheet names of a round workbook; collecting reads them back.
const (
	RoundCoverSheet = "填报说明"
	RoundFillSheet  = "填报"
	RoundKeySheet   = "回执信息"
)

// RoundFillColumns are the 填报 sheet's columns; the last five are filled
// by the unit.
var RoundFillColumns = []string{"编号", "名称", "本单位职责", "预期目标（原文）", "最新实际值", "当前状态", "序时进度",
	"实际值", "进展情况", "来源", "填报人", "联系电话"}

// RoundSheet is what one unit's workbook holds.
type RoundSheet struct {
	PlanID, PlanTitle string
	RoundID           string
	Period            domain.Period
	Due               string
	UnitID            int64
	UnitFull          string
	Rows              []RoundRow
}

// RoundRow is one item of the unit's.
type RoundRow struct {
	Key      string
	ID       string
	Name     string
	Role     string // 牵头 or 协办
	Target   string
	Last     string // the latest recorded figure with its period, or —
	Status   string // through Review.Status
	Schedule string // 序时进度 where it applies, else —
	Hint     string // what the 实际值 cell takes (单位, or 已完成/推进中/未完成)
}

// RoundWorkbook writes one unit's workbook of a round.
func RoundWorkbook(rs RoundSheet) ([]byte, error) {
	w, err := newWorkbook()
	if err != nil {
		return nil, err
	}
	if err := roundCover(w, rs); err != nil {
		return nil, err
	}
	if err := roundFill(w, rs); err != nil {
		return nil, err
	}
	if err := roundKeys(w, rs); err != nil {
		return nil, err
	}
	return w.bytes()
}

// protect locks a sheet against edits except its unlocked cells. The
// password only stops slips: anyone may unprotect a sheet, which is why
// the row keys, not the protection, decide what a return may change.
func protect(f *excelize.File, sheet string) error {
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{Password: "planreview", SelectLockedCells: true,
		SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

func roundCover(w *workbook, rs RoundSheet) error {
	name := RoundCoverSheet
	if _, err := w.f.NewSheet(name); err != nil {
		return err
	}
	w.begin()
	title, err := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "等线", Size: 16, Bold: true}})
	if err != nil {
		return err
	}
	lines := []string{
		fmt.Sprintf("%s——%d年%s执行情况填报", rs.PlanTitle, rs.Period.Year, rs.Period.Label()),
		"",
		"填报单位：" + rs.UnitFull,
		fmt.Sprintf("填报期间：%d年%s", rs.Period.Year, rs.Period.Label()),
		"报送截止：" + rs.Due,
		fmt.Sprintf("本表共%d项，为本单位牵头或协办的项目。", len(rs.Rows)),
		"",
		"怎么填：",
		"1. 打开“填报”表，每行一个项目；只需填写白色的五列：实际值、进展情况、来源、填报人、联系电话。",
		"2. 实际值填数字，单位与“预期目标”一列相同（如目标为“增长6%”，填 5.8 或 5.8%；目标为“新增1万人”，填 0.85万人 或 8500人）；",
		"   重点事项（目标为完成某项工作）填：已完成、推进中 或 未完成。不要填公式。",
		"3. 进展情况用一两句话写明进度、存在问题；来源写数据出处（如 市统计局月报）。",
		"4. 协办单位也请填写所掌握的情况；暂无数据的项目留空即可，牵头单位已报送的项目不再催报。",
		// The 填报 sheet is protected with locked cells: Excel and WPS
		// cannot sort it, so the sheet must not promise that rows can be
		// reordered.
		"5. 只填白色单元格；灰色单元格、表名和隐藏的“回执信息”表请勿修改；不要增加、删除行，也不要调整行的顺序或排序（表格已保护）。",
		"6. 填好后保存为 .xlsx 文件（用 Excel 或 WPS 均可），在截止日期前发回。",
		"",
		fmt.Sprintf("（本表由计划审阅程序生成，填报轮次 %s。）", rs.RoundID),
	}
	for i, l := range lines {
		w.f.SetCellValue(name, fmt.Sprintf("A%d", i+1), l)
	}
	w.f.SetCellStyle(name, "A1", "A1", title)
	w.f.SetColWidth(name, "A", "A", 120)
	return protect(w.f, name)
}

func roundFill(w *workbook, rs RoundSheet) error {
	name := RoundFillSheet
	widths := []float64{10, 32, 10, 24, 18, 14, 22, 14, 36, 18, 10, 14}
	if err := w.sheet(name, RoundFillColumns, widths); err != nil {
		return err
	}
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	locked, err := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "等线", Size: 11}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEEEEE"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: &excelize.Protection{Locked: true}})
	if err != nil {
		return err
	}
	open, err := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "等线", Size: 11}, Border: border,
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		return err
	}
	for i, r := range rs.Rows {
		row := i + 2
		vals := []any{r.ID, r.Name, r.Role, r.Target, r.Last, r.Status, r.Schedule}
		if err := w.f.SetSheetRow(name, fmt.Sprintf("A%d", row), &vals); err != nil {
			return err
		}
		w.f.SetCellStyle(name, fmt.Sprintf("A%d", row), fmt.Sprintf("G%d", row), locked)
		w.f.SetCellStyle(name, fmt.Sprintf("H%d", row), fmt.Sprintf("L%d", row), open)
		if r.Hint != "" {
			cell := fmt.Sprintf("H%d", row)
			dv := excelize.NewDataValidation(true)
			dv.Sqref = cell
			dv.SetInput("实际值", r.Hint)
			if err := w.f.AddDataValidation(name, dv); err != nil {
				return err
			}
		}
	}
	return protect(w.f, name)
}

func roundKeys(w *workbook, rs RoundSheet) error {
	name := RoundKeySheet
	if _, err := w.f.NewSheet(name); err != nil {
		return err
	}
	head := [][]any{
		{"轮次", rs.RoundID},
		{"计划", rs.PlanID},
		{"单位编号", rs.UnitID},
		{"单位", rs.UnitFull},
		{"期间", rs.Period.String()},
		{"截止", rs.Due},
		{"编号", "行键"},
	}
	for i, vals := range head {
		if err := w.f.SetSheetRow(name, fmt.Sprintf("A%d", i+1), &vals); err != nil {
			return err
		}
	}
	for i, r := range rs.Rows {
		vals := []any{r.ID, r.Key}
		if err := w.f.SetSheetRow(name, fmt.Sprintf("A%d", len(head)+i+1), &vals); err != nil {
			return err
		}
	}
	// The 填报 sheet carries each row's key too, in a hidden column, so a
	// row re-sorted keeps its key beside it.
	for i, r := range rs.Rows {
		w.f.SetCellValue(RoundFillSheet, fmt.Sprintf("M%d", i+2), r.Key)
	}
	w.f.SetCellValue(RoundFillSheet, "M1", "行键")
	w.f.SetColVisible(RoundFillSheet, "M", false)
	if err := protect(w.f, name); err != nil {
		return err
	}
	return w.f.SetSheetVisible(name, false, true)
}

// RoundFile is one unit's workbook of a round, named as it is sent.
type RoundFile struct {
	Name  string // 2023年1-9月_市商务局_填报.xlsx
	Data  []byte
	Items int
}

// RoundFiles makes every unit's workbook of a planned round: its items'
// latest figure and status at the round's period, through the one status
// function, and 序时进度 for a cumulative item during the year.
func RoundFiles(r *domain.Review, rp store.RoundPlan) ([]RoundFile, error) {
	plan := r.Plan
	p := rp.Round.Period
	var out []RoundFile
	for _, pack := range rp.Packs {
		rs := RoundSheet{PlanID: plan.ID, PlanTitle: plan.Title, RoundID: rp.Round.ID, Period: p, Due: rp.Round.Due,
			UnitID: pack.Unit.ID, UnitFull: pack.Unit.Full}
		for _, ri := range pack.Items {
			it := ri.Item
			row := RoundRow{Key: ri.Key, ID: it.ID, Name: it.DisplayName(), Role: "协办", Target: domain.TargetWords(it),
				Last: "—", Schedule: "—"}
			if ri.Role == domain.RoleLead {
				row.Role = "牵头"
			}
			if a, ok := r.Latest(it, p); ok {
				row.Last = r.FigureOf(it, a) + "（" + a.Period.Label() + "）"
			}
			row.Status = r.Status(it, p).Label
			if it.Kind == domain.KindMilestone {
				row.Hint = "填：已完成、推进中 或 未完成"
			} else if it.Target.Unit != "" {
				row.Hint = "单位：" + it.Target.Unit
			}
			if t, ok, _ := r.EffectiveTarget(it); ok && it.Measure == domain.Cumulative && p.Month < 12 && t.HasValue() && t.Value > 0 {
				share := p.ElapsedShare()
				row.Schedule = fmt.Sprintf("%s%%（应达%s%s）", domain.FormatNumber(share*100), domain.FormatNumber(t.Value*share), t.Unit)
			}
			rs.Rows = append(rs.Rows, row)
		}
		data, err := RoundWorkbook(rs)
		if err != nil {
			return nil, err
		}
		out = append(out, RoundFile{Name: domain.RoundFileName(p, pack.Unit.Full), Data: data, Items: len(rs.Rows)})
	}
	return out, nil
}
