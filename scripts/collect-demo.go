//go:build ignore

// collect-demo adds to a demo database (scripts/demo-data.sh) three units,
// a 1-9月 reporting round and their workbooks filled in as the units would
// return them — figures agreeing with the demo's, figures differing from
// them, and 市商务局's with a row key altered — into DIR, for the screenshots
// of 导入回执 and 待裁定数据 (scripts/screenshot-collect.sh). With -collect
// the returns are also collected, as 写入 does, so their differing figures
// wait in 待裁定数据. Made-up data.
//
//	go run scripts/collect-demo.go [-collect] DB DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/rounds"
	"cn.planreview/planreview/model/sheet"
	"cn.planreview/planreview/model/store"
)

func main() {
	collect := flag.Bool("collect", false, "collect the returns into DB too")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/collect-demo.go [-collect] DB DIR")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *collect); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// filled is what each unit writes into its workbook: item → 实际值. The
// demo's 1-9月 figures are A1-01 5.8, A1-03 7.4, A1-05 9.1, B1-01 270,
// B1-02 96, B1-08 86.
var filled = map[string]map[string]string{
	"市统计局":   {"A1-01": "5.8", "A1-03": "7.1", "A1-05": "9.1"},
	"市发展改革委": {"B1-01": "275", "B1-02": "96", "B1-08": "90"},
	"市商务局":   {"B1-08": "88"},
}

// tampered is the unit whose return has a row key altered.
const tampered = "市商务局"

func run(db, dir string, collect bool) error {
	st, err := store.Open(db, store.Options{NoBackup: true})
	if err != nil {
		return err
	}
	defer st.Close()
	for _, as := range []store.Assignment{
		{Items: []string{"A1-01", "A1-03", "A1-05"}, Lead: "市统计局", NewUnits: true},
		{Items: []string{"B1-01", "B1-02"}, Lead: "市发展改革委", NewUnits: true},
		{Items: []string{"B1-08"}, Lead: "市商务局", With: []string{"市发展改革委"}, NewUnits: true},
	} {
		if _, err := st.AssignUnits(as, "演示"); err != nil {
			return err
		}
	}
	r, err := st.Review(domain.DefaultTolerance())
	if err != nil {
		return err
	}
	rp, err := st.PlanRound(domain.Period{Year: 2023, Month: 9}, "2023-10-10")
	if err != nil {
		return err
	}
	files, err := sheet.RoundFiles(r, rp)
	if err != nil {
		return err
	}
	if _, err := st.SaveRound(rp, "演示"); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var good []rounds.Checked
	for _, pack := range rp.Packs {
		var file sheet.RoundFile
		for _, f := range files {
			if f.Name == domain.RoundFileName(rp.Round.Period, pack.Unit.Full) {
				file = f
			}
		}
		path := filepath.Join(dir, file.Name)
		if err := fill(file, path, filled[pack.Unit.Full], pack.Unit.Full == tampered); err != nil {
			return err
		}
		if c := rounds.CheckFile(st, path); c.Refused == nil {
			good = append(good, c)
		}
	}
	if collect {
		if _, err := rounds.Collect(st, good, "演示", rounds.Hold); err != nil {
			return err
		}
	}
	fmt.Println("演示回执已写入", dir)
	return nil
}

// fill writes a unit's workbook filled in: each figure with progress,
// source, reporter and phone; tamper alters the first filled row's key.
func fill(file sheet.RoundFile, path string, figures map[string]string, tamper bool) error {
	if err := os.WriteFile(path, file.Data, 0o644); err != nil {
		return err
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	s := sheet.RoundFillSheet
	rows, err := f.GetRows(s)
	if err != nil {
		return err
	}
	for i, r := range rows {
		v, ok := figures[r[0]]
		if i == 0 || !ok {
			continue
		}
		n := i + 1
		for col, text := range map[string]string{"H": v, "I": "项目推进总体顺利，四季度加快进度。", "J": "部门统计月报", "K": "李四", "L": "0573-82345678"} {
			f.SetCellValue(s, fmt.Sprintf("%s%d", col, n), text)
		}
		if tamper {
			f.SetCellValue(s, fmt.Sprintf("M%d", n), "0123456789abcdef")
			tamper = false
		}
	}
	return f.Save()
}
