package demo

import (
	"bytes"
	"fmt"

	"cn.planreview/planreview/model/store"
)

// WriteWorkspace creates a database at path holding plans generated
// plans of n items each, one a year from 2023 back, each with its
// figures and notes: a workspace some years into use, for measuring what
// several plans cost. The 2023 plan is the first, which a store opens on.
func WriteWorkspace(path string, plans, n int, seed int64) error {
	if err := Write(path, n, seed); err != nil {
		return err
	}
	if plans < 2 {
		return nil
	}
	st, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		return err
	}
	defer st.Close()
	first := st.Plan().ID
	for k := 1; k < plans; k++ {
		year := 2023 - k
		p, err := GenerateYear(n, year, seed+int64(k))
		if err != nil {
			return err
		}
		// Every generated plan of n items is demo-n; a workspace needs one
		// ID a year.
		id := fmt.Sprintf("demo-%d-%d", n, year)
		ds := bytes.Replace(p.Dataset, []byte(fmt.Sprintf(`"id":"demo-%d"`, n)), []byte(`"id":"`+id+`"`), 1)
		if _, err := st.CreatePlan(store.NewPlan{Dataset: ds, Year: year}, "演示"); err != nil {
			return err
		}
		if err := st.SelectPlan(id); err != nil {
			return err
		}
		if err := st.ImportActuals(importRows(p), "gen-demo", "演示"); err != nil {
			return err
		}
	}
	return st.SelectPlan(first)
}
