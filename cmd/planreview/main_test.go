package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuiltProgram builds the real binary and runs it as a user would:
// exit codes, stdout and stderr through main, not just the cli package.
func TestBuiltProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "planreview")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "张三 的数据", "plan.db")
	run := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, append(args, "--db", db)...)
		cmd.Env = append(os.Environ(), "PLANREVIEW_USER=张三")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errb.String()
	}
	if code, out, errs := run("record", "B1-01", "1-9月", "270", "--source", "市发展改革委"); code != 0 ||
		!strings.Contains(out, "慢于序时进度7.5个百分点") {
		t.Fatalf("record: %d %q %q", code, out, errs)
	}
	code, out, _ := run("list", "--json")
	var rows []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) != 113 {
		t.Fatalf("list --json: %d, %d rows", code, len(rows))
	}
	if code, _, errs := run("record", "B1-01", "1-9月", "二百七十"); code != 1 || !strings.HasPrefix(errs, "错误：实际值“二百七十”无法识别") {
		t.Errorf("bad value: %d %q", code, errs)
	}
	if code, _, errs := run("recrod"); code != 2 || !strings.Contains(errs, "未知命令") {
		t.Errorf("mistyped command: %d %q", code, errs)
	}
	if code, out, _ := run("list"); code != 0 || !strings.Contains(out, "共113项") {
		t.Errorf("list: %d %q", code, out)
	}
}

func TestWindowOrCommandLine(t *testing.T) {
	for _, c := range []struct {
		args   []string
		path   string
		window bool
	}{
		{[]string{"--db", "计划.db"}, "计划.db", true},
		{[]string{"--db=计划.db"}, "计划.db", true},
		{[]string{"list", "--db", "计划.db"}, "", false},
		{[]string{"help"}, "", false},
	} {
		p, w := windowDB(c.args)
		if w != c.window || (w && p != c.path) {
			t.Errorf("windowDB(%q) = %q %v", c.args, p, w)
		}
	}
	if p, w := windowDB(nil); !w || !strings.HasSuffix(p, "planreview.db") {
		t.Errorf("no arguments: %q %v", p, w)
	}
}
