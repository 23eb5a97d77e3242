package docread

import (
	"regexp"
	"strings"
)

// A government portal wraps an article in chrome: the breadcrumb, the
// disclosure catalogue's fields, hit counters, font-size and print
// buttons, share links. None of it is the document's words, so none of it
// becomes a block; a web page's chrome is left out of the Text as well.
var (
	chromeField = regexp.MustCompile(`^[【\[]?(索引号|发布机构|发文机关|发文日期|成文日期|发布日期|发布时间|公开方式|公开范围|组配分类|主题分类|体裁分类|文件编号|文号|有效性|信息来源|来源|浏览次数|访问次数|点击数|阅读次数|字号|字体|分享到|当前位置|您的位置|你的位置|您现在的位置)\s*[:：]`)
	chromeOnly  = regexp.MustCompile(`^([【\[]?\s*(打印本页|打印|关闭窗口|关闭|收藏|返回顶部|返回|分享到|大|中|小|字号|默认|[:：])\s*[】\]]?\s*)+$`)
	breadcrumb  = regexp.MustCompile(`^(首页|网站首页|当前位置)?\s*[>＞»→]|^首页\s*[>＞»→]?$`)
)

// IsChrome is a line of a portal's chrome, not of the document (model/plandraft
// skips these lines too, for documents whose chrome has blocks, as a .txt).
func IsChrome(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if breadcrumb.MatchString(s) || chromeOnly.MatchString(s) {
		return true
	}
	if chromeField.MatchString(s) && runeLen(s) <= 80 {
		return true
	}
	if strings.HasPrefix(s, "扫一扫") && runeLen(s) <= 30 {
		return true
	}
	return runeLen(s) <= 80 && (strings.Contains(s, "浏览次数") || strings.Contains(s, "当前位置") || strings.Contains(s, "【打印】"))
}
