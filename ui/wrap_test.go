package ui

import (
	"strings"
	"testing"
)

func TestBreakable(t *testing.T) {
	s := "1-9月增长5.8%，低于目标0.2个百分点（“左右”允许±0.5个百分点）。"
	b := breakable(s)
	if unbreakable(b) != s {
		t.Fatalf("marks change the text: %q", unbreakable(b))
	}
	parts := strings.Split(b, string(hairSpace))
	for _, p := range parts {
		first := []rune(p)[0]
		if strings.ContainsRune(closingPunct, first) {
			t.Errorf("a line could start with %q: %q", first, p)
		}
		last := []rune(p)[len([]rune(p))-1]
		if strings.ContainsRune(openingPunct, last) {
			t.Errorf("a line could end with %q: %q", last, p)
		}
	}
	for _, whole := range []string{"5.8%", "0.2", "1-9", "0.5"} {
		if !strings.Contains(b, whole) {
			t.Errorf("%q is split", whole)
		}
	}
	if breakable("GDP growth") != "GDP growth" {
		t.Error("Latin text must be left alone")
	}
}
