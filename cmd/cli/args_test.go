package cli

import (
	"bytes"
	"reflect"
	"strings"
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

// The options every command takes may come before the command, as people
// type a program's global options (planreview --db x.db unit add 市商务局).
func TestCommandFirst(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"--db", "x.db", "unit", "add", "市商务局"}, []string{"unit", "--db", "x.db", "add", "市商务局"}},
		{[]string{"--db=x.db", "--plan", "p", "units", "--json"}, []string{"units", "--db=x.db", "--plan", "p", "--json"}},
		{[]string{"units", "--db", "x.db"}, []string{"units", "--db", "x.db"}},
		{[]string{"--db", "x.db", "--json"}, []string{"list", "--db", "x.db", "--json"}},
		{[]string{"--db", "x.db"}, []string{"list", "--db", "x.db"}},
		{nil, []string{"list"}},
		{[]string{"--help"}, []string{"--help"}},
	}
	for _, tt := range tests {
		if got := commandFirst(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("commandFirst(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	db := tempDB(t)
	if r := run(t, db, "unit", "add", "市商务局"); r.code != 0 {
		t.Fatalf("unit add: %+v", r)
	}
	var out, errb bytes.Buffer
	env := Env{Bundle: bundle, Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "张三" }}
	if code := Run([]string{"--db", db, "units"}, env); code != 0 || !strings.Contains(out.String(), "市商务局") {
		t.Errorf("--db before units: %d %q %q", code, out.String(), errb.String())
	}
}
