package pdf_test

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/docx"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/briefcheck"
	"cn.planreview/planreview/model/store"
)

// The status columns of the appendix count each unit's LEAD items: per
// row they add up to its 牵头 column, and the 牵头 column over all rows
// adds up to the items with a lead unit (each item led by one unit, a
// repeated indicator counted once) — at every period, with a unit that
// leads some items and assists others (市统计局) and one that only
// assists (市科技局).
func TestAppendixStatusColumnsCountLeadItems(t *testing.T) {
	st := seed(t)
	assignThree(t, st)
	if _, err := st.AssignUnits(store.Assignment{Items: []string{"A1-05", "A1-20"}, Lead: "市商务局",
		With: []string{"市科技局", "市统计局"}, NewUnits: true}, "张三"); err != nil {
		t.Fatal(err)
	}
	assigned, err := st.ItemUnits()
	if err != nil {
		t.Fatal(err)
	}
	led := 0
	for _, it := range st.Plan().Items {
		if a, ok := assigned[it.ID]; ok && it.SameAs == "" && a.Lead != 0 {
			led++
		}
	}
	r, notes := reviewAndNotes(t, st)
	for _, month := range []int{3, 6, 9, 12} {
		o := withUnits(t, st, opts(month))
		o.Parts = []string{brief.PartUnits}
		b := brief.Build(r, notes, o)
		if len(b.Parts) != 1 {
			t.Fatalf("month %d: parts %d", month, len(b.Parts))
		}
		leads := 0
		rows := map[string]string{}
		for _, row := range b.Parts[0].Table.Groups[0].Rows {
			n := make([]int, len(row.Cells)-1)
			for i, c := range row.Cells[1:] {
				if n[i], err = strconv.Atoi(c); err != nil {
					t.Fatal(err)
				}
			}
			if sum := n[2] + n[3] + n[4] + n[5] + n[6]; sum != n[0] {
				t.Errorf("month %d, %s: status columns add to %d, its lead items are %d", month, row.Cells[0], sum, n[0])
			}
			leads += n[0]
			rows[row.Cells[0]] = strings.Join(row.Cells[1:], " ")
		}
		if leads != led {
			t.Errorf("month %d: lead items add to %d, %d items have a lead unit", month, leads, led)
		}
		when := map[bool]string{true: "全年，", false: "截至"}[month == 12]
		if !strings.HasPrefix(b.Parts[0].Lines[0], when) || !strings.Contains(b.Parts[0].Lines[0], "各单位牵头项目合计"+strconv.Itoa(led)+"项") {
			t.Errorf("month %d: note %q", month, b.Parts[0].Lines[0])
		}
		if month == 9 {
			// 市统计局 leads 全员劳动生产率 (no figure) and assists four,
			// PM2.5 now led by 市商务局; 市科技局 only assists.
			for unit, want := range map[string]string{"市统计局": "1 4 0 0 0 1 0", "市科技局": "0 2 0 0 0 0 0",
				"市商务局": "4 0 2 0 2 0 0"} {
				if rows[unit] != want {
					t.Errorf("%s: %q, want %q", unit, rows[unit], want)
				}
			}
		}
	}
}

