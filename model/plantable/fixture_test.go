package plantable

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// plan2024 is a county's 2024 main-target table as offices keep it: a
// title above the header, the unit in the 目标 header, bare numbers,
// category rows across the table, a # sub-item, a qualitative target and
// 责任单位 with two units.
var plan2024 = [][]string{
	{"桐乡市2024年国民经济和社会发展主要指标"},
	{},
	{"序号", "指标名称", "2024年目标增长(%)", "属性", "责任单位", "备注"},
	{"一、综合发展"},
	{"1", "地区生产总值", "6", "预期性", "市发改局、市统计局", ""},
	{"2", "规模以上工业增加值", "7左右", "预期性", "市经信局", ""},
	{"3", "固定资产投资", "5", "预期性", "市发改局", ""},
	{"", "#制造业投资", "10以上", "预期性", "市经信局", ""},
	{"4", "社会消费品零售总额", "5.5", "预期性", "市商务局", ""},
	{"二、民生与环境"},
	{"5", "城乡居民人均可支配收入", "与经济增长同步", "预期性", "市人力社保局；市农业农村局", ""},
	{"6", "城镇调查失业率", "控制在5.5%以内", "约束性", "市人力社保局", ""},
	{"7", "PM2.5平均浓度", "控制在26微克/立方米以内", "约束性", "市生态环境局", ""},
	{"8", "单位GDP能耗", "按省下达目标安排", "约束性", "市发改局", "省下达后填写"},
	{"9", "生态环境质量", "稳中提质", "预期性", "市生态环境局", ""},
	{"10", "新增城镇就业", "1.2万人", "预期性", "市人力社保局", ""},
}

// plan2024Want is each item as understood: section|parent|name|read|review|owners.
var plan2024Want = []string{
	"一、综合发展||地区生产总值|增长6%|false|市发改局+市统计局",
	"一、综合发展||规模以上工业增加值|增长7%左右|false|市经信局",
	"一、综合发展||固定资产投资|增长5%|false|市发改局",
	"一、综合发展|固定资产投资|制造业投资|增长10%以上|false|市经信局",
	"一、综合发展||社会消费品零售总额|增长5.5%|false|市商务局",
	"二、民生与环境||城乡居民人均可支配收入|与经济增长同步|false|市人力社保局+市农业农村局",
	"二、民生与环境||城镇调查失业率|控制在5.5%以内|false|市人力社保局",
	"二、民生与环境||PM2.5平均浓度|控制在26微克/立方米以内|false|市生态环境局",
	"二、民生与环境||单位GDP能耗|按省下达目标安排|false|市发改局",
	"二、民生与环境||生态环境质量|稳中提质|false|市生态环境局",
	"二、民生与环境||新增城镇就业|1.2万人|false|市人力社保局",
}

func summary(it Item) string {
	return fmt.Sprintf("%s|%s|%s|%s|%v|%s", it.Section, it.Parent, it.Name, it.Read, it.NeedsReview, strings.Join(it.Owners, "+"))
}

// xlsxOf writes rows as a one-sheet workbook, as excelize (like Excel) does.
func xlsxOf(t testing.TB, sheets map[string][][]string, order ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			vals := make([]any, len(row))
			for j, v := range row {
				vals[j] = v
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &vals); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// gbkCSV writes rows as Excel on Chinese Windows saves a .csv: GBK.
func gbkCSV(t testing.TB, rows [][]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	out, err := simplifiedchinese.GBK.NewEncoder().Bytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return out
}
