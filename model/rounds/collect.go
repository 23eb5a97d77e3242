package rounds

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

// Collecting returns: each workbook is checked against the round it says
// it belongs to (Check), nothing written, so the reviewer sees what it
// would do; then the accepted ones are written (Collect), each file in
// its own transaction. A figure that differs from the one recorded for
// its item and period is not an error: it is held for the reviewer
// (store.Conflicts), unless the mode is Overwrite.

// Checked is one returned workbook as checked, before anything is
// written.
type Checked struct {
	File  string // the file's name, without its folder
	Unit  domain.Unit
	Round domain.Round // zero until the workbook's round is known
	Rows  int          // rows the unit filled
	// Preview is what each filled row would do (new, unchanged,
	// correction old → new) and the status it would give; nil when the
	// workbook was refused before its rows were read, or has none.
	Preview *sheet.Preview
	// Refused is the named reason nothing from this file can be written,
	// nil when it is acceptable.
	Refused error
	// ret is the workbook as read, for the reporter's name and phone
	// apart, which the preview joins.
	ret sheet.Return
	// earlier is, by row line, the figure an earlier file of the batch
	// records for that row's item (batch.go).
	earlier map[int]Earlier
}

// Known reports whether the workbook was recognised as a round's: its
// unit and round are then filled in.
func (c Checked) Known() bool { return c.Round.ID != "" }

// Corrections counts the rows whose figure differs from the one recorded
// for that item and period: held for the reviewer when collected in Hold
// mode, recorded in place of the old one in Overwrite mode.
func (c Checked) Corrections() int {
	if c.Preview == nil {
		return 0
	}
	return c.Preview.Count(sheet.Corrects)
}

// planName names a plan for a message read in the window and at the
// command line alike: its title, and its ID for --plan, or the ID alone
// when this database does not hold it.
func planName(st *store.Store, id string) string {
	plans, err := st.Plans()
	if err == nil {
		for _, p := range plans {
			if p.ID == id {
				return fmt.Sprintf("计划“%s”（%s）", p.Title, id)
			}
		}
	}
	return fmt.Sprintf("计划“%s”（本数据库中没有）", id)
}

// saveAsXLSX are the spreadsheet formats a unit may send back by mistake
// (Excel's old .xls, WPS's .et): a folder lists them, for the check to
// refuse each with how to save it as .xlsx, rather than pass over them
// without a word.
var saveAsXLSX = []string{".xls", ".et"}

// Files lists the returns named: a folder stands for its .xlsx files, and
// its .xls and .et ones, which the check refuses saying how to mend them
// (not the ~$ lock files Excel and WPS leave beside an open one), sorted
// by name.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("找不到“%s”", p)
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("无法读取文件夹“%s”：%w", p, err)
		}
		var in []string
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".xlsx" || slices.Contains(saveAsXLSX, ext)) && !strings.HasPrefix(e.Name(), "~$") {
				in = append(in, filepath.Join(p, e.Name()))
			}
		}
		if len(in) == 0 {
			return nil, fmt.Errorf("文件夹“%s”中没有 .xlsx 工作簿", p)
		}
		sort.Strings(in)
		out = append(out, in...)
	}
	return out, nil
}

// CheckFile reads a file and checks it (Check).
func CheckFile(st *store.Store, path string) Checked {
	return NewChecker(st).CheckFile(path)
}

// CheckFiles reads and checks a batch of files against one reading of
// the plan's figures, locks and units (Checker).
func CheckFiles(st *store.Store, paths []string) []Checked {
	k := NewChecker(st)
	out := make([]Checked, 0, len(paths))
	for _, p := range paths {
		out = append(out, k.CheckFile(p))
	}
	return out
}

// Check checks one returned workbook of the current plan (Checker.Check).
func Check(st *store.Store, file string, data []byte) Checked {
	return NewChecker(st).Check(file, data)
}

// Checker checks returns against the plan's figures, locks and units as
// read once, when first needed: for a batch, where loading the review
// again for every file was most of the time its check took. The previews
// of a batch are all against the figures before it; what a file does
// given the ones written before it is decided inside its write
// (store.CollectReturn), and foreseen here: a figure an earlier file of
// the batch records is remembered, so a later file's differing one is
// previewed as held (batch.go).
type Checker struct {
	st     *store.Store
	loaded bool
	err    error
	review *domain.Review
	locked func(domain.Period) bool
	units  []domain.Unit
	batch  map[batchKey]batchFigure // what the batch's accepted files record (batch.go)
}

