package docx_test

import (
	"bytes"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/docx"
)

// FuzzReadStamp: whatever a .docx file holds, reading its stamp never
// panics; a stamp read is one DecodeStamp accepts.
func FuzzReadStamp(f *testing.F) {
	b := brief.Brief{Title: "简报", Stamp: brief.Stamp{Version: 1, Code: "3F9A-21C7-88D0", PlanID: "jiaxing-2023", AsOf: "2023-09",
		Made: time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC), Items: map[string]string{"A1-01": "0a1b2c3d"}}}
	var buf bytes.Buffer
	if err := docx.Write(b, &buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := docx.ReadStamp(data)
		if err != nil {
			if err.Error() == "" {
				t.Error("an error without words")
			}
			return
		}
		if _, err := brief.DecodeStamp(s.Encode()); err != nil {
			t.Errorf("a stamp read does not read again: %v", err)
		}
	})
}