// A brief whose parts asked for leave nothing to print — the appendix
// alone of a plan whose items have no unit — is refused in both formats
// with the reason, and nothing is written; asked beside another part, the
// brief is made, its stamp lists the parts printed and it verifies.
func TestBlankBriefIsRefused(t *testing.T) {
	withUnit := func(t *testing.T, st *store.Store) {
		if _, err := st.AddUnit("市统计局", "", "张三"); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name  string
		setup func(*testing.T, *store.Store)
		want  string
	}{
		{"units, none assigned", withUnit, "所选部分没有内容：本计划的项目尚未指定责任单位；未生成简报"},
		{"no units", func(*testing.T, *store.Store) {}, "所选部分没有内容：本计划没有责任单位；未生成简报"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := seed(t)
			tc.setup(t, st)
			r, notes := reviewAndNotes(t, st)
			o := withUnits(t, st, opts(12))
			o.Parts = []string{brief.PartUnits}
			var buf bytes.Buffer
			_, err := pdf.Export(r, notes, o, &buf)
			var nothing *brief.NothingToPrintError
			if !errors.As(err, &nothing) || err.Error() != tc.want {
				t.Errorf("PDF: %v, want %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("PDF: %d bytes written", buf.Len())
			}
			if err := docx.Export(r, notes, o, &buf); err == nil || err.Error() != tc.want {
				t.Errorf("Word: %v, want %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("Word: %d bytes written", buf.Len())
			}

			o.Parts = []string{brief.PartSummary, brief.PartUnits}
			_, data, _ := export(t, st, o)
			then, err := pdf.ReadStamp(data)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(then.Parts, ",") != brief.PartSummary {
				t.Errorf("stamp parts %v, want the summary alone", then.Parts)
			}
			if v, err := briefcheck.Verify(st, then); err != nil || !v.Same() {
				t.Errorf("does not verify: %v\n%s", err, v.Text())
			}
		})
	}
}

// A stamp listing no part (a blank brief of an older version) reads back
// as none, never as every part: its check rebuilds the same nothing.
func TestStampWithoutPartsMeansNone(t *testing.T) {
	st := seed(t)
	r, notes := reviewAndNotes(t, st)
	o := opts(9)
	o.Parts = []string{brief.PartUnits}
	then := brief.Build(r, notes, o)
	if len(then.Parts) != 0 || len(then.Stamp.Parts) != 0 {
		t.Fatalf("parts %d, stamp %v", len(then.Parts), then.Stamp.Parts)
	}
	back, err := brief.DecodeStamp(then.Stamp.Encode())
	if err != nil {
		t.Fatal(err)
	}
	v, err := briefcheck.Verify(st, back)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Same() || len(v.Items) != 0 {
		t.Errorf("a blank brief's stamp rebuilds otherwise:\n%s", v.Text())
	}
}

// A unit's name with a character the font lacks is named in the warning
// by the unit, as an item's row is by its ID.
func TestMissingCharacterInUnitNamesTheUnit(t *testing.T) {
	need(t, "pdftotext")
	c := rareChar(t)
	st := seed(t)
	name := "市" + string(c) + "局"
	if _, err := st.AssignUnits(store.Assignment{Items: []string{"A1-01"}, Lead: name, NewUnits: true}, "张三"); err != nil {
		t.Fatal(err)
	}
	path, _, rep := export(t, st, withUnits(t, st, opts(9)))
	where := "责任单位“" + name + "”"
	found := false
	for _, m := range rep.Missing {
		found = found || m.Char == c && m.Where == where
		if m.Where == "" {
			t.Errorf("%q reported without a place", m.Char)
		}
	}
	if !found {
		t.Errorf("missing %+v, want %q at %s", rep.Missing, c, where)
	}
	if !strings.Contains(pdf.MissingText(rep.Missing), where) {
		t.Errorf("message %q", pdf.MissingText(rep.Missing))
	}
	if text := flat(pdftotext(t, path)); !strings.Contains(text, "市〓局") {
		t.Errorf("the unit's row is not printed with 〓:\n%s", text[strings.Index(text, "附："):])
	}
}

// After a change of 责任单位 the check says the units changed, names the
// appendix rows that differ and the changes recorded since — an
// assignment, then a rename — instead of blaming the plan data.
func TestVerifyNamesUnitChanges(t *testing.T) {
	st := seed(t)
	assignThree(t, st)
	_, data, _ := export(t, st, withUnits(t, st, opts(9)))
	then, err := pdf.ReadStamp(data)
	if err != nil {
		t.Fatal(err)
	}
	if then.Units["市统计局"] == "" {
		t.Fatalf("stamp keeps no unit rows: %+v", then.Units)
	}
	// As the command line and the window make it: the newest history row
	// then, so that only the changes after it are listed.
	if then.HistoryMark, err = st.LastChangeID(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func() error
		want   []string
	}{
		{"assign", func() error {
			_, err := st.AssignUnits(store.Assignment{Items: []string{"A1-07"}, Lead: "市统计局"}, "李四")
			return err
		}, []string{"责任单位有变：附表“按责任单位统计”中以下1个单位与简报所载不同：",
			"市统计局：牵头 2→3，暂无本期数据 1→2", "李四 指定责任单位：牵头：市统计局"}},
		{"rename", func() error {
			_, err := st.RenameUnit("市商务局", "嘉兴市商务局", "", "李四")
			return err
		}, []string{"中以下3个单位与简报所载不同：", "市商务局：简报附表中列有此单位，现已不应列入",
			"嘉兴市商务局：简报附表中原无此单位，现应列入（牵头3、", "李四 修改责任单位名称：市商务局"}},
	} {
		if err := tc.change(); err != nil {
			t.Fatal(err)
		}
		v, err := briefcheck.Verify(st, then)
		if err != nil {
			t.Fatal(err)
		}
		text := v.Text()
		if v.Same() || strings.Contains(text, "各项目本身未变") {
			t.Errorf("%s: %s", tc.name, text)
		}
		for _, want := range tc.want {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %q in\n%s", tc.name, want, text)
			}
		}
	}
	// A brief made before the rows were kept: the check can only say the
	// appendix differs, and still lists the changes.
	old := then
	old.Units = nil
	v, err := briefcheck.Verify(st, old)
	if err != nil {
		t.Fatal(err)
	}
	if text := v.Text(); !strings.Contains(text, "责任单位有变：附表“按责任单位统计”与简报所载不同。") ||
		len(regexp.MustCompile(`李四 `).FindAllString(text, -1)) != 2 || strings.Contains(text, "张三") {
		t.Errorf("old stamp:\n%s", text)
	}
}

// A brief made before the appendix's rows were kept, whose fingerprint
// differs with no item and no unit changed (the appendix is worded anew):
// the check says the appendix may be of an older version.
func TestVerifyOldAppendixWithoutUnitChanges(t *testing.T) {
	st := seed(t)
	assignThree(t, st)
	_, data, _ := export(t, st, withUnits(t, st, opts(9)))
	old, err := pdf.ReadStamp(data)
	if err != nil {
		t.Fatal(err)
	}
	old.Units, old.Code = nil, "0000-0000-0000"
	// Made after the assignments: the history row then is the newest.
	if old.HistoryMark, err = st.LastChangeID(); err != nil {
		t.Fatal(err)
	}
	v, err := briefcheck.Verify(st, old)
	if err != nil {
		t.Fatal(err)
	}
	if text := v.Text(); v.Same() || !strings.Contains(text, "附表“按责任单位统计”由旧版本生成") || strings.Contains(text, "责任单位有变") {
		t.Errorf("old appendix:\n%s", text)
	}
}
