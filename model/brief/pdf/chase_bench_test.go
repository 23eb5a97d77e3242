package pdf_test

import (
	"fmt"
	"testing"

	"cn.planreview/planreview/model/brief/pdf"
)

// BenchmarkChaseList draws the one-page 催报清单 for a realistic round
// (12 units, 40 items: the full table) and a large one (60 units, 400
// items: every layout tried before the two-units-a-row table fits), as
// the round view does on 打印用PDF… and round status -o does.
func BenchmarkChaseList(b *testing.B) {
	for _, size := range []struct{ units, items int }{{12, 40}, {60, 400}} {
		c := chaseList(size.units, size.items)
		b.Run(fmt.Sprintf("%dunits_%ditems", size.units, size.items), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := pdf.RenderChaseList(c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
