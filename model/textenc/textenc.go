// Package textenc decides what encoding a text file is in and decodes it:
// UTF-8 (with or without a byte-order mark), UTF-16 with one (Notepad's
// “Unicode”, Excel's “Unicode 文本”) and GB18030 (GBK, as Excel and
// Notepad on Chinese Windows save); Big5 and Shift-JIS are named and
// refused, a binary file is refused. Every reader of text — documents
// (model/docread) and CSV tables (model/sheet) — decodes through Decode,
// so a file reads the same, or is refused the same, whichever way it came.
package textenc

import (
	"bytes"
	"errors"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// The encodings a text is read in, as a document names them.
const (
	UTF8    = "UTF-8"
	UTF16   = "UTF-16"
	GB18030 = "GB18030"
)

// The reasons a text is not decoded; a reader puts the file's name before
// them (文件“x.csv”是繁体中文Big5编码…).
var (
	ErrBinary   = errors.New("不是文本文件（含有二进制内容），可能是改了扩展名的其他文件")
	ErrEncoding = errors.New("文字编码无法识别：请另存为UTF-8或GB18030（GBK）编码的文本")
	ErrBig5     = errors.New("是繁体中文Big5编码：请在记事本或WPS中另存为UTF-8编码后再读入")
	ErrShiftJIS = errors.New("是日文Shift-JIS编码，不是中文文本：请另存为UTF-8编码后再读入")
)

// Decode is a text file's content as a string, and the encoding it
// was in. The rule (measured on the notice and the two samples turned
// into each encoding with iconv, see docs/IMPORT.md):
//
//   - a UTF-8 or UTF-16 byte-order mark says so;
//   - NUL bytes, or control characters in more than 1% of the text, are a
//     binary file;
//   - valid UTF-8 is UTF-8;
//   - otherwise the text is read as GB18030 when that decodes without
//     error and at least half of its two-byte characters are GB2312's
//     (bytes A1–F7, A1–FE): Chinese in GBK is nearly all GB2312 (the
//     notice: 100%; traditional characters in GBK: 58%), while Big5 read
//     as GBK is about half undecodable and Shift-JIS read as GBK decodes
//     into rare characters (0% GB2312);
//   - a text that is not GB18030 by that rule is named Big5 or Shift-JIS
//     when it decodes cleanly as one (Shift-JIS only with kana in it), and
//     refused either way.
func Decode(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", "", ErrEncoding
		}
		return checkControl(string(data), UTF8)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", ErrEncoding
		}
		return checkControl(string(s), UTF16)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", ErrBinary
	}
	if utf8.Valid(data) {
		return checkControl(string(data), UTF8)
	}
	gb, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	clean := err == nil && !bytes.ContainsRune(gb, utf8.RuneError)
	if clean && gb2312Share(data) >= 0.5 {
		return checkControl(string(gb), GB18030)
	}
	if sj, err := japanese.ShiftJIS.NewDecoder().Bytes(data); err == nil && !bytes.ContainsRune(sj, utf8.RuneError) && hasKana(sj) {
		return "", "", ErrShiftJIS
	}
	if b5, err := traditionalchinese.Big5.NewDecoder().Bytes(data); err == nil && !bytes.ContainsRune(b5, utf8.RuneError) {
		return "", "", ErrBig5
	}
	if controlShare(data) > 0.01 {
		return "", "", ErrBinary
	}
	return "", "", ErrEncoding
}

// gb2312Share is the share of a GB18030 text's two-byte characters that
// are in GB2312, the common simplified set.
func gb2312Share(b []byte) float64 {
	pairs, in := 0, 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0x80 || i+1 >= len(b) {
			continue
		}
		t := b[i+1]
		pairs++
		if t >= 0x30 && t <= 0x39 { // a four-byte GB18030 character
			i += 3
			continue
		}
		if c >= 0xA1 && c <= 0xF7 && t >= 0xA1 && t <= 0xFE {
			in++
		}
		i++
	}
	if pairs == 0 {
		return 1
	}
	return float64(in) / float64(pairs)
}

func hasKana(b []byte) bool {
	for _, r := range string(b) {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7f
}

func controlShare(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	n := 0
	for _, c := range b {
		if isControl(rune(c)) {
			n++
		}
	}
	return float64(n) / float64(len(b))
}

// checkControl refuses a decoded text with NULs or many control
// characters: a binary file that happens to decode.
func checkControl(s, enc string) (string, string, error) {
	n, total := 0, 0
	for _, r := range s {
		total++
		if r == 0 {
			return "", "", ErrBinary
		}
		if isControl(r) {
			n++
		}
	}
	if total > 0 && float64(n)/float64(total) > 0.01 {
		return "", "", ErrBinary
	}
	return s, enc, nil
}
