package cli

import (
	"encoding/json"
	"fmt"

	"cn.planreview/planreview/model/store"
)

func runHistory(env Env, st *store.Store, a args) error {
	if len(a.pos) > 1 {
		return usage("history 最多接受一个编号")
	}
	id := ""
	if len(a.pos) == 1 {
		id = a.pos[0]
	}
	h, err := st.History(id)
	if err != nil {
		return err
	}
	if a.has("json") {
		type row struct {
			ID     int64           `json:"id"`
			At     string          `json:"at"`
			Who    string          `json:"who"`
			Action string          `json:"action"`
			ItemID string          `json:"item_id,omitempty"`
			Period string          `json:"period,omitempty"`
			Before json.RawMessage `json:"before"`
			After  json.RawMessage `json:"after"`
			Detail string          `json:"detail,omitempty"`
		}
		raw := func(s string) json.RawMessage {
			if s == "" {
				return json.RawMessage("null")
			}
			return json.RawMessage(s)
		}
		out := []row{}
		for _, c := range h {
			out = append(out, row{c.ID, c.At.Format("2006-01-02T15:04:05-07:00"), c.Who, string(c.Action), c.ItemID,
				c.Period, raw(c.Before), raw(c.After), c.Detail})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(h) == 0 {
		fmt.Fprintln(env.Stdout, "没有修改记录。")
		return nil
	}
	for _, c := range h {
		line := fmt.Sprintf("#%d %s %s %s", c.ID, c.At.Format("2006-01-02 15:04"), c.Who, c.Action.Label())
		if c.ItemID != "" {
			line += " " + c.ItemID
		}
		if c.Period != "" {
			line += " " + c.Period
		}
		if c.Before != "" {
			line += " 改前 " + c.Before
		}
		if c.After != "" {
			line += " 改后 " + c.After
		}
		if c.Detail != "" {
			line += " " + c.Detail
		}
		fmt.Fprintln(env.Stdout, line)
	}
	return nil
}
