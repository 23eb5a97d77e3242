package pdf_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/brief/pdf"
	"cn.planreview/planreview/model/domain"
)

// Units and items as a city's round has them: real bureau names (the
// longest, 市自然资源和规划局, included) and item names of the 2023 plan.
var (
	chaseUnitNames = []string{"市发展改革委", "市经济和信息化局", "市商务局", "市统计局", "市财政局", "市自然资源和规划局",
		"市住房城乡建设局", "市交通运输局", "市农业农村局", "市生态环境局", "市科技局", "市人力社保局",
		"市教育局", "市卫生健康委", "市文化广电旅游局", "市水利局", "市市场监管局", "市数据资源局",
		"南湖区政府", "秀洲区政府", "嘉善县政府", "平湖市政府", "海盐县政府", "海宁市政府"}
	chaseItemNames = []string{"地区生产总值增长", "一般公共预算收入增长", "规上工业增加值增长", "固定资产投资增长",
		"社会消费品零售总额增长", "货物进出口总额", "实际使用外资", "城镇新增就业人数", "居民人均可支配收入增长",
		"研究与试验发展经费支出占地区生产总值比重", "新开工省市重大项目", "完成老旧小区改造", "新建城乡公共充电桩",
		"单位地区生产总值能耗降低", "PM2.5平均浓度", "新增高新技术企业"}
)

// chaseList builds a round's list: units units sharing items missing
// items, spread as a round spreads them (the first units owe the most).
func chaseList(units, items int) brief.ChaseList {
	c := brief.ChaseList{Round: "R3", Period: domain.Period{Year: 2023, Month: 9},
		Due:  time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC),
		AsOf: time.Date(2023, 10, 15, 0, 0, 0, 0, time.UTC), Plan: "2023年嘉兴市国民经济和社会发展计划"}
	for i := 0; i < units; i++ {
		name := chaseUnitNames[i%len(chaseUnitNames)]
		if i >= len(chaseUnitNames) {
			name = fmt.Sprintf("%s第%d组", name, i/len(chaseUnitNames)+1)
		}
		c.Units = append(c.Units, brief.ChaseUnit{Unit: name, DaysOverdue: 5})
	}
	for k := 0; k < items && units > 0; k++ {
		u := k % units
		if k >= units && k%3 == 0 { // every unit owes one; the first ones more
			u = k % max(1, units/3)
		}
		id := fmt.Sprintf("B%d-%02d", k/99+1, k%99+1)
		c.Units[u].Missing = append(c.Units[u].Missing, brief.ChaseItem{ID: id, Name: chaseItemNames[k%len(chaseItemNames)]})
	}
	return c
}

func writeChase(t *testing.T, c brief.ChaseList) (string, pdf.Report) {
	t.Helper()
	data, rep, err := pdf.RenderChaseList(c)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if d := os.Getenv("CHASE_PDF_DIR"); d != "" {
		dir = d // to look at the pages: CHASE_PDF_DIR=/tmp/x go test -run ChaseList
	}
	path := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, rep
}

