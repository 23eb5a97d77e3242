package pdf_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
)

// Every page's footer shows the data fingerprint, the Info dictionary
// holds the stamp, and ReadStamp gives it back; a file that is not ours,
// or whose stamp was altered, is named as such.
func TestPDFBriefCarriesItsFingerprint(t *testing.T) {
	need(t, "pdftotext")
	st := seed(t)
	path, data, rep := export(t, st, opts(9))
	got, err := pdf.ReadStamp(data)
	if err != nil {
		t.Fatal(err)
	}
	r, notes := reviewAndNotes(t, st)
	want := brief.Build(r, notes, opts(9)).Stamp
	if got.Encode() != want.Encode() {
		t.Errorf("stamp read back %+v\nwant %+v", got, want)
	}
	text := pdftotext(t, path)
	if n := strings.Count(text, "数据指纹 "+want.Code); n != rep.Pages {
		t.Errorf("the fingerprint is on %d of %d pages", n, rep.Pages)
	}
	var plain bytes.Buffer
	if _, err := pdf.Render(brief.Brief{Title: "别的文件"}, opts(9).Date, &plain); err != nil {
		t.Fatal(err)
	}
	enc := want.Encode()
	i := bytes.Index(data, []byte(enc)) + len(enc) - 20
	tampered := append([]byte(nil), data...)
	tampered[i] ^= 1
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"not a PDF", []byte("PK\x03\x04"), brief.ErrNoStamp},
		{"a PDF without a stamp", plain.Bytes(), brief.ErrNoStamp},
		{"a stamp altered", tampered, brief.ErrDamagedStamp},
		{"a stamp cut off", data[:bytes.Index(data, []byte(enc))+30], brief.ErrDamagedStamp},
	} {
		if _, err := pdf.ReadStamp(c.data); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}
