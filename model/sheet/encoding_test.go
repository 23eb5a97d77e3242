package sheet

import (
	"errors"
	"reflect"
	"testing"

	"cn.planreview/planreview/model/textenc"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// TestCSVEncodings: a CSV is decoded by model/textenc, as a document is —
// GB18030 (beyond GBK too), UTF-16 with its byte-order mark as Excel's
// “Unicode 文本” — and Big5 is refused by name, not read as GBK garbage.
func TestCSVEncodings(t *testing.T) {
	const text = "指标名称\t实际值\n地区生产总值𠀀\t5.8\n"
	want := [][]string{{"指标名称", "实际值"}, {"地区生产总值𠀀", "5.8"}}
	for _, c := range []struct {
		name string
		enc  encoding.Encoding
		want string
		err  error
	}{
		{"UTF-8", encoding.Nop, textenc.UTF8, nil},
		{"GB18030", simplifiedchinese.GB18030, textenc.GB18030, nil},
		{"UTF-16LE with BOM", xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), textenc.UTF16, nil},
		{"UTF-16BE with BOM", xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), textenc.UTF16, nil},
		{"Big5", traditionalchinese.Big5, "", textenc.ErrBig5},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := text
			if c.err != nil {
				s = "指標名稱,實際值\n地區生產總值,5.8\n" // Big5 has no 𠀀 nor simplified forms
			}
			data, err := c.enc.NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			tables, err := Read("表.csv", data)
			if c.err != nil {
				if !errors.Is(err, c.err) || err.Error() != "文件“表.csv”"+c.err.Error() {
					t.Fatalf("error %v, want %v", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tables[0].Encoding != c.want || !reflect.DeepEqual(tables[0].Rows, want) {
				t.Errorf("read %s %q, want %s %q", tables[0].Encoding, tables[0].Rows, c.want, want)
			}
		})
	}
}
