package docread

import (
	"strconv"
	"strings"

	"cn.planreview/planreview/model/textenc"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads a saved web page: the article's paragraphs and its data
// tables (rowspan and colspan repeated into each cell they cover), without
// the portal's chrome — navigation, header and footer elements, scripts,
// and lines such as 首页>, 索引号, 浏览次数, 打印 and 关闭 (chrome.go).
// Chrome is left out of Text too: Text is what a quote is cut from and
// what the window shows as the source, and a breadcrumb is not the
// document's words.
func readHTML(name string, data []byte) (Document, error) {
	text, enc, err := textenc.Decode(data)
	if err != nil {
		return Document{}, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Document{}, ErrBadHTML
	}
	h := &htmlWalker{w: newWriter()}
	h.w.chrome = true
	h.walk(root, 0)
	h.flush()
	return h.w.document(name, FormatHTML, enc), nil
}

// maxDepth bounds the walk: a page nested deeper than this is not an
// article (and would exhaust the stack on hostile input).
const maxDepth = 400

type htmlWalker struct {
	w   *writer
	buf strings.Builder
}

var skipTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Iframe: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Svg: true,
	atom.Object: true, atom.Embed: true, atom.Template: true, atom.Map: true, atom.Title: true,
}

var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true,
	atom.Dt: true, atom.Dl: true, atom.Center: true, atom.Address: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Table: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Caption: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

// chromeMarks are class and id words of a portal's chrome.
var chromeMarks = []string{"crumb", "bdshare", "share", "nav", "menu", "footer", "fontsize", "font-size",
	"position", "location", "toolbar", "print", "sidebar", "copyright"}

func isChromeElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			v := strings.ToLower(a.Val)
			for _, m := range chromeMarks {
				if strings.Contains(v, m) {
					return true
				}
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		case "hidden":
			return true
		}
	}
	return false
}

func (h *htmlWalker) flush() {
	h.w.para(h.buf.String())
	h.buf.Reset()
}

func (h *htmlWalker) walk(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		h.buf.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.DataAtom] || isChromeElement(n) {
			return
		}
		if n.DataAtom == atom.Br {
			h.flush()
			return
		}
		if n.DataAtom == atom.Table {
			if g, caption, ok := dataTable(n); ok {
				h.flush()
				h.w.grid(g, caption)
				return
			}
		}
		if blockTags[n.DataAtom] {
			h.flush()
			defer h.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.walk(c, depth+1)
	}
}

// rowsOf is a table's rows, not those of tables nested in it.
func rowsOf(t *html.Node) (rows []*html.Node, caption string, nested bool) {
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
				if hasTable(c, 0) {
					nested = true
				}
			case atom.Thead, atom.Tbody, atom.Tfoot:
				if depth < 3 {
					visit(c, depth+1)
				}
			case atom.Caption:
				caption = cellText(c)
			}
		}
	}
	visit(t, 0)
	return rows, caption, nested
}

func hasTable(n *html.Node, depth int) bool {
	if depth > maxDepth {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Table || hasTable(c, depth+1) {
			return true
		}
	}
	return false
}

// maxSpan bounds colspan and rowspan as browsers do (HTML: 1000, 65534);
// a plan table is never wider than this.
const maxSpan = 100

// maxCells bounds a table's grid once spans are repeated: a plan's
// largest table has a few thousand cells; a hostile page's colspans would
// otherwise multiply its size.
const maxCells = 500_000

// dataTable is a table of data as a grid, or not ok for a layout table
// (one with tables inside, or no row of two cells) whose content is read
// as paragraphs.
func dataTable(t *html.Node) ([][]gcell, string, bool) {
	rows, caption, nested := rowsOf(t)
	if nested || len(rows) == 0 {
		return nil, "", false
	}
	type pending struct {
		text string
		left int
	}
	carry := map[int]*pending{}
	var g [][]gcell
	width, cells := 0, 0
	wide := false
	for _, tr := range rows {
		var row []gcell
		col := 0
		fillCarry := func() {
			for p := carry[col]; p != nil && p.left > 0; p = carry[col] {
				row = append(row, gcell{text: p.text})
				p.left--
				col++
			}
		}
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || td.DataAtom != atom.Td && td.DataAtom != atom.Th {
				continue
			}
			fillCarry()
			text := cellText(td)
			cs, rs := span(td, "colspan"), span(td, "rowspan")
			for k := range cs {
				row = append(row, gcell{text: text, origin: k == 0})
				if rs > 1 {
					carry[col] = &pending{text: text, left: rs - 1}
				}
				col++
			}
		}
		fillCarry()
		if len(row) >= 2 {
			wide = true
		}
		width = max(width, len(row))
		g = append(g, row)
		if cells += len(row); cells > maxCells {
			return nil, "", false
		}
	}
	if !wide {
		return nil, "", false
	}
	for i := range g {
		for len(g[i]) < width {
			g[i] = append(g[i], gcell{origin: true})
		}
	}
	return g, caption, true
}

func span(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, maxSpan)
		}
	}
	return 1
}

// cellText is a cell's words on one line: its paragraphs and lines joined
// as a cell's lines are (公共利 + 益类型).
func cellText(n *html.Node) string {
	var lines []string
	var cur strings.Builder
	end := func() {
		if s := collapse(cur.String()); s != "" {
			lines = append(lines, s)
		}
		cur.Reset()
	}
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				cur.WriteString(c.Data)
			case c.Type != html.ElementNode || skipTags[c.DataAtom]:
			case c.DataAtom == atom.Br:
				end()
			case blockTags[c.DataAtom]:
				end()
				visit(c, depth+1)
				end()
			default:
				visit(c, depth+1)
			}
		}
	}
	visit(n, 0)
	end()
	out := ""
	for _, l := range lines {
		out = joinCell(out, l)
	}
	return out
}
