package cli

import (
	"fmt"
	"regexp"
	"strings"
)

// flagSpec declares the options of one command: name → takes a value.
type flagSpec map[string]bool

// args is a parsed command line: options by name, and the positional
// arguments in order.
type args struct {
	opts map[string]string
	pos  []string
	// every holds each value of an option given more than once
	// (plan import --set A --set B), in order; opts the last.
	every map[string][]string
}

func (a args) has(name string) bool   { _, ok := a.opts[name]; return ok }
func (a args) get(name string) string { return a.opts[name] }

// all is every value given for an option, in order.
func (a args) all(name string) []string { return a.every[name] }

var reNumberArg = regexp.MustCompile(`^[-－−][0-9０-９]`)

// parseArgs reads options anywhere on the line (record A1-01 2023-09 5.8
// --source 统计局), as people type them. A token like -0.4 is a value, not
// an option. "--" ends the options.
func parseArgs(tokens []string, spec flagSpec) (args, error) {
	a := args{opts: map[string]string{}, every: map[string][]string{}}
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if t == "--" {
			a.pos = append(a.pos, tokens[i+1:]...)
			break
		}
		if !strings.HasPrefix(t, "-") || t == "-" || reNumberArg.MatchString(t) {
			a.pos = append(a.pos, t)
			continue
		}
		name := strings.TrimLeft(t, "-")
		value, hasValue := "", false
		if k := strings.IndexByte(name, '='); k >= 0 {
			name, value, hasValue = name[:k], name[k+1:], true
		}
		takes, known := spec[name]
		if !known {
			return a, fmt.Errorf("未知选项“%s”", t)
		}
		if takes && !hasValue {
			if i+1 >= len(tokens) {
				return a, fmt.Errorf("选项“--%s”需要一个值", name)
			}
			i++
			value = tokens[i]
		}
		if !takes && hasValue {
			return a, fmt.Errorf("选项“--%s”不带值", name)
		}
		a.opts[name] = value
		a.every[name] = append(a.every[name], value)
	}
	return a, nil
}
