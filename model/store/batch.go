package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"cn.planreview/planreview/model/domain"
)

// A batch is the figures and notes one file wrote: a collected round
// workbook (CollectReturn) or an imported workbook (ImportActuals). Each
// figure and note has its own history row, written in the file's one
// transaction, so the rows of one file are consecutive in history and
// share its moment (wtx.at), its reviewer and its detail
// (由市商务局填报（文件名）, 导入自 文件名; a note's detail carries its
// number first: 备注 #7，导入自 文件名). That is how they are found again,
// with no column of their own, so collects and imports made before this
// code undo as one too. An undo takes a whole batch back at once: an
// official undoes the file they collected or imported, not its rows.

// batchActions are the actions a file's rows are recorded with.
var batchActions = map[domain.Action]bool{
	domain.RecordActual:  true,
	domain.CorrectActual: true,
	domain.AddNote:       true,
	domain.EditNote:      true, // a unit's corrected 进展情况 replaces its earlier note (progressNote)
}

// importPrefix begins the detail of every row an import writes
// (ImportActuals).
const importPrefix = "导入自 "

// rowDetail is a figure's or note's detail without a note's number: the
// file's detail it was written under.
func rowDetail(d string) string {
	if rest, ok := strings.CutPrefix(d, "备注 #"); ok {
		if i := strings.Index(rest, "，"); i >= 0 {
			return rest[i+len("，"):]
		}
		return ""
	}
	return d
}

// collectHead is a collect's detail without its counts: 由市商务局填报（文件名）.
// The counts (：新增1条，…) hold no "）", so the last one closes the file name.
func collectHead(d string) string {
	if i := strings.LastIndex(d, "）"); i >= 0 {
		return d[:i+len("）")]
	}
	return d
}

// storedChange is a history row with the moment as stored, which is what
// ties the rows of one transaction together.
type storedChange struct {
	domain.Change
	at string
}