// NewChecker is a Checker of the store's current plan.
func NewChecker(st *store.Store) *Checker { return &Checker{st: st} }

func (k *Checker) load() error {
	if k.loaded {
		return k.err
	}
	k.loaded = true
	if k.units, k.err = k.st.Units(); k.err != nil {
		return k.err
	}
	if k.review, k.err = k.st.Review(domain.DefaultTolerance()); k.err != nil {
		return k.err
	}
	k.locked, k.err = k.st.LockedPeriods()
	return k.err
}

// CheckFile reads a file and checks it.
func (k *Checker) CheckFile(path string) Checked {
	data, err := os.ReadFile(path)
	if err != nil {
		return Checked{File: filepath.Base(path), Refused: fmt.Errorf("无法读取“%s”：%w", filepath.Base(path), err)}
	}
	return k.Check(path, data)
}

// Check checks one returned workbook of the current plan: that it is a
// round workbook of this plan, its round and period as stored, every
// filled row's key the unit's for that round and its ID unchanged, no
// formula where a figure belongs, and every figure readable for its item.
// A file with filled rows for a locked period is refused whole, once,
// before its rows are checked (LockedRefusal). It writes nothing.
func (k *Checker) Check(file string, data []byte) Checked {
	st := k.st
	base := filepath.Base(file)
	c := Checked{File: base}
	ret, err := sheet.ReadReturn(file, data)
	if err != nil {
		c.Refused = err
		return c
	}
	plan := st.Plan()
	if ret.PlanID != plan.ID {
		c.Refused = fmt.Errorf("“%s”是%s的填报表，不是当前计划的：请先切换到该计划再导入", base, planName(st, ret.PlanID))
		return c
	}
	round, keys, err := st.RoundKeys(ret.RoundID, ret.UnitID)
	if err != nil {
		c.Refused = fmt.Errorf("“%s”：%w", base, err)
		return c
	}
	if ret.Period != round.Period.String() {
		c.Refused = fmt.Errorf("“%s”写明的期间（%s）与轮次 %s 的期间（%s）不符：回执信息被改动过", base, ret.Period, round.ID, round.Period.Label())
		return c
	}
	if err := k.load(); err != nil {
		c.Refused = err
		return c
	}
	unit, ok := unitByID(k.units, ret.UnitID)
	if !ok {
		c.Refused = fmt.Errorf("“%s”：本计划没有编号为 %d 的责任单位", base, ret.UnitID)
		return c
	}
	c.Unit, c.Round, c.Rows, c.ret = unit, round, len(ret.Rows), ret
	if len(ret.Rows) > 0 && k.locked(round.Period) {
		// Once per file, before any row is checked: each row's 期间 is
		// made up from the round (Return.ImportTable), so a row-by-row
		// refusal pointed at a column the clerk cannot see.
		c.Refused = LockedRefusal(base, round.Period)
		return c
	}
	if probs := append(rowKeyProblems(ret, keys, unit), progressProblems(ret)...); len(probs) > 0 {
		c.Refused = fmt.Errorf("“%s”有%d处问题，未写入任何数据：\n%s", base, len(probs), strings.Join(probs, "\n"))
		return c
	}
	if len(ret.Rows) == 0 {
		return c
	}
	p, err := sheet.Plan(k.review, []sheet.Table{ret.ImportTable(round.Period.Label())}, base, k.locked)
	if err != nil {
		c.Refused = err
		return c
	}
	c.Preview = &p
	if probs := p.Problems(); len(probs) > 0 {
		c.Refused = fmt.Errorf("“%s”有%d处问题，未写入任何数据：\n%s", base, len(probs), strings.Join(probs, "\n"))
	}
	k.foresee(&c)
	return c
}

// LockedRefusal is why a return for a locked period is refused, what
// the clerk does about it included.
func LockedRefusal(file string, p domain.Period) error {
	return fmt.Errorf("“%s”：%d年%s已锁定（简报已报出），本填报表未写入：如需补报，请审阅人先解锁该期间", file, p.Year, p.Label())
}

