package store

import (
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
)

// roundPlan is unitsPlan with a 1-9月 round started: 市发展改革委 was sent
// A1-01 (lead), A1-02 and A1-03; 市统计局 A1-01; 市商务局 A1-03.
func roundPlan(t *testing.T) (*Store, string, domain.Round, map[string]domain.Unit) {
	t.Helper()
	s, path := unitsPlan(t)
	period := domain.Period{Year: s.Plan().Year, Month: 9}
	rp, err := s.PlanRound(period, fmt.Sprintf("%d-10-10", period.Year))
	must(t, err)
	r, err := s.SaveRound(rp, "张三")
	must(t, err)
	units, err := s.Units()
	must(t, err)
	byName := map[string]domain.Unit{}
	for _, u := range units {
		byName[u.Full] = u
	}
	return s, path, r, byName
}

func figure(item string, p domain.Period, v float64) *domain.Actual {
	return &domain.Actual{ItemID: item, Period: p, Value: v, Source: "月报", By: "王五 0573-1234"}
}

func returnRows(t *testing.T, s *Store, r domain.Round) map[string]Return {
	t.Helper()
	got, err := s.RoundReturns(r)
	must(t, err)
	out := map[string]Return{}
	for _, x := range got {
		out[x.Unit+" "+x.ItemID] = x
	}
	return out
}

// The round keeps what each workbook held, whatever is assigned later.
func TestRoundItemsAreWhatTheRoundSent(t *testing.T) {
	s, _, r, u := roundPlan(t)
	want := map[int64][]RoundItemRef{
		u["市发展改革委"].ID: {{"A1-01", domain.RoleLead}, {"A1-02", domain.RoleLead}, {"A1-03", domain.RoleWith}},
		u["市统计局"].ID:   {{"A1-01", domain.RoleWith}},
		u["市商务局"].ID:   {{"A1-03", domain.RoleLead}},
	}
	got, err := s.RoundItems(r.ID)
	must(t, err)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round items %v, want %v", got, want)
	}
	if _, err := s.AssignUnits(Assignment{Items: []string{"A1-02"}, Lead: "市商务局"}, "张三"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.RoundItems(r.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("after reassigning A1-02: %v", got)
	}
}

