package ui

import (
	"path/filepath"
	"strings"

	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/store"
)

// The round view's 催报清单: the workbook and the one-page PDF.

// chaseFileName is the 催报清单's suggested name: 催报清单_R2_2023年1-9月.xlsx.
func (v *roundView) chaseFileName() string {
	return trf("催报清单_{{.R}}_{{.Y}}年{{.P}}.xlsx", "R", v.round.ID, "Y", v.round.Period.Year, "P", periodLabel(v.round.Period))
}

// exportChase saves the 催报清单 workbook of the items still missing.
func (v *roundView) exportChase() {
	round, asOf, units := v.round, v.asOf, v.units
	v.hooks.saveChase(v.chaseFileName(), func(path string) error {
		data, err := rounds.ChaseWorkbook(round, asOf, units)
		if err != nil {
			return err
		}
		return store.WriteFileAtomic(path, data)
	})
}

// exportChasePDF saves the 催报清单 as the one-page PDF to print or send,
// as `round status -o 催报清单.pdf` does (rounds.WriteChasePDF): when the
// page cannot name every missing item it refers to the workbook, written
// beside it — under a free name when one of the PDF's name is there
// already, since that is likely the clerk's filled-in 催报清单, saved
// from this view under the same default stem. The message names the
// workbook written and any character the font lacks, with its unit.
func (v *roundView) exportChasePDF() {
	round, asOf, units, title := v.round, v.asOf, v.units, v.hooks.planTitle
	name := strings.TrimSuffix(v.chaseFileName(), ".xlsx") + ".pdf"
	v.hooks.saveChasePDF(name, func(path string) (string, error) {
		w, err := rounds.WriteChasePDF(title, round, asOf, units, path)
		if err != nil {
			return "", err
		}
		var notes []string
		if w.Book != "" {
			notes = append(notes, trf("一页容纳不下全部未报项目，另有{{.N}}项只列在工作簿“{{.F}}”中", "N", w.Omitted, "F", filepath.Base(w.Book)))
			if w.Renamed {
				notes = append(notes, trf("同名工作簿已存在，未覆盖，另存为“{{.F}}”", "F", filepath.Base(w.Book)))
			}
		}
		for _, m := range w.Missing {
			notes = append(notes, trf("字体中没有“{{.C}}”（{{.W}}），清单中以〓代替", "C", string(m.Char), "W", m.Where))
		}
		return strings.Join(notes, tr("；")), nil
	})
}

// chooseSavePDF asks where to save a PDF and writes it there.
func (u *UI) chooseSavePDF(name string, write func(path string) (string, error)) {
	req := fileRequest{title: tr("保存PDF"), folder: u.prefs.String(prefSheetFolder), name: name,
		kind: tr("PDF 文件"), exts: []string{".pdf"}}
	u.files.save(req, func(path string) {
		path = withExt(path, ".pdf")
		u.prefs.SetString(prefSheetFolder, filepath.Dir(path))
		note, err := write(path)
		if err != nil {
			u.showError(err)
			return
		}
		msg := tr("已保存：") + path
		if note != "" {
			msg += tr("；") + note
		}
		u.say(msg)
	})
}
