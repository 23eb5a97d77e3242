package plantable

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// TestFillReadsBack: the bundled plan written as a workbook (Fill) and
// read back is the same plan, item for item and field for field — IDs,
// kinds, sections, names and groups as written, targets as written and
// understood, hedges, deadlines, measures, same_as, parent, topic, note,
// source quote and every parcel's columns — and the same sections, refs
// and 附件2 total. Only the plan's own header (ID, title, issuer …) comes
// from the import, not the workbook. Also read after LibreOffice saves it
// again, as an office without Excel does.
func TestFillReadsBack(t *testing.T) {
	p, d := bundledDraft(t, Fill)
	check := func(t *testing.T, d Draft) {
		for _, it := range d.Items {
			if it.NeedsReview {
				t.Errorf("needs review: %s", it.Reason)
			}
		}
		got := planOf(t, d, Meta{City: "嘉兴市", Year: 2023})
		if len(got.Items) != len(p.Items) {
			t.Fatalf("%d items, want %d", len(got.Items), len(p.Items))
		}
		worded := 0
		for i, want := range p.Items {
			g := got.Items[i]
			if g.TargetText != want.TargetText && g.TargetText == tableTarget(want) {
				// The one field a workbook words otherwise: a bare target the
				// table rules would misread gets a lead word the grammar reads
				// alike (3%以内 → 控制在3%以内, the same target).
				g.TargetText = want.TargetText
				worded++
			}
			if !reflect.DeepEqual(g, want) {
				t.Errorf("%s:\n got %s\nwant %s", want.ID, show(g), show(want))
			}
		}
		if worded != 1 {
			t.Errorf("%d targets worded otherwise, want 1 (A1-12 居民消费价格涨幅 3%%以内)", worded)
		}
		if !reflect.DeepEqual(got.Sections, p.Sections) {
			t.Errorf("sections\n got %v\nwant %v", got.Sections, p.Sections)
		}
		if !reflect.DeepEqual(got.Refs, p.Refs) || got.ParcelTotalMu != p.ParcelTotalMu {
			t.Errorf("refs %v total %v, want %v %v", got.Refs, got.ParcelTotalMu, p.Refs, p.ParcelTotalMu)
		}
	}
	t.Run("excelize", func(t *testing.T) { check(t, d) })
	t.Run("libreoffice", func(t *testing.T) {
		data, err := Fill(p)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "计划.xlsx")
		write(t, file, data)
		again := resave(t, file)
		b, err := os.ReadFile(again)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(again, b)
		if err != nil {
			t.Fatal(err)
		}
		check(t, d)
	})
}

func show(it domain.Item) string {
	s := fmt.Sprintf("%+v", it)
	if it.Parcel != nil {
		s += fmt.Sprintf(" parcel %+v", *it.Parcel)
	}
	return s
}

// A plan's own workbook whose 编号 or links were edited wrong is refused
// with the row named; nothing is guessed.
func TestFillEditedWrong(t *testing.T) {
	for _, tc := range []struct {
		name, sheet string
		edit        func(rows [][]string) [][]string
		want        string
	}{
		{"ID twice", "重点工作", func(rows [][]string) [][]string {
			rows[3][idCol(rows, "编号")] = rows[2][idCol(rows, "编号")]
			return rows
		},
			"工作表“重点工作”第4行的编号“B1-01”与工作表“重点工作”第3行重复"},
		{"same_as to nothing", "重点工作", func(rows [][]string) [][]string { rows[2][idCol(rows, "同一指标")] = "A1-99"; return rows },
			"工作表“重点工作”第3行“同一指标”列：没有编号为“A1-99”的项目"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sheets, order := bundledSheets(t)
			sheets[tc.sheet] = tc.edit(sheets[tc.sheet])
			d := readDraft(t, sheets, order...)
			_, err := PlanFile(d, Meta{City: "嘉兴市", Year: 2023})
			if err == nil || !contains(err.Error(), tc.want) {
				t.Errorf("err %v, want %q", err, tc.want)
			}
		})
	}
}

// bundledSheets is the bundled plan's workbook (Fill) as rows per sheet,
// to edit and write again.
func bundledSheets(t *testing.T) (map[string][][]string, []string) {
	t.Helper()
	p, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	data, err := Fill(p)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = rows
	}
	return out, f.GetSheetList()
}

// idCol is the column headed name.
func idCol(rows [][]string, name string) int {
	for i, h := range rows[0] {
		if h == name {
			return i
		}
	}
	return -1
}

func contains(s, part string) bool { return strings.Contains(s, part) }

// Qualitative targets come back from the workbook: one the grammar reads
// (稳中提质, a commitment too) and one a reviewer marked (明显好转), with the
// unit its figures are recorded in.
func TestFillKeepsQualitativeTargets(t *testing.T) {
	p, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	marked, _ := domain.QualitativeTarget("明显好转").WithUnit("%")
	vocab := domain.QualitativeTarget("稳中提质")
	for i, it := range p.Items {
		switch it.ID {
		case "A1-02":
			p.Items[i].TargetText, p.Items[i].Target, p.Items[i].Measure = "明显好转", marked, domain.Level
		case "B1-01":
			p.Items[i].TargetText, p.Items[i].Target, p.Items[i].Measure = "稳中提质", vocab, domain.Level
		}
	}
	data, err := Fill(p)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "计划.xlsx")
	write(t, file, data)
	d, err := Read(file, readFile(t, file))
	if err != nil {
		t.Fatal(err)
	}
	got := planOf(t, d, Meta{City: "嘉兴市", Year: 2023})
	for _, id := range []string{"A1-02", "B1-01"} {
		g, _ := got.Item(id)
		w, _ := p.Item(id)
		if g.Kind != w.Kind || g.TargetText != w.TargetText || g.Target != w.Target || g.Measure != w.Measure {
			t.Errorf("%s:\n got %s\nwant %s", id, show(g), show(w))
		}
	}
}
