package cli

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/sheet"
)

// TestRoundStart: one workbook per unit with items, named for the period
// and unit, holding only that unit's items; the cells to fill unlocked and
// the rest protected; a hidden sheet with the round, plan, unit and a key
// per row. Bad requests are refused and store nothing; undo removes the
// round.
func TestRoundStart(t *testing.T) {
	db := unitsDB(t)
	setUp(t, db, "unit", "add", "市经济和信息化局") // a unit with no items gets no workbook
	setUp(t, db, "lock", "1-6月", "--reason", "半年简报已报出")
	dir := filepath.Join(filepath.Dir(db), "填报 2024")
	must(t, os.Mkdir(dir, 0o755))
	before := dbBytes(t, db)
	for _, c := range []struct {
		argv []string
		code int
		want string
	}{
		{[]string{"--period", "1-9月", "--due", "2024-09-20", "-o", dir}, 1, "截止日期2024-09-20早于所填期间（2024年1-9月）结束"},
		{[]string{"--period", "1-9月", "--due", "十月十日", "-o", dir}, 1, "截止日期“十月十日”无法识别"},
		{[]string{"--period", "1-6月", "--due", "2024-07-10", "-o", dir}, 1, "1-6月已锁定"},
		{[]string{"--period", "1-9月", "--due", "2024-10-10", "-o", filepath.Join(dir, "无")}, 1, "不存在"},
		{[]string{"--period", "1-9月", "-o", dir}, 2, "需要 --period 期间、--due 截止日期 和 -o 文件夹"},
	} {
		r := run(t, db, append([]string{"round", "start"}, c.argv...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %d %q, want %d with %q", c.argv, r.code, r.stderr, c.code, c.want)
		}
		if string(dbBytes(t, db)) != string(before) {
			t.Fatalf("%v changed the database", c.argv)
		}
	}
	r := run(t, db, "round", "start", "--period", "1-9月", "--due", "2024年10月10日", "-o", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "已发起2024年1-9月填报（轮次 R1），截止2024-10-10，共3个单位") {
		t.Fatalf("round start: %d %s %s", r.code, r.stdout, r.stderr)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := []string{"2024年1-9月_市发展改革委_填报.xlsx", "2024年1-9月_市商务局_填报.xlsx", "2024年1-9月_市统计局_填报.xlsx"}
	sort.Strings(want)
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("files %v, want %v", names, want)
	}
	rows := listJSON(t, db)
	for _, tc := range []struct {
		file  string
		items []string
		roles []string
	}{
		{"2024年1-9月_市发展改革委_填报.xlsx", []string{rows[0].ID, rows[2].ID}, []string{"牵头", "牵头"}},
		{"2024年1-9月_市统计局_填报.xlsx", []string{rows[0].ID, rows[1].ID}, []string{"协办", "协办"}},
		{"2024年1-9月_市商务局_填报.xlsx", []string{rows[1].ID}, []string{"牵头"}},
	} {
		f, err := excelize.OpenFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		fill, _ := f.GetRows(sheet.RoundFillSheet)
		if len(fill) != len(tc.items)+1 || strings.Join(fill[0][:12], ",") != strings.Join(sheet.RoundFillColumns, ",") {
			t.Errorf("%s: 填报 rows %v", tc.file, fill)
			f.Close()
			continue
		}
		keys := map[string]string{}
		for i, id := range tc.items {
			if fill[i+1][0] != id || fill[i+1][2] != tc.roles[i] || len(fill[i+1]) < 13 || len(fill[i+1][12]) != 16 {
				t.Errorf("%s row %d: %v", tc.file, i+2, fill[i+1])
				continue
			}
			keys[id] = fill[i+1][12]
		}
		// Filled cells unlocked, the rest locked, the sheet protected.
		for cell, locked := range map[string]bool{"A2": true, "G2": true, "H2": false, "L2": false} {
			id, _ := f.GetCellStyle(sheet.RoundFillSheet, cell)
			st, _ := f.GetStyle(id)
			if st.Protection == nil || st.Protection.Locked != locked {
				t.Errorf("%s %s: protection %+v, want locked %v", tc.file, cell, st.Protection, locked)
			}
		}
		info, _ := f.GetRows(sheet.RoundKeySheet)
		if info[0][1] != "R1" || info[2][1] == "" || info[3][1] != strings.Split(tc.file, "_")[1] || info[4][1] != "2024-09" {
			t.Errorf("%s: 回执信息 %v", tc.file, info)
		}
		for _, kr := range info[7:] {
			if keys[kr[0]] != kr[1] {
				t.Errorf("%s: key of %s differs between sheets", tc.file, kr[0])
			}
		}
		if v, _ := f.GetSheetVisible(sheet.RoundKeySheet); v {
			t.Errorf("%s: 回执信息 visible", tc.file)
		}
		cover, _ := f.GetRows(sheet.RoundCoverSheet)
		if !strings.Contains(cover[2][0], "填报单位：") || !strings.Contains(cover[4][0], "报送截止：2024-10-10") {
			t.Errorf("%s: cover %v", tc.file, cover[:5])
		}
		f.Close()
	}
	// The same folder again: the workbooks there may be returns.
	if r := run(t, db, "round", "start", "--period", "1-9月", "--due", "2024-10-10", "-o", dir); r.code != 1 || !strings.Contains(r.stderr, "文件夹中已有") {
		t.Errorf("second start into the same folder: %d %s", r.code, r.stderr)
	}
	// A unit sent a workbook stays on the list; undo removes the round.
	if r := run(t, db, "unit", "remove", "市商务局"); r.code != 1 {
		t.Errorf("remove a unit with items: %d %s", r.code, r.stderr)
	}
	setUp(t, db, "undo")
	if h := run(t, db, "history"); !strings.Contains(h.stdout, "撤销 #") || !strings.Contains(h.stdout, "发起填报") {
		t.Errorf("history: %s", h.stdout)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
