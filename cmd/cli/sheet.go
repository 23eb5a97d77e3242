package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// runImport reads figures from a spreadsheet: it prints the preview, and
// writes everything in one transaction only when no row has a problem
// (and, for corrections of recorded figures, only with --overwrite).
func runImport(env Env, st *store.Store, a args) error {
	by, _, err := begin(env, st, a, 1, "一个文件名", -1)
	if err != nil {
		return err
	}
	file := a.pos[0]
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("无法读取“%s”：%w", file, err)
	}
	tables, err := sheet.Read(file, data)
	if err != nil {
		return err
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	locked, err := st.LockedPeriods()
	if err != nil {
		return err
	}
	p, err := sheet.Plan(r, tables, filepath.Base(file), locked)
	var noHeader *sheet.HeaderError
	if errors.As(err, &noHeader) {
		return fmt.Errorf("%w（可用 planreview template 生成填报模板）", err)
	}
	if err != nil {
		return err
	}
	printPreview(env, p)
	problems := p.Problems()
	if len(problems) > 0 {
		return fmt.Errorf("有%d处问题，未导入任何数据：\n%s", len(problems), strings.Join(problems, "\n"))
	}
	if n := p.Count(sheet.Corrects); n > 0 && !a.has("overwrite") {
		return fmt.Errorf("有%d条与已录入的实际值不同（见上表“更正”）；确认要以文件为准时加 --overwrite，未导入任何数据", n)
	}
	writes := p.Writes()
	if a.has("dry-run") {
		fmt.Fprintf(env.Stdout, "试导入：没有问题，将写入%d条（未写入）。\n", len(writes))
		return nil
	}
	if len(writes) == 0 {
		fmt.Fprintln(env.Stdout, "文件中的数据与已录入的一致，没有需要导入的内容。")
		return nil
	}
	rows := p.Imports()
	if err := st.ImportActuals(rows, filepath.Base(file), by); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已导入：新增%d条，更正%d条（工作表“%s”）。修改记录中注明“导入自 %s”。\n",
		p.Count(sheet.New), p.Count(sheet.Corrects), p.Sheet, filepath.Base(file))
	return nil
}

func printPreview(env Env, p sheet.Preview) {
	w := env.Stdout
	fmt.Fprintf(w, "文件：%s　工作表：%s　表头在第%d行，数据%d行\n", p.File, p.Sheet, p.HeaderRow, len(p.Rows))
	fmt.Fprintf(w, "%s %s %s %s %s %s %s\n", cjk.Pad("行", 5), cjk.Pad("编号", 7), cjk.Pad("名称", 24), cjk.Pad("期间", 7),
		cjk.Pad("数值", 14), cjk.Pad("变化", 32), "将得状态")
	for _, r := range p.Rows {
		change := map[sheet.Change]string{sheet.New: "新增", sheet.Same: "无变化", sheet.Corrects: "更正：" + r.Old + " → " + r.Shown}[r.Change]
		status := r.Status.Label
		if len(r.Problems) > 0 {
			change, status = "有问题", strings.Join(r.Problems, "；")
		}
		period := ""
		if !r.Actual.Period.IsZero() {
			period = r.Actual.Period.Label()
		}
		fmt.Fprintf(w, "%s %s %s %s %s %s %s\n", cjk.Pad(fmt.Sprint(r.Line), 5), cjk.Pad(r.ItemID, 7), cjk.Pad(r.ItemName, 24),
			cjk.Pad(period, 7), cjk.Pad(r.Shown, 14), cjk.Pad(change, 32), status)
	}
}

func runTemplate(env Env, st *store.Store, a args) error {
	return writeWorkbook(env, a, func() ([]byte, error) { return sheet.Template(st.Plan()) }, "已生成填报模板：%s\n")
}

// writeWorkbook writes a workbook the plan alone decides (the templates)
// to the .xlsx named by -o, through a temporary file so a failure leaves
// no half file; done is the message, with %s for the file.
func writeWorkbook(env Env, a args, build func() ([]byte, error), done string) error {
	out := a.get("o")
	if out == "" || !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return usage("请用 -o 指定 .xlsx 文件名")
	}
	data, err := build()
	if err != nil {
		return err
	}
	if err := store.WriteFileAtomic(out, data); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, done, out)
	return nil
}

func runExportXLSX(env Env, st *store.Store, a args) error {
	out := a.get("o")
	if out == "" || !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return usage("请用 -o 指定 .xlsx 文件名")
	}
	p, err := asOf(st, a)
	if err != nil {
		return err
	}
	r, notes, err := reviewWithNotes(st)
	if err != nil {
		return err
	}
	data, err := sheet.Export(r, notes, p)
	if err != nil {
		return err
	}
	if err := store.WriteFileAtomic(out, data); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已导出工作簿：%s（截至%s）\n", out, p.Label())
	return nil
}
