// Command icon draws the app icon, assets/icon.png: a red rounded square
// (the colour of official documents) holding a white page with three
// progress bars and a tick. Run from the repository root:
//
//	go run ./scripts/icon
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const size = 512

func main() {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	red := color.RGBA{0xC8, 0x1E, 0x1E, 0xFF}
	white := color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	grey := color.RGBA{0xE3, 0xD9, 0xD2, 0xFF}
	gold := color.RGBA{0xE6, 0x9F, 0x00, 0xFF}
	green := color.RGBA{0x00, 0x9E, 0x73, 0xFF}
	// Rounded square, anti-aliased by coverage sampling.
	fill(img, func(x, y float64) bool { return inRounded(x, y, 16, 16, 496, 496, 96) }, red)
	// The page.
	fill(img, func(x, y float64) bool { return inRounded(x, y, 120, 88, 392, 424, 20) }, white)
	// Three bars: track and progress.
	for i, p := range []float64{0.9, 0.65, 0.4} {
		y0 := 132 + float64(i)*58
		fill(img, func(x, y float64) bool { return inRounded(x, y, 160, y0, 352, y0+30, 15) }, grey)
		c := green
		if i == 2 {
			c = gold
		}
		fill(img, func(x, y float64) bool { return inRounded(x, y, 160, y0, 160+192*p, y0+30, 15) }, c)
	}
	// The tick.
	fill(img, func(x, y float64) bool {
		return nearSegment(x, y, 200, 358, 245, 398, 16) || nearSegment(x, y, 245, 398, 325, 322, 16)
	}, red)
	f, err := os.Create("assets/icon.png")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
}

// fill paints c where inside holds, with 4×4 supersampling for smooth edges.
func fill(img *image.RGBA, inside func(x, y float64) bool, c color.RGBA) {
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			n := 0
			for sy := 0; sy < 4; sy++ {
				for sx := 0; sx < 4; sx++ {
					if inside(float64(px)+(float64(sx)+0.5)/4, float64(py)+(float64(sy)+0.5)/4) {
						n++
					}
				}
			}
			if n == 0 {
				continue
			}
			a := float64(n) / 16
			o := img.RGBAAt(px, py)
			blend := func(fg, bg uint8) uint8 { return uint8(float64(fg)*a + float64(bg)*(1-a)) }
			img.SetRGBA(px, py, color.RGBA{blend(c.R, o.R), blend(c.G, o.G), blend(c.B, o.B), uint8(math.Max(float64(o.A), a*255))})
		}
	}
}

func inRounded(x, y, x0, y0, x1, y1, r float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+r, math.Min(x, x1-r))
	cy := math.Max(y0+r, math.Min(y, y1-r))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

func nearSegment(x, y, x0, y0, x1, y1, w float64) bool {
	dx, dy := x1-x0, y1-y0
	t := math.Max(0, math.Min(1, ((x-x0)*dx+(y-y0)*dy)/(dx*dx+dy*dy)))
	ex, ey := x0+t*dx-x, y0+t*dy-y
	return ex*ex+ey*ey <= w*w
}
