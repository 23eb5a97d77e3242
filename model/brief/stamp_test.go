package brief

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// stampOf builds the bundled plan's brief from figures and notes.
func stampOf(tb testing.TB, as []domain.Actual, notes []domain.Note, o Options) Stamp {
	tb.Helper()
	plan, err := seeds.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return Build(domain.NewReview(plan, domain.DefaultTolerance(), as, nil, nil), notes, o).Stamp
}

var (
	stampFigures = []domain.Actual{{ItemID: "A1-01", Period: p(9), Value: 5.8}, {ItemID: "A1-02", Period: p(9), Value: 4.2},
		{ItemID: "B1-01", Period: p(9), Value: 270}}
	stampNotes = []domain.Note{{ItemID: "A1-02", Period: p(9), Body: "受留抵退税政策影响。"}}
	stampOpts  = Options{AsOf: p(9), Date: time.Date(2023, 10, 25, 10, 0, 0, 0, time.UTC), Unit: "市人大财经委",
		Reviewer: "张三", Marking: "内部资料", Notes: true}
)

func TestFingerprintIsStableAndFollowsEveryChange(t *testing.T) {
	base := stampOf(t, stampFigures, stampNotes, stampOpts)
	if len(base.Code) != 14 || base.Code[4] != '-' || base.Code[9] != '-' || strings.ToUpper(base.Code) != base.Code {
		t.Fatalf("code %q, want XXXX-XXXX-XXXX", base.Code)
	}
	again := stampOf(t, stampFigures, stampNotes, stampOpts)
	if again.Code != base.Code || again.Encode() != base.Encode() {
		t.Error("identical data gave another fingerprint")
	}
	later := stampOpts
	later.Date = later.Date.AddDate(0, 0, 3)
	if got := stampOf(t, stampFigures, stampNotes, later); got.Code != base.Code {
		t.Error("the date alone changed the fingerprint: the data are the same")
	}
	figure := append([]domain.Actual(nil), stampFigures...)
	figure[0].Value = 5.9
	note := []domain.Note{{ItemID: "A1-02", Period: p(9), Body: "受留抵退税政策影响！"}}
	period := stampOpts
	period.AsOf = p(6)
	parts := stampOpts
	parts.Parts = []string{PartSummary, PartIndicators}
	noNotes := stampOpts
	noNotes.Notes = false
	marking := stampOpts
	marking.Marking = ""
	for _, c := range []struct {
		name  string
		as    []domain.Actual
		notes []domain.Note
		o     Options
		item  string // the item whose digest must differ, if any
	}{
		{"a figure", figure, stampNotes, stampOpts, "A1-01"},
		{"a note", stampFigures, note, stampOpts, "A1-02"},
		{"the period", stampFigures, stampNotes, period, ""},
		{"the parts", stampFigures, stampNotes, parts, ""},
		{"the notes option", stampFigures, stampNotes, noNotes, "A1-02"},
		{"the marking", stampFigures, stampNotes, marking, ""},
	} {
		got := stampOf(t, c.as, c.notes, c.o)
		if got.Code == base.Code {
			t.Errorf("%s changed, the fingerprint did not", c.name)
		}
		if c.item == "" {
			continue
		}
		diff := Diff(base, got)
		found := false
		for _, d := range diff {
			found = found || (d.ID == c.item && d.How == Changed)
		}
		if !found {
			t.Errorf("%s changed: diff %+v does not name %s", c.name, diff, c.item)
		}
	}
}

