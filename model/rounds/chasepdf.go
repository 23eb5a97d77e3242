package rounds

import (
	"path/filepath"
	"strings"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

// ChaseList turns a round's status rows into the 催报清单 the PDF draws:
// each unit with items not returned, its missing items in plan order, and
// how many days past the due date it is as of asOf. Units with every item
// in are left out. workbook names the 催报清单 workbook the page refers
// to for items it cannot hold (empty: the words alone). An item that
// came back with words only carries the note 未填实际值: the clerk asks
// for the figure, not for the return.
func ChaseList(planTitle string, round domain.Round, asOf time.Time, units []UnitRow, workbook string) (brief.ChaseList, error) {
	due, err := DueDate(round)
	if err != nil {
		return brief.ChaseList{}, err
	}
	c := brief.ChaseList{Plan: planTitle, Round: round.ID, Period: round.Period, Due: due, AsOf: asOf, Workbook: workbook}
	days := domain.DaysOverdue(due, asOf)
	for _, u := range units {
		cu := brief.ChaseUnit{Unit: u.Unit, DaysOverdue: days, Person: u.Person, Phone: u.Phone}
		for _, r := range u.Rows {
			if r.Owed() {
				it := brief.ChaseItem{ID: r.ItemID, Name: r.Name}
				if r.TextOnly {
					it.Note = brief.ChaseNoFigure
				}
				cu.Missing = append(cu.Missing, it)
			}
		}
		if len(cu.Missing) > 0 {
			c.Units = append(c.Units, cu)
		}
	}
	return c, nil
}

// ChasePDF is the 催报清单 as a one-page PDF (pdf.RenderChaseList). The
// report's Omitted counts items the page could not name; they are in the
// workbook ChaseWorkbook writes, which the page names.
func ChasePDF(planTitle string, round domain.Round, asOf time.Time, units []UnitRow, workbook string) ([]byte, pdf.Report, error) {
	c, err := ChaseList(planTitle, round, asOf, units, workbook)
	if err != nil {
		return nil, pdf.Report{}, err
	}
	return pdf.RenderChaseList(c)
}

// ChaseWritten is what WriteChasePDF wrote beside the PDF.
type ChaseWritten struct {
	pdf.Report
	// Book is the workbook written beside the PDF for the items the page
	// could not name (empty: none was needed). Renamed tells that a file
	// of the PDF's name with .xlsx was already there and was kept: Book
	// is 名（2）.xlsx or the like.
	Book    string
	Renamed bool
}

// WriteChasePDF writes the 催报清单 PDF at path: the one call the command
// line and the window's round view make. When the page cannot name every
// missing item it refers to the workbook, written beside it under the
// PDF's name with .xlsx so the reference is never to a missing file. A
// workbook already there — likely the clerk's, with 联系人 and 催报情况
// typed in — is never replaced: a free name is chosen before the page is
// drawn, so the page names the file actually written.
func WriteChasePDF(planTitle string, round domain.Round, asOf time.Time, units []UnitRow, path string) (ChaseWritten, error) {
	want := strings.TrimSuffix(path, filepath.Ext(path)) + ".xlsx"
	book, err := store.FreeName(want)
	if err != nil {
		return ChaseWritten{}, err
	}
	data, rep, err := ChasePDF(planTitle, round, asOf, units, filepath.Base(book))
	if err != nil {
		return ChaseWritten{}, err
	}
	if err := store.WriteFileAtomic(path, data); err != nil {
		return ChaseWritten{}, err
	}
	w := ChaseWritten{Report: rep}
	if rep.Omitted == 0 {
		return w, nil
	}
	xlsx, err := ChaseWorkbook(round, asOf, units)
	if err != nil {
		return ChaseWritten{}, err
	}
	if err := store.WriteFileAtomic(book, xlsx); err != nil {
		return ChaseWritten{}, err
	}
	w.Book, w.Renamed = book, book != want
	return w, nil
}
