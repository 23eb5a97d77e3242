package rounds

import (
	"fmt"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
)

// Foreseeing a batch: the files of one batch are previewed against the
// figures recorded before it, but written one after another, so a file's
// figure new to the database may meet one an earlier file of the batch
// records for the same item and period. The write then holds it for the
// reviewer if it differs (or, with Overwrite, records it over the
// earlier one), and counts it as returned if it agrees. The Checker keeps
// what each accepted file would record, so that a later file's preview
// says so — the same rule for `round collect` (its dry run too) and the
// window's 导入回执.

// Earlier is a figure an earlier file of the batch records for an item
// and period.
type Earlier struct {
	Unit  domain.Unit
	File  string
	Shown string // the figure in words: 增长6.5%
	// Same says the row agrees with it: counted as returned, nothing
	// held or written.
	Same bool
}

// batchKey is an item's figure for a period.
type batchKey struct {
	item   string
	period domain.Period
}

// batchFigure is what an accepted file of the batch records.
type batchFigure struct {
	Earlier
	actual domain.Actual
}

// Earlier is the figure an earlier file of the batch records for the
// row's item and period, when the row's own figure is new to the
// database: the row is then not 新增 but held (or, Same, unchanged).
func (c Checked) Earlier(r sheet.Row) (Earlier, bool) {
	e, ok := c.earlier[r.Line]
	return e, ok
}

// BatchHeld counts the rows whose figure differs from the one an earlier
// file of the batch records: held for the reviewer when collected in
// Hold mode, recorded over it in Overwrite mode.
func (c Checked) BatchHeld() int {
	n := 0
	for _, e := range c.earlier {
		if !e.Same {
			n++
		}
	}
	return n
}

// BatchSame counts the rows whose figure agrees with an earlier file's.
func (c Checked) BatchSame() int {
	return len(c.earlier) - c.BatchHeld()
}

// WillWrite counts the figures collecting the file would record in the
// mode: new ones not met earlier in the batch, and in Overwrite mode the
// corrections and the ones differing from an earlier file's.
func (c Checked) WillWrite(mode Mode) int {
	if c.Preview == nil {
		return 0
	}
	n := c.Preview.Count(sheet.New) - len(c.earlier)
	if mode == Overwrite {
		n += c.Corrections() + c.BatchHeld()
	}
	return n
}

// WillHold counts the figures collecting the file would hold for the
// reviewer in the mode: none with Overwrite; else the corrections of a
// recorded figure and the ones differing from an earlier file's.
func (c Checked) WillHold(mode Mode) int {
	if mode == Overwrite {
		return 0
	}
	return c.Corrections() + c.BatchHeld()
}

// Settled is what Overwrite decides between two units of one batch: the
// later file's figure is recorded over the earlier file's.
type Settled struct {
	ItemID  string
	Earlier Earlier
	Unit    domain.Unit // the later file's unit
	Shown   string      // its figure
}

// String says it as the command line prints it: A1-01：市发展改革委填报
// 增长6.5%，市统计局填报增长6.3%，二者不同，以后收取的市统计局为准.
func (s Settled) String() string {
	return fmt.Sprintf("%s：%s填报%s，%s填报%s，二者不同，以后收取的%s为准", s.ItemID, s.Earlier.Unit.Full, s.Earlier.Shown,
		s.Unit.Full, s.Shown, s.Unit.Full)
}

// Settles lists the rows that, collected in the mode, are recorded over
// an earlier file's differing figure (Overwrite only), in the file's
// order.
func (c Checked) Settles(mode Mode) []Settled {
	if c.Preview == nil || mode != Overwrite {
		return nil
	}
	var out []Settled
	for _, r := range c.Preview.Rows {
		if e, ok := c.earlier[r.Line]; ok && !e.Same {
			out = append(out, Settled{ItemID: r.ItemID, Earlier: e, Unit: c.Unit, Shown: r.Shown})
		}
	}
	return out
}

// foresee marks c's rows that meet a figure an earlier accepted file of
// the batch records, then adds c's own new figures for the files after
// it. The first file to report an item's figure is the one the others
// are compared with, as the write does.
func (k *Checker) foresee(c *Checked) {
	if c.Refused != nil || c.Preview == nil {
		return
	}
	if k.batch == nil {
		k.batch = map[batchKey]batchFigure{}
	}
	for _, r := range c.Preview.Rows {
		if r.Change != sheet.New || r.Text == "" {
			continue
		}
		key := batchKey{r.Actual.ItemID, r.Actual.Period}
		if f, ok := k.batch[key]; ok {
			e := f.Earlier
			e.Same = domain.SameFigure(f.actual, r.Actual)
			if c.earlier == nil {
				c.earlier = map[int]Earlier{}
			}
			c.earlier[r.Line] = e
			continue
		}
		k.batch[key] = batchFigure{Earlier: Earlier{Unit: c.Unit, File: c.File, Shown: r.Shown}, actual: r.Actual}
	}
}

// progressProblems checks each filled row's 进展情况 against the length a
// note may have, so that a dry run refuses what the write would.
func progressProblems(ret sheet.Return) []string {
	var problems []string
	for _, r := range ret.Rows {
		if err := domain.CheckLength("“进展情况”", strings.TrimSpace(r.Progress), domain.MaxNote); err != nil {
			problems = append(problems, fmt.Sprintf("第%d行%v：请压缩后再交", r.Line, err))
		}
	}
	return problems
}
