package domain

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

var testUnits = []Unit{
	{ID: 1, Short: "发改委", Full: "市发展改革委", Order: 1},
	{ID: 2, Short: "统计局", Full: "市统计局", Order: 2},
	{ID: 3, Short: "商务局", Full: "市商务局", Order: 3},
	{ID: 4, Short: "发改局", Full: "南湖区发改局", Order: 4},
	{ID: 5, Short: "发改局", Full: "秀洲区发改局", Order: 5},
	{ID: 6, Short: "5G办", Full: "市委（市政府）5G办", Order: 6},
}

func TestMatchUnit(t *testing.T) {
	for _, tc := range []struct {
		name string
		want int64  // 0: refused
		err  string // part of the refusal
	}{
		{"市发展改革委", 1, ""},
		{" 市发展改革委 ", 1, ""},
		{"发改委", 1, ""},       // short name
		{"市发改委", 1, ""},      // neither, but its standard short form
		{"市发展和改革委员会", 1, ""}, // the long form of the same
		{"统计局", 2, ""},
		{"ＡＢＣ局", 0, "没有这个责任单位"}, // full-width folded, still unknown
		// Full-width letters and digits, the ideographic space, brackets
		// either way: the width folding every reader of typed text uses.
		{"市　统计局", 2, ""},
		{"５Ｇ办", 6, ""},
		{"市委(市政府)5G办", 6, ""},
		{"市委（市政府）５Ｇ办", 6, ""},
		{"南湖区发改局", 4, ""},  // full name beats the shared short one
		{"发改局", 0, "无法确定"}, // two units answer: never guessed
		{"市经信局", 0, "没有这个责任单位"},
		{"", 0, "不能为空"},
	} {
		u, err := MatchUnit(testUnits, tc.name)
		if tc.want != 0 {
			if err != nil || u.ID != tc.want {
				t.Errorf("%q: %+v %v, want unit %d", tc.name, u, err, tc.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%q: %+v %v, want refusal with %q", tc.name, u, err, tc.err)
		}
	}
	if _, err := MatchUnit(testUnits, "市经信局"); !errors.Is(err, ErrNoUnit) {
		t.Errorf("unknown unit is not ErrNoUnit: %v", err)
	}
}

// TestNormaliseUnitName: a name as stored and compared — spaces gone,
// full-width ASCII folded, brackets the full-width ones official names use.
func TestNormaliseUnitName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{" 市商务局 ", "市商务局"},
		{"市　商务局", "市商务局"},
		{"市\u00a0商务局", "市商务局"},
		{"市５Ｇ办", "市5G办"},
		{"市委(市政府)办公室", "市委（市政府）办公室"},
		{"市委（市政府）办公室", "市委（市政府）办公室"},
		{"", ""},
	} {
		if got := NormaliseUnitName(c.in); got != c.want {
			t.Errorf("NormaliseUnitName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestShortUnitName(t *testing.T) {
	for full, want := range map[string]string{
		"市发展改革委":      "发改委",
		"市发展和改革委员会":   "发改委",
		"市统计局":        "统计局",
		"市人力资源和社会保障局": "人社局",
		"县住房和城乡建设局":   "住建局",
		"市":           "市",
		"嘉兴市商务局":      "嘉兴市商务局",
	} {
		if got := ShortUnitName(full); got != want {
			t.Errorf("%s → %s, want %s", full, got, want)
		}
	}
}

func TestOwnersFromNote(t *testing.T) {
	for _, tc := range []struct {
		note string
		want []string
	}{
		{"责任单位：市发改委、市统计局", []string{"市发改委", "市统计局"}},
		{"属性：约束性；责任单位：市商务局 、 市发改委，市商务局", []string{"市商务局", "市发改委"}},
		{"属性：预期性", nil},
		{"注：按可比价计算。", nil},
		{"责任单位：", nil},
		{"", nil},
	} {
		if got := OwnersFromNote(tc.note); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q → %v, want %v", tc.note, got, tc.want)
		}
	}
}

func TestItemUnitsHas(t *testing.T) {
	a := ItemUnits{Lead: 1, With: []int64{3, 2}}
	for id, want := range map[int64]bool{1: true, 2: true, 3: true, 4: false} {
		if a.Has(id) != want {
			t.Errorf("Has(%d) = %v", id, !want)
		}
	}
	if a.Empty() || !(ItemUnits{}).Empty() {
		t.Error("Empty")
	}
}

// FuzzMatchUnit: any name is matched or refused with a message, never a
// panic, and a match is a unit of the list that answers to the name.
func FuzzMatchUnit(f *testing.F) {
	for _, s := range []string{"市发展改革委", "发改委", "市发改委", "发改局", "", " ", "市", "区发改局", "ｘ局", "责任单位：市统计局"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		u, err := MatchUnit(testUnits, name)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty message")
			}
			return
		}
		if u.ID == 0 {
			t.Fatalf("%q matched a zero unit", name)
		}
	})
}

// FuzzOwnersFromNote: any note gives names that are non-empty, distinct
// and hold no separator.
func FuzzOwnersFromNote(f *testing.F) {
	for _, s := range []string{"责任单位：市发改委、市统计局", "属性：约束性；责任单位：A，B,C/D", "责任单位：；", "；；责任单位：、、"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		seen := map[string]bool{}
		for _, o := range OwnersFromNote(note) {
			if o == "" || seen[o] || strings.ContainsAny(o, "、，,;/ \t") {
				t.Fatalf("%q gives owner %q", note, o)
			}
			seen[o] = true
		}
	})
}

// One list of 责任单位 reads the same wherever it was written: a table
// cell, a note, the window's field or --with.
func TestSplitUnitNames(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"市发改委、市统计局", []string{"市发改委", "市统计局"}},
		{"市财政局/市税务局", []string{"市财政局", "市税务局"}},
		{"市财政局；市税务局;市商务局", []string{"市财政局", "市税务局", "市商务局"}},
		{"南湖区政府、 秀洲区政府", []string{"南湖区政府", "秀洲区政府"}},
		{"市科技局　市教育局", []string{"市科技局", "市教育局"}},
		{" 、 ", []string{}},
	}
	for _, c := range cases {
		if got := SplitUnitNames(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitUnitNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
