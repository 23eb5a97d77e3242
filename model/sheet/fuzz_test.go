package sheet

import (
	"strings"
	"testing"

	"cn.planreview/planreview/model/domain"
	"cn.planreview/planreview/seeds"
)

// FuzzImport feeds arbitrary bytes to the reader and the preview as a CSV
// file: whatever comes in, they must not panic, and every row either has
// a problem or names an item of the plan and a period of its year.
func FuzzImport(f *testing.F) {
	for _, s := range []string{
		"指标编号,期间,实际值\nA1-01,2023-09,5.8\n",
		"指标名称,期间,实际值,来源\n新开工亿元以上产业项目,1-9月,270,市发改委\n",
		"标题\n\n指标编号\t期间\t实际值\nM3-01\t前三季度\t推进中\n",
		"指标编号,期间,实际值\nA1-02,2024-03,abc\nA1-02,2024-03,abc\n",
		"\xef\xbb\xbf指标编号,期间,实际值\nA2-01,全年,62.1\n",
	} {
		f.Add([]byte(s))
	}
	plan, err := seeds.Load()
	if err != nil {
		f.Fatal(err)
	}
	r := domain.NewReview(plan, domain.DefaultTolerance(), nil, nil, nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, err := Read("fuzz.csv", data)
		if err != nil {
			return
		}
		p, err := Plan(r, tables, "fuzz.csv", nil)
		if err != nil {
			return
		}
		for _, row := range p.Rows {
			if len(row.Problems) > 0 {
				for _, pr := range row.Problems {
					if !strings.HasPrefix(pr, "第") {
						t.Fatalf("problem without its row: %q", pr)
					}
				}
				continue
			}
			if _, ok := plan.Item(row.ItemID); !ok || row.Actual.Period.Year != 2023 {
				t.Fatalf("row without problems but no item or period: %+v", row)
			}
		}
	})
}
