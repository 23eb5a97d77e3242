package pdf

import (
	"bytes"

	"cn.planreview/planreview/model/brief"
)

// ReadStamp finds the brief's stamp in a PDF this package wrote: the
// Info dictionary's /Keywords, a literal string of ASCII that fpdf writes
// uncompressed. The stamp's alphabet (base64url, dots, a hyphen) has no
// character a PDF string escapes, so the bytes between the parentheses
// are the stamp. brief.ErrNoStamp when there is none.
func ReadStamp(data []byte) (brief.Stamp, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return brief.Stamp{}, brief.ErrNoStamp
	}
	key := []byte("/Keywords (")
	i := bytes.LastIndex(data, key)
	if i < 0 {
		return brief.Stamp{}, brief.ErrNoStamp
	}
	rest := data[i+len(key):]
	end := bytes.IndexByte(rest, ')')
	if end < 0 {
		return brief.Stamp{}, brief.ErrDamagedStamp
	}
	return brief.DecodeStamp(string(rest[:end]))
}
