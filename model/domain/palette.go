package domain

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// ToneColour is the colour of a status tone, and whether text on it should
// be dark. The palette is Okabe and Ito's, chosen to stay distinct for
// colour-blind readers; every badge also carries its label, so colour is
// never the only signal. The window and the PDF both use it.
func ToneColour(t Tone) (bg RGB, darkText bool) {
	switch t {
	case ToneExceeded:
		return RGB{0x00, 0x72, 0xB2}, false // blue
	case ToneGood:
		return RGB{0x00, 0x9E, 0x73}, false // bluish green
	case ToneNearly:
		return RGB{0xE6, 0x9F, 0x00}, true // orange
	case ToneBad:
		return RGB{0xD5, 0x5E, 0x00}, false // vermillion
	case ToneEarly:
		return RGB{0x56, 0xB4, 0xE9}, true // sky blue
	}
	return RGB{0x8A, 0x8A, 0x8A}, false // grey
}
