package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/briefcheck"
)

// verifyBrief asks for a brief (PDF or Word) and checks it against the
// data of the plan shown (简报核验…).
func (u *UI) verifyBrief() {
	u.files.open(fileRequest{title: tr("选择要核验的简报"), kind: tr("简报（PDF或Word）"), exts: []string{".pdf", ".docx"}},
		func(path string) { u.showVerification(path) })
}

// showVerification checks the brief at path and shows the outcome: 与当前
// 数据一致, or the items changed since with who changed them and when.
// It returns the text shown, for tests.
func (u *UI) showVerification(path string) string {
	then, err := briefcheck.ReadFile(path)
	if err != nil {
		u.showError(err)
		return err.Error()
	}
	v, err := briefcheck.Verify(u.st, then)
	var other *briefcheck.OtherPlanError
	if errors.As(err, &other) {
		u.showError(errors.New(trf("简报属于计划“{{.P}}”，不是当前打开的计划；请先在“计划”中切换到该计划再核验", "P", other.PlanID)))
		return err.Error()
	}
	if err != nil {
		u.showError(err)
		return err.Error()
	}
	text := v.Text()
	label := wrapLabel(text)
	label.Importance = widget.SuccessImportance
	title := tr("简报与当前数据一致")
	if !v.Same() {
		label.Importance = widget.WarningImportance
		title = tr("简报与当前数据不一致")
	}
	u.say(title)
	d := dialog.NewCustom(title, tr("关闭"), container.NewVScroll(label), u.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
	return text
}
