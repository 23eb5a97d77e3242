package domain

import "testing"

func BenchmarkParseTarget(b *testing.B) {
	texts := []string{"增长6%左右", "控制在26微克/立方米及以下", "占全国份额13.4‰左右", "3000家（次）以上", "按省下达目标安排"}
	for b.Loop() {
		for _, s := range texts {
			if _, err := ParseTarget(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}
