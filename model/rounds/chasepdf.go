package rounds

import (
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
)

// ChaseList turns a round's status rows into the 催报清单 the PDF draws:
// each unit with items not returned, its missing items in plan order, and
// how many days past the due date it is as of asOf. Units with every item
// in are left out. workbook names the 催报清单 workbook the page refers
// to for items it cannot hold (empty: the words alone).
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
			if !r.Returned() {
				cu.Missing = append(cu.Missing, brief.ChaseItem{ID: r.ItemID, Name: r.Name})
			}
		}
		if len(cu.Missing) > 0 {
			c.Units = append(c.Units, cu)
		}
	}
	return c, nil
}

// ChasePDF is the 催报清单 as a one-page PDF (pdf.RenderChaseList): the
// one call the command line and the window's round view make. The
// report's Omitted counts items the page could not name; they are in the
// workbook ChaseWorkbook writes, which the page names.
func ChasePDF(planTitle string, round domain.Round, asOf time.Time, units []UnitRow, workbook string) ([]byte, pdf.Report, error) {
	c, err := ChaseList(planTitle, round, asOf, units, workbook)
	if err != nil {
		return nil, pdf.Report{}, err
	}
	return pdf.RenderChaseList(c)
}
