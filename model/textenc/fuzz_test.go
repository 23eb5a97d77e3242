package textenc

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzDecode: whatever the bytes, Decode gives valid UTF-8 in one of its
// three encodings, or one of its four reasons; never a panic.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"指标名称,实际值\n地区生产总值,5.8\n",
		"\xef\xbb\xbf指标名称\n",
		"\xff\xfe\x07\x63\x0b\x68\n\x00",     // UTF-16LE 指标
		"\xd6\xb8\xb1\xea\xc3\xfb\xb3\xc6\n", // GBK 指标名称
		"\xab\xfc\xbc\xd0\n",                 // Big5 指標
		"\x00\x01\x02",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, enc, err := Decode(data)
		if err != nil {
			for _, e := range []error{ErrBinary, ErrEncoding, ErrBig5, ErrShiftJIS} {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("unknown reason %v", err)
		}
		if enc != UTF8 && enc != UTF16 && enc != GB18030 || !utf8.ValidString(s) {
			t.Fatalf("decoded %q as %q", s, enc)
		}
	})
}
