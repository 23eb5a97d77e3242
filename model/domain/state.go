package domain

import "encoding/json"

// State is one side of a history row (Change.Before or After) as read: a
// figure, an outcome, a note, a manual status, a target, a lock or a
// pairing with last year's item. Each view words it its own way (the
// window in the reviewer's language, verify in Chinese); reading the JSON
// is done once, here.
type State struct {
	Value     *float64 // a figure
	Source    string   // the figure's source
	Outcome   Outcome  // a milestone's progress
	Body      string   // a note
	Code      Code     // a manual status, with Reason
	Reason    string   // a manual status's or a lock's reason
	Text      string   // a target a reviewer entered
	Pairing   bool     // a pairing with last year's item (PriorItem "" = 不配对)
	PriorItem string
}

// ReadState reads a history side. ok is false for an empty side; a side
// that is no JSON object comes back as Text, as written.
func ReadState(raw string) (s State, ok bool) {
	if raw == "" {
		return State{}, false
	}
	var m struct {
		Value     *float64 `json:"value"`
		Source    string   `json:"source"`
		Outcome   Outcome  `json:"outcome"`
		Body      string   `json:"body"`
		Code      Code     `json:"code"`
		Reason    string   `json:"reason"`
		Text      string   `json:"text"`
		How       string   `json:"how"`
		PriorItem string   `json:"prior_item"`
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return State{Text: raw}, true
	}
	return State{Value: m.Value, Source: m.Source, Outcome: m.Outcome, Body: m.Body, Code: m.Code,
		Reason: m.Reason, Text: m.Text, Pairing: m.How != "", PriorItem: m.PriorItem}, true
}
