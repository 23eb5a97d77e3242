package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/model/store"
)

// A review may be saved half done as a draft file (plantable.DraftFile,
// the JSON `plan draft --json` writes and `plan import DRAFT.json` takes)
// and opened again through 从文件起草…: nothing the reviewer settled is
// lost by closing the window, and the quotes stay tied to the document's
// text, which the file carries.

// draftFileExt is a saved draft's extension.
const draftFileExt = ".json"

// saveDraftFile asks where to save the review's draft and writes it;
// saved is called once it is written.
func (u *UI) saveDraftFile(f plantable.DraftFile, saved func()) {
	base := strings.TrimSuffix(f.Source.File, filepath.Ext(f.Source.File))
	req := fileRequest{title: tr("保存草稿"), folder: u.prefs.String(prefDraftFolder), name: base + tr("（草稿）") + draftFileExt,
		kind: tr("计划草稿（JSON）"), exts: []string{draftFileExt}}
	u.files.save(req, func(path string) {
		path = withExt(path, draftFileExt)
		u.prefs.SetString(prefDraftFolder, filepath.Dir(path))
		data, err := f.Marshal()
		if err == nil {
			err = store.WriteFileAtomic(path, data)
		}
		if err != nil {
			u.showError(fmt.Errorf("%s%w", trf("草稿未能保存到“{{.File}}”：", "File", path), err))
			return
		}
		saved()
		u.say(trf("草稿已保存：{{.P}}（可用“从文件起草…”再打开继续审阅）", "P", path))
	})
}

// reviewDraftFileJSON opens the review of a draft saved before; nil when
// the file is no draft or does not read (the error is shown, naming the
// item and field).
func (u *UI) reviewDraftFileJSON(path string, data []byte) *draftReview {
	f, err := plantable.ReadDraftFile(data)
	if err != nil {
		u.showError(fmt.Errorf("“%s”：%w", filepath.Base(path), err))
		return nil
	}
	d, err := f.Draft()
	if err != nil {
		u.showError(fmt.Errorf("“%s”：%w", filepath.Base(path), err))
		return nil
	}
	for i := range d.Items { // messages name the document as drafting did
		d.Items[i].Sheet = d.File
	}
	return u.reviewDraft(d, f.Source)
}

// draftFile is the review's draft as a file, for the year the document
// names (0 leaves the items' IDs to the year given at confirming).
func (r *draftReview) draftFile() plantable.DraftFile {
	src := r.src
	src.Kind, src.Year = r.draft.Genre, r.draft.Year
	return plantable.NewDraftFile(r.draft, src, r.draft.Year)
}
