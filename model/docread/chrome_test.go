package docread

import "testing"

func TestIsChrome(t *testing.T) {
	cases := []struct {
		line   string
		chrome bool
	}{
		{"首页>", true},
		{"> 政务公开 > 政府信息公开目录 > 部门公开目录", true},
		{"首页 > 政务公开", true},
		{"当前位置：首页 > 报告统计", true},
		{"索引号: 002559617/2025-138625 发布机构: 市发改局", true},
		{"公开方式: 主动公开 发文日期: 2025-04-23", true},
		{"发布时间:2025-04-23  15:42 来源:桐乡市发改局 浏览次数: 打印", true},
		{"字号：大 中 小", true},
		{"【大 中 小】", true},
		{"【打印】【关闭】", true},
		{"打印本页 关闭窗口", true},
		{"分享到：", true},
		{"扫一扫在手机打开当前页", true},
		// The document's own words, even with a chrome word in them.
		{"来源于统计部门的快报数据。", false},
		{"字号较大的标题不计入。", false},
		{"加快打印设备产业集群建设，关闭落后产能企业50家。", false},
		{"一、综合发展", false},
		{"首页面改版工作年底前完成。", false},
	}
	for _, c := range cases {
		if got := IsChrome(c.line); got != c.chrome {
			t.Errorf("IsChrome(%q) = %v, want %v", c.line, got, c.chrome)
		}
	}
}
