package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"cn.planreview/planreview/model/domain"
)

// txWords word the failure of BEGIN and of COMMIT for the caller's
// reader; an empty one passes the driver's error on as it is.
type txWords struct{ begin, commit string }

func wrapIf(prefix string, err error) error {
	if prefix == "" {
		return err
	}
	return fmt.Errorf("%s：%w", prefix, err)
}

// inTx runs fn in one transaction on db: committed if fn returns nil,
// rolled back on any error (or a panic), so no branch of fn has to.
func inTx(db *sql.DB, words txWords, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		return wrapIf(words.begin, err)
	}
	defer tx.Rollback() // after a COMMIT, it does nothing
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return wrapIf(words.commit, err)
	}
	return nil
}

// wtx is one write transaction: the SQL transaction and the moment it
// began, which stamps every row it writes, so one change never carries
// two times.
type wtx struct {
	*sql.Tx
	at string // RFC 3339
	// plan is the plan every row the transaction reads or writes belongs
	// to (the store's current plan), so no helper can reach another's.
	plan string
	// unchained is set for a migration before the history chain exists
	// (chainSchema): its rows get their hashes when that migration runs.
	unchained bool
}

func newWtx(tx *sql.Tx, now time.Time, plan string) *wtx {
	return &wtx{Tx: tx, at: now.Format(time.RFC3339), plan: plan}
}

// entry is one history row to append: who did what to which item and
// period, the state before and after (marshalled to JSON; nil for none),
// and, for an undo, the row it reverses.
type entry struct {
	who    string
	action domain.Action
	itemID string
	period string
	before any
	after  any
	detail string
	undoes int64 // 0 unless action is domain.Undo
}

// log appends e to history inside the transaction.
func (tx *wtx) log(e entry) error {
	_, err := tx.logID(e)
	return err
}

// logID is log returning the new row's ID.
func (tx *wtx) logID(e entry) (int64, error) {
	b, err := encodeState(e.before)
	if err != nil {
		return 0, err
	}
	a, err := encodeState(e.after)
	if err != nil {
		return 0, err
	}
	var undoes any
	if e.undoes != 0 {
		undoes = e.undoes
	}
	res, err := tx.Exec(`INSERT INTO history (plan_id, at, who, action, item_id, period, before, after, detail, undoes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, tx.plan, tx.at, e.who, string(e.action), e.itemID, e.period, b, a, e.detail, undoes)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if tx.unchained {
		return id, nil
	}
	// The row's hash, chained to the row before, in the same transaction.
	return id, chainRow(tx, id)
}

// encodeState is a state's JSON for history, or NULL for none.
func encodeState(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}
