package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The window keeps its designed size where the screen has room and
// shrinks, frame included, to the work area where it has not.
func TestWindowFitsTheWorkArea(t *testing.T) {
	cases := []struct {
		name string
		area screenArea
		want fyne.Size
	}{
		{"1920×1080 Windows, taskbar 40", screenArea{w: 1920, h: 1040, scale: 1, frameW: 16, frameH: 39}, designSize},
		{"1366×768 Windows, taskbar 40", screenArea{w: 1366, h: 728, scale: 1, frameW: 16, frameH: 39}, fyne.NewSize(1350, 689)},
		{"1024×600 Windows, taskbar 40", screenArea{w: 1024, h: 560, scale: 1, frameW: 16, frameH: 39}, fyne.NewSize(1008, 521)},
		{"1024×600 under Xvfb, no frame", screenArea{w: 1024, h: 600, scale: 1}, fyne.NewSize(1024, 600)},
		{"1366×768 under Xvfb, no frame", screenArea{w: 1366, h: 768, scale: 1}, designSize},
		{"1920×1080 at 150 %", screenArea{w: 1920, h: 1032, scale: 1.5, frameW: 24, frameH: 59}, fyne.NewSize(1264, 648)},
		{"no screen known", screenArea{}, designSize},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := fitInto(designSize, c.area)
			if got != c.want {
				t.Fatalf("fitInto = %v, want %v", got, c.want)
			}
			if c.area.scale > 0 {
				if w := int(got.Width*c.area.scale) + c.area.frameW; w > c.area.w {
					t.Errorf("%d px wide with its frame, the work area %d", w, c.area.w)
				}
				if h := int(got.Height*c.area.scale) + c.area.frameH; h > c.area.h {
					t.Errorf("%d px high with its frame, the work area %d", h, c.area.h)
				}
			}
		})
	}
}