// Collecting: a new figure is recorded, an unchanged one counts as
// returned, a differing one (another unit's figure recorded first) is held
// as pending and listed as a conflict; resolving records the pick with
// history naming it and the other; undo of the resolve brings the
// conflict back, undo of a collect takes its returns out, and a round with
// returns cannot be un-started.
func TestCollectHoldsConflictsForTheReviewer(t *testing.T) {
	s, _, r, u := roundPlan(t)
	p := r.Period
	ndrc, stats := u["市发展改革委"], u["市统计局"]
	got, err := s.CollectReturn(ReturnFile{RoundID: r.ID, Period: p, Unit: ndrc, File: "发改委.xlsx", Rows: []ReturnRow{
		{ItemID: "A1-01", Actual: figure("A1-01", p, 5.8), Source: "月报", Person: "王五", Phone: "0573-1234"},
		{ItemID: "A1-02", Progress: "项目均已开工。", Person: "王五"},
	}}, "张三", false)
	must(t, err)
	if got != (Collected{New: 1, Notes: 1}) {
		t.Errorf("发改委: %+v", got)
	}
	got, err = s.CollectReturn(ReturnFile{RoundID: r.ID, Period: p, Unit: stats, File: "统计局.xlsx", Rows: []ReturnRow{
		{ItemID: "A1-01", Actual: figure("A1-01", p, 5.5), Source: "统计快报", Person: "赵六", Phone: "0573-5678"},
	}}, "张三", false)
	must(t, err)
	if got != (Collected{Held: 1}) {
		t.Errorf("统计局: %+v", got)
	}
	rows := returnRows(t, s, r)
	if x := rows["市发展改革委 A1-02"]; x.State != ReturnWritten || x.HasFigure() || x.Progress != "项目均已开工。" {
		t.Errorf("text-only return: %+v", x)
	}
	if x := rows["市统计局 A1-01"]; x.State != ReturnPending || *x.Value != 5.5 || x.Person != "赵六" || x.Phone != "0573-5678" || x.File != "统计局.xlsx" {
		t.Errorf("held return: %+v", x)
	}
	if a := actualOf(t, s, "A1-01", p); a.Value != 5.8 {
		t.Errorf("a held return overwrote the figure: %v", a.Value)
	}
	cs, err := s.Conflicts(r.ID)
	must(t, err)
	if len(cs) != 1 || cs[0].ItemID != "A1-01" || cs[0].Recorded == nil || cs[0].Recorded.Actual.Value != 5.8 ||
		cs[0].Recorded.Unit != "市发展改革委" || len(cs[0].Candidates) != 1 || cs[0].Candidates[0].Unit != "市统计局" {
		t.Fatalf("conflicts: %+v", cs)
	}
	before := snapshot(t, s)
	for _, bad := range []struct {
		item string
		pick Pick
		want string
	}{
		{"A1-02", PickRecorded(), "没有待裁定的填报"},
		{"A1-01", PickUnit(u["市商务局"].ID), "没有该单位填报的数值"},
	} {
		if _, err := s.ResolveConflict(r.ID, bad.item, bad.pick, "李四"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("resolve %s %+v: %v, want %q", bad.item, bad.pick, err, bad.want)
		}
	}
	if snapshot(t, s) != before {
		t.Fatal("a refused resolve changed the database")
	}
	detail, err := s.ResolveConflict(r.ID, "A1-01", PickUnit(stats.ID), "李四")
	must(t, err)
	if !strings.HasPrefix(detail, "采用市统计局填报的") || !strings.Contains(detail, "（统计局.xlsx），未采用：市发展改革委填报的") {
		t.Errorf("detail %q", detail)
	}
	if a := actualOf(t, s, "A1-01", p); a.Value != 5.5 || a.Source != "统计快报" || a.By != "赵六 0573-5678" {
		t.Errorf("picked figure: %+v", a)
	}
	if cs, _ := s.Conflicts(r.ID); len(cs) != 0 {
		t.Errorf("conflicts after resolve: %+v", cs)
	}
	if x := returnRows(t, s, r)["市统计局 A1-01"]; x.State != ReturnPicked {
		t.Errorf("picked state %s", x.State)
	}
	h, err := s.History("A1-01")
	must(t, err)
	if last := h[len(h)-1]; last.Action != domain.ResolveConflict || last.Detail != detail {
		t.Errorf("history: %+v", last)
	}
	// Undo the resolve: the figure and the conflict come back.
	if _, err := s.UndoLast("李四"); err != nil {
		t.Fatal(err)
	}
	if a := actualOf(t, s, "A1-01", p); a.Value != 5.8 {
		t.Errorf("figure after undo: %v", a.Value)
	}
	if cs, _ := s.Conflicts(r.ID); len(cs) != 1 || len(cs[0].Candidates) != 1 {
		t.Errorf("conflict not back after undo: %+v", cs)
	}
	// Keeping the recorded figure marks the return not picked; the
	// figure is named as the return it came from, not as typed in.
	detail, err = s.ResolveConflict(r.ID, "A1-01", PickRecorded(), "李四")
	must(t, err)
	if detail != "采用市发展改革委填报的增长5.8%（发改委.xlsx），未采用：市统计局填报的增长5.5%" {
		t.Errorf("keep recorded: %q", detail)
	}
	if x := returnRows(t, s, r)["市统计局 A1-01"]; x.State != ReturnNotPicked {
		t.Errorf("not picked state %s", x.State)
	}

	// The same figure sent again counts as returned, and changes no figure.
	h0 := len(mustHistory(t, s))
	got, err = s.CollectReturn(ReturnFile{RoundID: r.ID, Period: p, Unit: ndrc, File: "发改委（再报）.xlsx", Rows: []ReturnRow{
		{ItemID: "A1-01", Actual: figure("A1-01", p, 5.8)},
	}}, "张三", false)
	must(t, err)
	if got != (Collected{Unchanged: 1}) || returnRows(t, s, r)["市发展改革委 A1-01"].State != ReturnUnchanged {
		t.Errorf("unchanged return: %+v", got)
	}
	if n := len(mustHistory(t, s)); n != h0+1 {
		t.Errorf("an unchanged return wrote %d history rows, want 1 (the collect)", n-h0)
	}
	// Progress text sent again is not noted twice.
	notes := count(t, s, `SELECT count(*) FROM notes`)
	got, err = s.CollectReturn(ReturnFile{RoundID: r.ID, Period: p, Unit: ndrc, File: "发改委（再报）.xlsx", Rows: []ReturnRow{
		{ItemID: "A1-02", Progress: "项目均已开工。"},
	}}, "张三", false)
	must(t, err)
	if got != (Collected{}) || count(t, s, `SELECT count(*) FROM notes`) != notes {
		t.Errorf("progress sent again: %+v, %d notes, had %d", got, count(t, s, `SELECT count(*) FROM notes`), notes)
	}
	if _, err := s.UndoLast("张三"); err != nil {
		t.Fatal(err)
	}
	// Undoing that collect puts the earlier return back.
	if _, err := s.UndoLast("张三"); err != nil {
		t.Fatal(err)
	}
	if x := returnRows(t, s, r)["市发展改革委 A1-01"]; x.State != ReturnWritten || x.File != "发改委.xlsx" {
		t.Errorf("after undoing the re-send: %+v", x)
	}
	// A round with returns is not un-started.
	var startID int64
	must(t, s.db.QueryRow(`SELECT id FROM history WHERE action = 'start_round'`).Scan(&startID))
	if _, err := s.Undo(startID, "张三"); err == nil || !strings.Contains(err.Error(), "已收到") {
		t.Errorf("undo start with returns: %v", err)
	}
}

