package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
)

// A table's last page holds at least three of its rows (or all of them):
// for every table length around a page break, the rows on the page where
// the table ends are counted from the PDF's text.
func TestTableEndKeepsItsLastRowsTogether(t *testing.T) {
	need(t, "pdftotext")
	mark := regexp.MustCompile(`行(\d{3})号`)
	for n := 14; n <= 40; n++ {
		var rows []brief.Row
		for i := 1; i <= n; i++ {
			rows = append(rows, brief.Row{ID: fmt.Sprint(i), Status: domain.Status{Code: domain.OnTrack, Label: "符合预期"},
				Cells: []string{fmt.Sprintf("行%03d号", i), "增长6%左右", "增长5.8%", "", "1-9月增长5.8%，低于目标0.2个百分点，在目标区间内"}})
		}
		b := brief.Brief{Title: "测试", Subtitle: "简报", AsOf: "截至2023年9月", Date: "2023年10月25日", Parts: []brief.Part{{
			Key: brief.PartIndicators, Heading: "一、表", Table: &brief.Table{Caption: "表1",
				Columns: []brief.Column{{Title: "名称", Width: 3}, {Title: "目标", Width: 2}, {Title: "完成", Width: 2}, {Title: "状态", Width: 2}, {Title: "备注", Width: 4}},
				Groups:  []brief.Group{{Title: "一、综合", Rows: rows[:n/2]}, {Title: "二、其他", Rows: rows[n/2:], Note: "暂无数据（1项）：某项。"}}},
		}}}
		var buf bytes.Buffer
		rep, err := pdf.Render(b, time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC), &buf)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "表.pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-f", fmt.Sprint(rep.Pages), "-l", fmt.Sprint(rep.Pages), "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if last := len(mark.FindAllString(string(out), -1)); last < min(3, n) {
			t.Errorf("%d rows: the table's last page (%d) holds %d of them", n, rep.Pages, last)
		}
	}
}
