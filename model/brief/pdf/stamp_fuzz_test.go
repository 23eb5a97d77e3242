package pdf_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
)

// FuzzReadStamp: whatever a .pdf file holds, reading its stamp never
// panics and fails only as 没有数据指纹 or 已损坏 (or a newer version).
func FuzzReadStamp(f *testing.F) {
	b := brief.Brief{Title: "简报", Stamp: brief.Stamp{Version: 1, Code: "3F9A-21C7-88D0", PlanID: "jiaxing-2023", AsOf: "2023-09",
		Made: time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC), Items: map[string]string{"A1-01": "0a1b2c3d"}}}
	var buf bytes.Buffer
	if _, err := pdf.Render(b, b.Stamp.Made, &buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("%PDF-1.4 /Keywords (PLANREVIEW-BRIEF-1.e30.0000000000000000)"))
	f.Add([]byte("%PDF-1.4 /Keywords (PLANREVIEW-BRIEF-1."))
	f.Add([]byte("not a pdf"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := pdf.ReadStamp(data)
		if err == nil {
			if s.Version != 1 {
				t.Errorf("a stamp of version %d read as good", s.Version)
			}
			return
		}
		if !errors.Is(err, brief.ErrNoStamp) && !errors.Is(err, brief.ErrDamagedStamp) && err.Error() == "" {
			t.Errorf("error without words: %v", err)
		}
	})
}