// --overwrite keeps its meaning: the return is recorded in place of the
// differing figure, which history keeps.
func TestCollectOverwrite(t *testing.T) {
	s, _, r, u := roundPlan(t)
	p := r.Period
	if _, err := s.RecordActual(domain.Actual{ItemID: "A1-01", Period: p, Value: 4.8}, "张三"); err != nil {
		t.Fatal(err)
	}
	got, err := s.CollectReturn(ReturnFile{RoundID: r.ID, Period: p, Unit: u["市统计局"], File: "统计局.xlsx", Rows: []ReturnRow{
		{ItemID: "A1-01", Actual: figure("A1-01", p, 5.0)},
	}}, "张三", true)
	must(t, err)
	if got != (Collected{Corrected: 1}) {
		t.Errorf("overwrite: %+v", got)
	}
	if a := actualOf(t, s, "A1-01", p); a.Value != 5.0 {
		t.Errorf("figure %v", a.Value)
	}
	if cs, _ := s.Conflicts(r.ID); len(cs) != 0 {
		t.Errorf("conflicts: %+v", cs)
	}
}

// A locked period refuses the whole return and changes nothing.
func TestCollectRefusesALockedPeriod(t *testing.T) {
	s, _, r, u := roundPlan(t)
	must(t, s.LockPeriod(r.Period, "简报已报出", "王五"))
	before := snapshot(t, s)
	_, err := s.CollectReturn(ReturnFile{RoundID: r.ID, Period: r.Period, Unit: u["市统计局"], File: "统计局.xlsx", Rows: []ReturnRow{
		{ItemID: "A1-01", Actual: figure("A1-01", r.Period, 5.0)},
	}}, "张三", false)
	if !errors.Is(err, ErrLocked) {
		t.Errorf("locked: %v", err)
	}
	if snapshot(t, s) != before {
		t.Error("a refused return changed the database")
	}
}

func mustHistory(t *testing.T, s *Store) []domain.Change {
	t.Helper()
	h, err := s.History("")
	must(t, err)
	return h
}

// A database of schema 8 (rounds, no round_items) is upgraded: each
// round's items are read from the assignment, as the migration says.
func TestMigrationBackfillsRoundItems(t *testing.T) {
	s, path, r, _ := roundPlan(t)
	id := s.planID()
	want, err := s.RoundItems(r.ID)
	must(t, err)
	before := snapshot(t, s)
	must(t, s.Close())
	raw, err := sql.Open("sqlite", path)
	must(t, err)
	for _, q := range []string{`DROP TABLE round_returns`, `DROP TABLE round_items`, `PRAGMA user_version = 8`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	must(t, raw.Close())
	s2, err := Open(path, Options{Bundle: bundle, NoBackup: true, Plan: id})
	if err != nil {
		t.Fatalf("Open (migrate): %v", err)
	}
	defer s2.Close()
	got, err := s2.RoundItems(r.ID)
	must(t, err)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("backfilled %v, want %v", got, want)
	}
	if snapshot(t, s2) != before {
		t.Error("migration changed other rows")
	}
	if n := count(t, s2, `PRAGMA user_version`); n != SchemaVersion() {
		t.Errorf("user_version %d", n)
	}
	if problems, err := s2.Consistency(); err != nil || len(problems) != 0 {
		t.Errorf("Consistency: %v %v", problems, err)
	}
}

func actualOf(t *testing.T, s *Store, item string, p domain.Period) domain.Actual {
	t.Helper()
	as, err := s.Actuals()
	must(t, err)
	for _, a := range as {
		if a.ItemID == item && a.Period == p {
			return a
		}
	}
	t.Fatalf("no figure for %s %s", item, p.Label())
	return domain.Actual{}
}