func pdfPages(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// smallestType is the height in points of the smallest word on the page,
// from pdftotext's boxes: the type the list shrank to.
func smallestType(t *testing.T, path string) float64 {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	least := 1000.0
	for _, m := range regexp.MustCompile(`yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"`).FindAllSubmatch(out, -1) {
		a, _ := strconv.ParseFloat(string(m[1]), 64)
		b, _ := strconv.ParseFloat(string(m[2]), 64)
		least = min(least, b-a)
	}
	return least
}

var (
	reItemID  = regexp.MustCompile(`B\d-\d\d`)
	reAnother = regexp.MustCompile(`另有(\d+)项见催报清单工作簿`)
	reMore    = regexp.MustCompile(`……另有(\d+)项`)
)

func TestChaseListFitsOnePage(t *testing.T) {
	need(t, "pdftotext", "pdfinfo")
	for _, tc := range []struct {
		name         string
		units, items int
		cut          bool // some items left to the workbook
	}{
		{"全部已报送", 0, 0, false},
		{"一个单位", 1, 3, false},
		{"一个单位很多项", 1, 120, true},
		{"12个单位40项", 12, 40, false},
		{"24个单位120项", 24, 120, true},
		{"60个单位400项", 60, 400, true},
		{"300个单位900项", 300, 900, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := chaseList(tc.units, tc.items)
			path, rep := writeChase(t, c)
			if n := pdfPages(t, path); n != 1 || rep.Pages != 1 {
				t.Fatalf("%d pages (report %d), want 1", n, rep.Pages)
			}
			if pt := smallestType(t, path); pt < 9 {
				t.Errorf("smallest type %.1f pt, want at least 9", pt)
			}
			text := flat(pdftotext(t, path))
			if !strings.Contains(text, "2023年1-9月计划执行情况填报催报清单") || !strings.Contains(text, "截止日期：2023年10月10日") ||
				!strings.Contains(text, "截至：2023年10月15日（已逾期5天）") || !strings.Contains(text, "填报轮次：R3") {
				t.Errorf("title or round line missing:\n%s", text)
			}
			if tc.items == 0 {
				if !strings.Contains(text, "全部已报送") {
					t.Errorf("an empty list does not say 全部已报送:\n%s", text)
				}
				return
			}
			if want := fmt.Sprintf("共%d个单位%d项未报送", tc.units, tc.items); !strings.Contains(text, want) {
				t.Errorf("no %q", want)
			}
			named := 0
			for _, u := range c.Units {
				if strings.Contains(text, u.Unit) {
					named++
				}
			}
			// Running text names what fits and counts the rest.
			if tc.units <= 100 && named != tc.units {
				t.Errorf("%d of %d units named", named, tc.units)
			}
			if tc.units > 100 && !strings.Contains(text, fmt.Sprintf("另有%d个单位", tc.units-named)) {
				t.Errorf("%d units named of %d, and the rest not counted:\n%s", named, tc.units, text)
			}
			// Every item on the page, or counted in an 另有N项 sentence.
			shown := len(reItemID.FindAllString(text, -1))
			if shown+rep.Omitted != tc.items {
				t.Errorf("%d items shown + %d omitted, want %d", shown, rep.Omitted, tc.items)
			}
			if (rep.Omitted > 0) != tc.cut {
				t.Errorf("omitted %d, want a cut: %v", rep.Omitted, tc.cut)
			}
			if tc.cut && tc.units <= 100 {
				// Each cut unit says how many more it has, and the
				// closing sentence where they are.
				m := reAnother.FindStringSubmatch(text)
				if m == nil || m[1] != strconv.Itoa(rep.Omitted) {
					t.Errorf("the page does not say 另有%d项见催报清单工作簿:\n%s", rep.Omitted, text)
				}
				said := 0
				for _, m := range reMore.FindAllStringSubmatch(text, -1) {
					n, _ := strconv.Atoi(m[1])
					said += n
				}
				if said != rep.Omitted && !strings.Contains(text, "等") {
					t.Errorf("the units say %d more items, %d were left out", said, rep.Omitted)
				}
			}
			if !tc.cut {
				for _, u := range c.Units {
					for _, it := range u.Missing {
						if !strings.Contains(text, it.ID+it.Name) {
							t.Errorf("%s %s of %s missing", it.ID, it.Name, u.Unit)
						}
					}
				}
				if !strings.Contains(text, "联系人电话催报情况") {
					t.Errorf("no blank columns 联系人/电话/催报情况:\n%s", text)
				}
			}
		})
	}
}

// The same list gives the same bytes: its dates are the list's own.
func TestChaseListSameBytes(t *testing.T) {
	a, _, err := pdf.RenderChaseList(chaseList(12, 40))
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := pdf.RenderChaseList(chaseList(12, 40))
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Error("two renderings of one list differ")
	}
}

// TestChaseListLongUnitNames: 25 units of 40-character names wrap to
// five lines a cell in every table. The page still names every unit and
// every missing item, in running text over the full width, and fills
// more than half the page rather than counting units in one paragraph.
func TestChaseListLongUnitNames(t *testing.T) {
	need(t, "pdftotext", "pdfinfo")
	c := chaseList(25, 75)
	for i := range c.Units {
		c.Units[i].Unit = fmt.Sprintf("市%02d经济技术开发区管理委员会产业发展与投资促进服务中心综合协调办公室（筹备组）", i+1)
		if n := len([]rune(c.Units[i].Unit)); n != 40 {
			t.Fatalf("name of %d characters, want 40", n)
		}
	}
	path, rep := writeChase(t, c)
	if n := pdfPages(t, path); n != 1 {
		t.Fatalf("%d pages", n)
	}
	if pt := smallestType(t, path); pt < 9 {
		t.Errorf("smallest type %.1f pt, want at least 9", pt)
	}
	text := flat(pdftotext(t, path))
	for _, u := range c.Units {
		if !strings.Contains(text, u.Unit) {
			t.Errorf("%s not named", u.Unit)
		}
		for _, it := range u.Missing {
			if !strings.Contains(text, it.ID) {
				t.Errorf("%s of %s not named", it.ID, u.Unit)
			}
		}
	}
	if rep.Omitted != 0 {
		t.Errorf("%d items left to the workbook, every one is named", rep.Omitted)
	}
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	lowest := 0.0
	for _, m := range regexp.MustCompile(`yMax="([\d.]+)"`).FindAllSubmatch(out, -1) {
		y, _ := strconv.ParseFloat(string(m[1]), 64)
		lowest = max(lowest, y)
	}
	if lowest < 842/2 { // A4 is 842 pt high
		t.Errorf("the text ends %.0f pt down the page: more than half of it left blank", lowest)
	}
}