func readRow(sc scanner) (storedChange, error) {
	var h storedChange
	var item, period, before, after, detail *string
	if err := sc.Scan(&h.ID, &h.at, &h.Who, &h.Action, &item, &period, &before, &after, &detail); err != nil {
		return h, err
	}
	for _, f := range []struct {
		dst *string
		src *string
	}{{&h.ItemID, item}, {&h.Period, period}, {&h.Before, before}, {&h.After, after}, {&h.Detail, detail}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	return h, nil
}

const rowColumns = `id, at, who, action, item_id, period, before, after, detail`

// batchRun lists the file's rows next to row from (not included) in one
// direction (step -1: older, +1: newer), nearest first: consecutive IDs of
// the plan, same moment and reviewer, a figure or note action, and a
// detail that is file's.
func batchRun(tx *wtx, from storedChange, step int64, file string) ([]storedChange, error) {
	cmp, order := "<", "DESC"
	if step > 0 {
		cmp, order = ">", "ASC"
	}
	rows, err := tx.Query(`SELECT `+rowColumns+` FROM history WHERE plan_id = ? AND id `+cmp+` ? AND at = ? AND who = ?
		ORDER BY id `+order, tx.plan, from.ID, from.at, from.Who)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedChange
	want := from.ID + step
	for rows.Next() {
		h, err := readRow(rows)
		if err != nil {
			return nil, err
		}
		if h.ID != want || !batchActions[h.Action] || rowDetail(h.Detail) != file {
			break
		}
		out = append(out, h)
		want += step
	}
	return out, rows.Err()
}

// collectParts is the figures and notes collect row c wrote, oldest first:
// the run of its file's rows just before it (it is written last).
func collectParts(tx *wtx, c storedChange) ([]storedChange, error) {
	run, err := batchRun(tx, c, -1, collectHead(c.Detail))
	if err != nil {
		return nil, err
	}
	for i, j := 0, len(run)-1; i < j; i, j = i+1, j-1 {
		run[i], run[j] = run[j], run[i]
	}
	return run, nil
}

// collectOf finds the collect row that wrote figure or note row h, if it
// was one.
func collectOf(tx *wtx, h storedChange) (storedChange, bool, error) {
	file := rowDetail(h.Detail)
	if !strings.HasPrefix(file, "由") || !strings.HasSuffix(file, "）") {
		return storedChange{}, false, nil
	}
	rows, err := tx.Query(`SELECT `+rowColumns+` FROM history WHERE plan_id = ? AND id > ? AND at = ? AND who = ? AND action = ?
		ORDER BY id LIMIT 1`, tx.plan, h.ID, h.at, h.Who, string(domain.CollectReturn))
	if err != nil {
		return storedChange{}, false, err
	}
	var c storedChange
	found := false
	if rows.Next() {
		c, err = readRow(rows)
		found = err == nil
	}
	rows.Close()
	if err != nil || !found || collectHead(c.Detail) != file {
		return storedChange{}, false, err
	}
	parts, err := collectParts(tx, c)
	if err != nil {
		return storedChange{}, false, err
	}
	for _, p := range parts {
		if p.ID == h.ID {
			return c, true, nil
		}
	}
	return storedChange{}, false, nil
}

// importParts is every row of the import row h belongs to, oldest first,
// h included; nil when h is not an import's.
func importParts(tx *wtx, h storedChange) ([]storedChange, error) {
	file := rowDetail(h.Detail)
	if !batchActions[h.Action] || !strings.HasPrefix(file, importPrefix) {
		return nil, nil
	}
	older, err := batchRun(tx, h, -1, file)
	if err != nil {
		return nil, err
	}
	newer, err := batchRun(tx, h, +1, file)
	if err != nil {
		return nil, err
	}
	var out []storedChange
	for i := len(older) - 1; i >= 0; i-- {
		out = append(out, older[i])
	}
	out = append(out, h)
	return append(out, newer...), nil
}

// undoParts reverses a file's figures and notes, newest first, each with
// an undo row of its own naming the file's undo, so no later undo tries
// it again and each item's history shows it. Rows already undone (one by
// one, before undo took files whole) are passed over. It refuses,
// naming the item, if any was changed since. It counts what it undid.
func undoParts(tx *wtx, parts []storedChange, by, why, after string) (figures, notes int, err error) {
	for i := len(parts) - 1; i >= 0; i-- {
		p := parts[i]
		if undone, err := isUndone(tx, p.ID); err != nil {
			return 0, 0, err
		} else if undone {
			continue
		}
		if err := reversals[p.Action].undo(tx, p.Change, by); err != nil {
			if errors.Is(err, errChangedSince) {
				return 0, 0, fmt.Errorf("其中 %s在%s之后又被改动过，整个文件都没有撤销；要撤销，请先撤销那次改动", partWords(p.Change), after)
			}
			return 0, 0, err
		}
		var b, a any
		if p.After != "" {
			b = json.RawMessage(p.After)
		}
		if p.Before != "" {
			a = json.RawMessage(p.Before)
		}
		if err := tx.log(entry{who: by, action: domain.Undo, itemID: p.ItemID, period: p.Period, before: b, after: a,
			detail: fmt.Sprintf("撤销 #%d（%s），%s", p.ID, p.Action.Label(), why), undoes: p.ID}); err != nil {
			return 0, 0, err
		}
		if p.Action == domain.AddNote || p.Action == domain.EditNote {
			notes++
		} else {
			figures++
		}
	}
	return figures, notes, nil
}

// partWords names a figure or note for a refusal: A1-01 1-9月 的实际值.
func partWords(c domain.Change) string {
	what := "实际值"
	if c.Action == domain.AddNote || c.Action == domain.EditNote {
		what = "备注"
	}
	at := c.ItemID
	if p, err := parseStoredPeriod(c.Period); err == nil && !p.IsZero() {
		at += " " + p.Label()
	}
	return fmt.Sprintf("%s 的%s", at, what)
}

// partsWords is what an undo of a file took back with it: 实际值3条、备注1条.
func partsWords(figures, notes int) string {
	var out []string
	if figures > 0 {
		out = append(out, fmt.Sprintf("实际值%d条", figures))
	}
	if notes > 0 {
		out = append(out, fmt.Sprintf("备注%d条", notes))
	}
	return strings.Join(out, "、")
}
