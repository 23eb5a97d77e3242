//go:build ignore

// round-demo adds to a demo database (scripts/demo-data.sh) eight units,
// a 1-9月 reporting round due 2023-10-10 and returns from five of them —
// on time, late, in part — as round collect records them, for the round
// view's screenshot (scripts/screenshot-round-view.sh). Made-up data.
//
//	go run scripts/round-demo.go out/demo.db
package main

import (
	"fmt"
	"os"
	"time"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/model/store"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/round-demo.go DB")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

var cst = time.FixedZone("CST", 8*3600)

func run(db string) error {
	now := time.Date(2023, 9, 28, 10, 0, 0, 0, cst)
	st, err := store.Open(db, store.Options{NoBackup: true, Now: func() time.Time { return now }})
	if err != nil {
		return err
	}
	defer st.Close()
	units := []struct {
		lead  string
		items []string
	}{
		{"市统计局", []string{"A1-01", "A1-03", "A1-12", "A1-13a", "A1-13b", "A1-15"}},
		{"市发展改革委", []string{"A1-05", "B1-01", "B1-02", "B1-04", "B1-06", "B1-07"}},
		{"市财政局", []string{"A1-02", "B1-05", "B4-01"}},
		{"市商务局", []string{"A1-06", "A1-07", "A1-08", "B1-08", "B1-09", "B3-02", "B3-03"}},
		{"市经信局", []string{"A1-11", "B2-03", "B2-04", "B2-05", "B2-06", "B2-08"}},
		{"市科技局", []string{"A1-09", "B2-01", "B2-02", "M2-01", "M2-02"}},
		{"市人力社保局", []string{"A1-10", "A1-16"}},
		{"市生态环境局", []string{"A1-17", "A1-18", "A1-19", "A1-20"}},
	}
	for _, u := range units {
		if _, err := st.AssignUnits(store.Assignment{Items: u.items, Lead: u.lead, NewUnits: true}, "演示"); err != nil {
			return err
		}
	}
	p := domain.Period{Year: 2023, Month: 9}
	rp, err := st.PlanRound(p, "2023-10-10")
	if err != nil {
		return err
	}
	if _, err := st.SaveRound(rp, "演示"); err != nil {
		return err
	}
	returns := []struct {
		unit    string
		at      time.Time
		figures map[string]float64
	}{
		{"市经信局", time.Date(2023, 10, 8, 16, 12, 0, 0, cst), map[string]float64{"A1-11": 13.0, "B2-03": 820, "B2-04": 21, "B2-05": 12, "B2-06": 48, "B2-08": 260}},
		{"市统计局", time.Date(2023, 10, 9, 9, 40, 0, 0, cst), map[string]float64{"A1-01": 5.9, "A1-03": 6.1, "A1-12": 0.4, "A1-13a": 5.3, "A1-13b": 6.5, "A1-15": 2.9}},
		{"市财政局", time.Date(2023, 10, 10, 17, 5, 0, 0, cst), map[string]float64{"A1-02": 4.3, "B1-05": 318, "B4-01": 175}},
		{"市人力社保局", time.Date(2023, 10, 10, 11, 30, 0, 0, cst), map[string]float64{"A1-16": 8.8}},
		{"市发展改革委", time.Date(2023, 10, 12, 14, 45, 0, 0, cst), map[string]float64{"A1-05": 9.3, "B1-01": 275, "B1-02": 97, "B1-06": 305.2}},
	}
	for _, r := range returns {
		now = r.at
		var rows []store.Import
		for id, v := range r.figures {
			rows = append(rows, store.Import{Actual: &domain.Actual{ItemID: id, Period: p, Value: v, Source: "演示数据", By: "演示"}})
		}
		if err := st.ImportReturn(rows, r.unit, domain.RoundFileName(p, r.unit), "演示"); err != nil {
			return fmt.Errorf("%s: %w", r.unit, err)
		}
	}
	fmt.Println("演示填报轮次已写入", db)
	return nil
}