// rowKeyProblems checks each filled row's key and ID against the keys of
// what the round sent the unit.
func rowKeyProblems(ret sheet.Return, keys map[string]string, unit domain.Unit) []string {
	var problems []string
	for _, r := range ret.Rows {
		item, ok := keys[r.Key]
		switch {
		case r.Key == "":
			problems = append(problems, fmt.Sprintf("第%d行没有行键（隐藏的“行键”列被清空或该行是新增的）：请勿增加行或清除行键", r.Line))
		case !ok:
			problems = append(problems, fmt.Sprintf("第%d行的行键不属于%s在本轮次的填报表（被改动，或从其他单位的表中复制）", r.Line, unit.Full))
		case r.ID != item:
			problems = append(problems, fmt.Sprintf("第%d行的编号被改为“%s”，该行原为 %s：请勿修改编号", r.Line, r.ID, item))
		}
		if r.Formula {
			problems = append(problems, fmt.Sprintf("第%d行“实际值”是公式：请填写数值（可复制后“选择性粘贴—数值”）", r.Line))
		}
	}
	return problems
}

// Mode says what collecting does with a figure that differs from the one
// recorded for that item and period.
type Mode int

// Modes.
const (
	// Hold writes the file's other rows and holds that one as pending:
	// the reviewer decides (store.ResolveConflict).
	Hold Mode = iota
	// Overwrite takes the return; the old figure stays in history.
	Overwrite
)

// Outcome is what collecting did with one checked file.
type Outcome struct {
	File string
	Unit domain.Unit
	// Collected counts the file's figures by what became of them (new,
	// corrected, unchanged, held for the reviewer) and its notes; zero
	// when the file was refused or had no filled row.
	store.Collected
	// Refused is why nothing from this file was written: its check's
	// reason, or the write's own refusal (a period locked since it was
	// checked).
	Refused error
}

// Collect writes the acceptable files among checked, each in its own
// transaction with history saying 由市商务局填报（文件名）; a refused file is
// reported in its Outcome and leaves the database as it was. Every
// filled row is kept as the unit's return, an unchanged figure too. The
// error is for what stops the whole batch.
//
// One automatic backup is taken before the first write of the batch, not
// one per file: a snapshot of the whole database per return was most of
// the time collecting 50 returns took, and one before the batch restores
// the same state.
func Collect(st *store.Store, checked []Checked, by string, mode Mode) ([]Outcome, error) {
	out := make([]Outcome, 0, len(checked))
	backedUp := false
	for _, c := range checked {
		o := Outcome{File: c.File, Unit: c.Unit, Refused: c.Refused}
		if o.Refused != nil || c.Preview == nil {
			out = append(out, o)
			continue
		}
		if !backedUp {
			if _, err := st.AutoBackup("collect"); err != nil {
				return out, fmt.Errorf("收取前无法备份数据库，未写入任何数据：%w", err)
			}
			backedUp = true
		}
		got, err := st.CollectReturn(c.returnFile(), by, mode == Overwrite)
		if err != nil {
			o.Refused = err
		} else {
			o.Collected = got
		}
		out = append(out, o)
	}
	return out, nil
}

// returnFile is what the store writes for a checked workbook: each
// filled row's figure (nil for text only) and progress text, with the
// reporter's name and phone apart.
func (c Checked) returnFile() store.ReturnFile {
	f := store.ReturnFile{RoundID: c.Round.ID, Period: c.Round.Period, Unit: c.Unit, File: c.File}
	byLine := map[int]sheet.ReturnRow{}
	for _, r := range c.ret.Rows {
		byLine[r.Line] = r
	}
	for _, r := range c.Preview.Rows {
		raw := byLine[r.Line]
		row := store.ReturnRow{ItemID: r.ItemID, Progress: r.Note, Source: raw.Source, Person: raw.By, Phone: raw.Phone}
		if r.Text != "" {
			a := r.Actual
			row.Actual = &a
		}
		f.Rows = append(f.Rows, row)
	}
	return f
}

func unitByID(units []domain.Unit, id int64) (domain.Unit, bool) {
	for _, u := range units {
		if u.ID == id {
			return u, true
		}
	}
	return domain.Unit{}, false
}
