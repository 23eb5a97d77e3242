package domain

import (
	"reflect"
	"testing"
)

func TestReadState(t *testing.T) {
	v, zero := 5.8, 0.0
	cases := []struct {
		raw  string
		want State
		ok   bool
	}{
		{"", State{}, false},
		{`{"value":5.8,"source":"市统计局"}`, State{Value: &v, Source: "市统计局"}, true},
		{`{"value":0}`, State{Value: &zero}, true}, // a recorded 0 is a figure, not nothing
		{`{"outcome":"done"}`, State{Outcome: OutcomeDone}, true},
		{`{"body":"口径调整"}`, State{Body: "口径调整"}, true},
		{`{"code":"behind","reason":"停产"}`, State{Code: Behind, Reason: "停产"}, true},
		{`{"text":"下降3.5%"}`, State{Text: "下降3.5%"}, true},
		{`{"how":"none"}`, State{Pairing: true}, true},
		{`{"how":"reviewer","prior_item":"A1-02"}`, State{Pairing: true, PriorItem: "A1-02"}, true},
		{`{"reason":"简报已发出"}`, State{Reason: "简报已发出"}, true},
		{`not json`, State{Text: "not json"}, true}, // shown as written, never lost
	}
	for _, c := range cases {
		got, ok := ReadState(c.raw)
		if ok != c.ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("ReadState(%q) = %+v, %v; want %+v, %v", c.raw, got, ok, c.want, c.ok)
		}
	}
}
