package pdf_test

import (
	"strings"
	"testing"

	"cn.planreview/planreview/assets"
	"cn.planreview/planreview/model/brief/pdf"
)

// TestOfficialSymbolsPrintWithoutMarks: a brief whose notes hold every
// symbol of assets.OfficialSymbols (㎡ ㎞ ℃ ‰ ≥ ① ⑴ Ⅻ ❶ ㈠ 〔〕 ﹝﹞ ▲ ★
// ㊣ box rules ...), as in 改造老旧小区100万㎡, reports no missing
// character, prints no 〓, and reads back as written.
func TestOfficialSymbolsPrintWithoutMarks(t *testing.T) {
	need(t, "pdftotext")
	st := seed(t)
	groups := strings.Split(assets.OfficialSymbols, "\n")
	notes := append([]string{"改造老旧小区100万㎡，新建道路12.5㎞，PM2.5浓度≤35μg/m³。"}, groups...)
	for _, n := range notes {
		if _, err := st.AddNote("A1-01", p(9), n, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	path, _, rep := export(t, st, opts(9))
	if len(rep.Missing) > 0 {
		t.Errorf("reported missing: %s", pdf.MissingText(rep.Missing))
	}
	text := flat(pdftotext(t, path))
	if strings.ContainsRune(text, '〓') {
		t.Error("the brief prints 〓")
	}
	for _, n := range notes {
		if !strings.Contains(text, flat(n)) {
			t.Errorf("the note %q does not read back as written", n)
		}
	}
}