func TestStampReadsBackAndRefusesDamage(t *testing.T) {
	s := stampOf(t, stampFigures, stampNotes, stampOpts)
	back, err := DecodeStamp(s.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if back.Code != s.Code || back.PlanID != s.PlanID || !back.Made.Equal(s.Made) || len(back.Items) != len(s.Items) {
		t.Errorf("read back %+v", back)
	}
	o, err := back.Options()
	// Every part but the appendix 按责任单位: the plan has no units.
	numbered := AllParts[:len(AllParts)-1]
	if err != nil || o.AsOf != p(9) || !o.Notes || o.Marking != "内部资料" || strings.Join(o.Parts, ",") != strings.Join(numbered, ",") {
		t.Errorf("options %+v %v", o, err)
	}
	enc := s.Encode()
	i := len(stampPrefix) + 20
	flipped := enc[:i] + string(rune(enc[i]^1)) + enc[i+1:]
	for _, c := range []struct {
		text string
		want error
	}{
		{"", ErrNoStamp}, {"PLANREVIEW-BRIEF-2.xyz", ErrNoStamp}, {"Plan Review 计划审阅", ErrNoStamp},
		{flipped, ErrDamagedStamp}, {enc[:len(enc)-1], ErrDamagedStamp}, {stampPrefix + "abc", ErrDamagedStamp},
		{enc[:strings.LastIndex(enc, ".")] + enc[strings.LastIndex(enc, ".")+1:], ErrDamagedStamp},
	} {
		if _, err := DecodeStamp(c.text); !errors.Is(err, c.want) {
			t.Errorf("%.40q: %v, want %v", c.text, err, c.want)
		}
	}
}

// FuzzDecodeStamp: whatever a file's metadata holds, reading a stamp
// never panics, and a stamp read back encodes to what was read.
func FuzzDecodeStamp(f *testing.F) {
	s := stampOf(f, stampFigures, stampNotes, stampOpts)
	f.Add(s.Encode())
	f.Add(stampPrefix + "e30.44136fa355b3678a")
	f.Add(stampPrefix + "eyJ2IjoxfQ.")
	f.Add("PLANREVIEW-BRIEF-1..")
	f.Add("")
	// A stamp with the appendix's unit rows, one of them short a column.
	units := s
	units.Parts = []string{PartUnits}
	units.Units = map[string]string{"市统计局": "2/2/0/0/1/1/0", "市商务局": "3/0", "": ""}
	f.Add(units.Encode())
	f.Fuzz(func(t *testing.T, text string) {
		st, err := DecodeStamp(text)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without words")
			}
			return
		}
		if _, err := DecodeStamp(st.Encode()); err != nil {
			t.Errorf("a stamp read back does not read again: %v", err)
		}
		st.Options() // must not panic on any period or parts
		// The unit rows compare with themselves as equal, and with none
		// without a panic, however few counts a row holds.
		if d, ok := DiffUnits(st, st); len(d) != 0 || !ok && st.Units != nil {
			t.Errorf("a stamp differs from itself: %+v", d)
		}
		DiffUnits(st, Stamp{})
		DiffUnits(Stamp{Units: st.Units}, st)
	})
}

// BenchmarkFingerprint is what the fingerprint adds to the bundled brief:
// the stamp computed from the built brief (its content model hashed, a
// digest per item).
func BenchmarkFingerprint(b *testing.B) {
	plan, err := seeds.Load()
	if err != nil {
		b.Fatal(err)
	}
	var as []domain.Actual
	for _, it := range plan.Items {
		a := domain.Actual{ItemID: it.ID, Period: p(9), Value: 1}
		if it.Kind == domain.KindMilestone {
			a.Outcome = domain.OutcomeInProgress
		}
		if it.SameAs == "" {
			as = append(as, a)
		}
	}
	r := domain.NewReview(plan, domain.DefaultTolerance(), as, nil, nil)
	br := Build(r, stampNotes, stampOpts)
	b.ResetTimer()
	for b.Loop() {
		stamp(br, plan, stampOpts, AllParts)
	}
}

// DiffUnits words the appendix rows that differ: the columns changed,
// a unit gone, a unit come; a stamp of a brief with the appendix made
// before the rows were kept cannot tell.
func TestDiffUnits(t *testing.T) {
	withUnits := func(rows map[string]string) Stamp {
		return Stamp{Parts: []string{PartUnits}, Units: rows}
	}
	for _, tc := range []struct {
		name      string
		then, now Stamp
		want      string
		known     bool
	}{
		{"same", withUnits(map[string]string{"市统计局": "2/2/0/0/1/1/0"}), withUnits(map[string]string{"市统计局": "2/2/0/0/1/1/0"}), "", true},
		{"counts", withUnits(map[string]string{"市统计局": "2/2/0/0/1/1/0"}), withUnits(map[string]string{"市统计局": "3/2/0/0/1/2/0"}),
			"市统计局：牵头 2→3，暂无本期数据 1→2", true},
		{"renamed", withUnits(map[string]string{"市商务局": "1/0/1/0/0/0/0"}), withUnits(map[string]string{"嘉兴市商务局": "1/0/1/0/0/0/0"}),
			"嘉兴市商务局：简报附表中原无此单位，现应列入（牵头1、协办0、进展正常1、基本完成或推进中0、滞后0、暂无本期数据0、其他0）|" +
				"市商务局：简报附表中列有此单位，现已不应列入（名称已改或不再有项目）", true},
		{"short row", withUnits(map[string]string{"市统计局": "2"}), withUnits(map[string]string{"市统计局": "2/1"}), "市统计局：协办 —→1", true},
		{"old stamp", withUnits(nil), withUnits(map[string]string{"市统计局": "2/2/0/0/1/1/0"}), "", false},
		{"no appendix", Stamp{Parts: []string{PartSummary}}, Stamp{Parts: []string{PartSummary}}, "", true},
	} {
		d, known := DiffUnits(tc.then, tc.now)
		var got []string
		for _, u := range d {
			got = append(got, u.Unit+"："+u.How)
		}
		if strings.Join(got, "|") != tc.want || known != tc.known {
			t.Errorf("%s: %q %v, want %q %v", tc.name, got, known, tc.want, tc.known)
		}
	}
}
