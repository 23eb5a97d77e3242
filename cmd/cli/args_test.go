package cli

import (
	"reflect"
	"testing"
)

func TestParseArgs(t *testing.T) {
	spec := flagSpec{"db": true, "json": false, "source": true}
	tests := []struct {
		in   []string
		pos  []string
		opts map[string]string
	}{
		{[]string{"A1-01", "2023-09", "5.8", "--source", "统计局"}, []string{"A1-01", "2023-09", "5.8"}, map[string]string{"source": "统计局"}},
		{[]string{"--source=统计局 月报", "A1-01", "-0.4"}, []string{"A1-01", "-0.4"}, map[string]string{"source": "统计局 月报"}},
		{[]string{"A1-01", "－0.4", "--json"}, []string{"A1-01", "－0.4"}, map[string]string{"json": ""}},
		{[]string{"--", "--json"}, []string{"--json"}, map[string]string{}},
	}
	for _, tt := range tests {
		a, err := parseArgs(tt.in, spec)
		if err != nil || !reflect.DeepEqual(a.pos, tt.pos) || !reflect.DeepEqual(a.opts, tt.opts) {
			t.Errorf("parseArgs(%q) = %q %v, %v", tt.in, a.pos, a.opts, err)
		}
	}
	for _, in := range [][]string{{"--nope"}, {"--source"}, {"--json=1"}} {
		if _, err := parseArgs(in, spec); err == nil {
			t.Errorf("parseArgs(%q) accepted", in)
		}
	}
}
