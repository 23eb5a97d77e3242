// Package pdf is infrastructure: it draws a computed brief (model/brief)
// as an A4 PDF in Chinese, through the gofpdf API (codeberg.org/go-pdf/fpdf,
// the maintained continuation of github.com/jung-kurt/gofpdf) with the
// bundled font subset into the file. It wraps all text itself with
// cjk.Wrap: fpdf's MultiCell and SplitText drop a Chinese character at
// each automatic line break.
//
// The same brief and date give the same bytes: the dates in the file are
// the brief's date, and the catalog is sorted.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"cn.planreview/planreview/assets"
	"cn.planreview/planreview/model/brief"
	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/domain"
)

// Page geometry, in millimetres, and type sizes, in points: A4 with the
// generous margins of an official document, body text at 11 pt and tables
// at 9.5 pt, sizes that read well printed.
const (
	pageW, pageH    = 210.0, 297.0
	marginL         = 22.0
	marginR         = 20.0
	marginT         = 24.0
	marginB         = 22.0
	contentW        = pageW - marginL - marginR
	bodyPt          = 11.0
	tablePt         = 9.5
	headingPt       = 14.0
	titlePt         = 19.0
	cellPad         = 1.6
	family          = "prsans"
	missingGlyphRep = '〓' // the typesetter's mark for a character the font lacks
)

// Report says what the export did.
type Report struct {
	Pages int
	// Missing lists characters the font lacks, each printed as 〓, with
	// where they occur: the user is told, never left with a silent box.
	Missing []Missing
	// Omitted counts the items a one-page 催报清单 could not name, the page
	// saying where they are (RenderChaseList); 0 for a brief.
	Omitted int
}

// Missing is a character the font lacks.
type Missing struct {
	Char  rune
	Where string // the item ID or the part it was found in
}

// Render writes the brief as a PDF to w.
func Render(b brief.Brief, date time.Time, w io.Writer) (Report, error) {
	final, err := draw(b, date, briefFonts)
	if err != nil {
		return Report{}, err
	}
	var buf bytes.Buffer
	if err := final.pdf.Output(&buf); err != nil {
		return Report{}, fmt.Errorf("生成PDF失败：%w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return Report{}, err
	}
	return Report{Pages: final.pdf.PageNo(), Missing: final.missingList()}, nil
}

type renderer struct {
	pdf     *fpdf.Fpdf
	b       brief.Brief
	y       float64
	where   string
	missing map[rune]map[string]bool
	fonts   *fontSet
}

// nbAlias stands for the page count in “共 M 页” until the end. Its digits
// are safe in the subset font: M is also the last page's own number,
// printed in its “第 M 页”.
const nbAlias = "{nb}"

func draw(b brief.Brief, date time.Time, fonts *fontSet) (*renderer, error) {
	p, err := newA4(fonts, marginL, marginT, marginR, marginB)
	if err != nil {
		return nil, err
	}
	p.SetCatalogSort(true)
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetTitle(b.Title+b.Subtitle+" "+b.AsOf, true)
	p.SetSubject(b.AsOf, true)
	p.SetAuthor(strings.TrimSpace(b.Unit+" "+b.Reviewer), true)
	p.SetCreator("Plan Review 计划审阅", true)
	p.SetProducer("Plan Review (codeberg.org/go-pdf/fpdf)", true)
	p.SetLang("zh-CN")
	if b.Stamp.Code != "" {
		// The stamp in the Info dictionary, which fpdf writes as plain
		// text: ReadStamp finds it there without a PDF library.
		p.SetKeywords(b.Stamp.Encode(), false)
	}
	p.AliasNbPages(nbAlias)
	r := &renderer{pdf: p, b: b, missing: map[rune]map[string]bool{}, fonts: fonts}
	p.SetHeaderFunc(r.header)
	p.SetFooterFunc(r.footer)
	r.newPage()
	r.titleBlock()
	for _, part := range b.Parts {
		r.part(part)
	}
	return r, p.Error()
}

func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.y = marginT
	if r.pdf.PageNo() > 1 {
		r.y = marginT + 4
	}
}

// header: from the second page on, the brief's name and marking over a
// hairline.
func (r *renderer) header() {
	p := r.pdf
	if p.PageNo() == 1 {
		return
	}
	r.font("", 8.5)
	p.SetTextColor(90, 90, 90)
	r.text(marginL, 14, r.b.Title+r.b.Subtitle+"　"+r.b.AsOf)
	if r.b.Marking != "" {
		r.text(pageW-marginR-r.width(r.b.Marking), 14, r.b.Marking)
	}
	p.SetDrawColor(150, 150, 150)
	p.SetLineWidth(0.2)
	p.Line(marginL, 16.5, pageW-marginR, 16.5)
	p.SetTextColor(0, 0, 0)
}

// footer: 第 N 页 / 共 M 页, centred.
func (r *renderer) footer() {
	r.font("", 9)
	r.pdf.SetTextColor(60, 60, 60)
	// Centred on the width of a two-digit total.
	s := fmt.Sprintf("第 %d 页 / 共 %s 页", r.pdf.PageNo(), nbAlias)
	w := r.width(fmt.Sprintf("第 %d 页 / 共 00 页", r.pdf.PageNo()))
	r.text((pageW-w)/2, pageH-12, s)
	if code := r.b.Stamp.Code; code != "" {
		// The data fingerprint at the right: `planreview verify` checks
		// the file against the data; a reader can compare the code with
		// a fresh brief's.
		r.font("", 8)
		fp := FingerprintLabel + " " + code
		r.text(pageW-marginR-r.width(fp), pageH-12, fp)
	}
	r.pdf.SetTextColor(0, 0, 0)
}

// FingerprintLabel names the code in a brief's footer.
const FingerprintLabel = "数据指纹"

func (r *renderer) font(style string, pt float64) { r.pdf.SetFont(family, style, pt) }

func (r *renderer) width(s string) float64 { return r.pdf.GetStringWidth(s) }

// lineH is the line height for a type size: 1.45 times the size, in mm.
func lineH(pt float64) float64 { return pt * 0.3528 * 1.45 }

// text draws s with its baseline at y, after checking every character is
// in the font.
func (r *renderer) text(x, y float64, s string) {
	r.pdf.Text(x, y, r.checked(s))
}

// A fontSet is the pair of faces a brief is drawn with, and which
// characters they have.
type fontSet struct {
	load          func() (regular, bold []byte)
	regular, bold []byte
	once          sync.Once
	face          *sfnt.Font
	mu            sync.Mutex
	cache         map[rune]bool
	buf           sfnt.Buffer
}

// The brief is drawn with GB2312, 通用规范汉字表 and the symbol blocks
// (10,554 glyphs), the characters official documents use; others are
// printed as 〓 and reported (see assets.BriefFonts for why there is no fuller face).
var briefFonts = &fontSet{load: assets.BriefFonts}

// faces loads the pair once, with the parsed regular face that has asks.
func (fs *fontSet) faces() (regular, bold []byte) {
	fs.once.Do(func() {
		fs.regular, fs.bold = fs.load()
		fs.face, _ = sfnt.Parse(fs.regular)
	})
	return fs.regular, fs.bold
}

// has reports whether the set has a glyph for c; answers are cached,
// since a brief asks about the same few thousand characters.
func (fs *fontSet) has(c rune) bool {
	if c < 0x7f {
		return true // ASCII is in every subset
	}
	fs.faces()
	if fs.face == nil {
		return true
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if ok, seen := fs.cache[c]; seen {
		return ok
	}
	i, err := fs.face.GlyphIndex(&fs.buf, c)
	ok := err == nil && i != 0
	if fs.cache == nil {
		fs.cache = map[rune]bool{}
	}
	fs.cache[c] = ok
	return ok
}

// checked replaces characters the font lacks with 〓 and records them.
func (r *renderer) checked(s string) string {
	ok := true
	for _, c := range s {
		if c >= 0x20 && !r.fonts.has(c) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if c >= 0x20 && !r.fonts.has(c) {
			if r.missing[c] == nil {
				r.missing[c] = map[string]bool{}
			}
			r.missing[c][r.where] = true
			c = missingGlyphRep
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (r *renderer) missingList() []Missing {
	var out []Missing
	for c, places := range r.missing {
		for w := range places {
			out = append(out, Missing{Char: c, Where: w})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Char != out[j].Char {
			return out[i].Char < out[j].Char
		}
		return out[i].Where < out[j].Where
	})
	return out
}

// ensure starts a new page unless h millimetres fit below y.
func (r *renderer) ensure(h float64) {
	if r.y+h > pageH-marginB {
		r.newPage()
	}
}

// paragraph writes wrapped text with a first-line indent of two
// characters, as Chinese documents do.
func (r *renderer) paragraph(s string, pt float64, style string) {
	r.font(style, pt)
	lh := lineH(pt)
	indent := r.width("　　")
	lines := wrapIndented(s, contentW, indent, r.width)
	for i, l := range lines {
		r.ensure(lh)
		x := marginL
		if i == 0 {
			x += indent
		}
		r.text(x, r.y+lh*0.78, l)
		r.y += lh
	}
	r.y += lh * 0.3
}

// wrapIndented wraps with the first line shorter by indent.
func wrapIndented(s string, w, indent float64, width func(string) float64) []string {
	const pad = "\u3000\u3000"
	lines := cjk.Wrap(pad+s, w, width)
	if len(lines) > 0 {
		lines[0] = strings.TrimPrefix(lines[0], pad)
	}
	return lines
}

func (r *renderer) titleBlock() {
	p := r.pdf
	b := r.b
	if b.Marking != "" {
		r.font("B", 11)
		w := r.width(b.Marking) + 6
		p.SetDrawColor(200, 30, 30)
		p.SetTextColor(200, 30, 30)
		p.SetLineWidth(0.4)
		p.Rect(marginL, 14, w, 8, "D")
		r.text(marginL+3, 19.8, b.Marking)
		p.SetTextColor(0, 0, 0)
	}
	r.y = 34
	r.font("B", titlePt)
	for _, l := range cjk.Wrap(b.Title, contentW, r.width) {
		r.text((pageW-r.width(l))/2, r.y+8, l)
		r.y += lineH(titlePt)
	}
	r.font("B", titlePt+3)
	r.text((pageW-r.width(b.Subtitle))/2, r.y+9, b.Subtitle)
	r.y += lineH(titlePt+3) + 3
	r.font("", 13)
	r.text((pageW-r.width(b.AsOf))/2, r.y+6, b.AsOf)
	r.y += 12
	var meta []string
	if b.Unit != "" {
		meta = append(meta, "编制单位："+b.Unit)
	}
	if b.Reviewer != "" {
		meta = append(meta, "审阅人："+b.Reviewer)
	}
	meta = append(meta, "日期："+b.Date)
	r.font("", 10.5)
	line := strings.Join(meta, "　　")
	for _, l := range cjk.Wrap(line, contentW, r.width) {
		r.text((pageW-r.width(l))/2, r.y+4, l)
		r.y += lineH(10.5)
	}
	r.y += 3
	p.SetDrawColor(200, 30, 30)
	p.SetLineWidth(0.6)
	p.Line(marginL, r.y, pageW-marginR, r.y)
	r.y += 7
}

func (r *renderer) part(part brief.Part) {
	r.where = part.Heading
	need := lineH(headingPt) * 3
	if part.Table != nil {
		need += 50 // keep the heading with its table's start
	}
	r.ensure(need)
	r.font("B", headingPt)
	r.text(marginL, r.y+lineH(headingPt)*0.78, part.Heading)
	r.y += lineH(headingPt) + 1.5
	for _, l := range part.Lines {
		if part.Table == nil || part.Key == brief.PartSummary || part.Key == brief.PartParcels || part.Key == brief.PartUnits {
			r.paragraph(l, bodyPt, "")
		}
	}
	for _, bar := range part.Bars {
		r.statusBar(bar)
	}
	if len(part.Bars) > 0 {
		r.legend(part.Bars)
	}
	for _, c := range part.Items {
		r.concern(c)
	}
	if part.Table != nil {
		r.table(part.Table)
		if part.Key == brief.PartIndicators {
			for _, l := range part.Lines {
				r.font("", 9)
				for _, wl := range cjk.Wrap(l, contentW, r.width) {
					r.ensure(lineH(9))
					r.text(marginL, r.y+lineH(9)*0.78, wl)
					r.y += lineH(9)
				}
			}
		}
	}
	r.y += 4
}

func (r *renderer) fill(c domain.Code) (dark bool) {
	rgb, dark := domain.ToneColour(c.Tone())
	r.pdf.SetFillColor(int(rgb.R), int(rgb.G), int(rgb.B))
	return dark
}

func (r *renderer) fillTone(t domain.Tone) (dark bool) {
	rgb, dark := domain.ToneColour(t)
	r.pdf.SetFillColor(int(rgb.R), int(rgb.G), int(rgb.B))
	return dark
}

// statusBar draws a group's split: its title and count, then a bar in
// parts in proportion, divided by white rules, each with its number.
func (r *renderer) statusBar(bar brief.Bar) {
	// The bar groups statuses as the count lines do (domain.StatusGroups).
	counts := make([]int, len(domain.StatusGroups))
	total := 0
	for _, c := range bar.Counts {
		counts[c.Group()] += c.Count
		total += c.Count
	}
	if total == 0 {
		return
	}
	const h = 7.0
	r.ensure(h + 4)
	r.font("", 10)
	r.text(marginL, r.y+h*0.72, fmt.Sprintf("%s %d项", bar.Title, total))
	x0, w := marginL+30.0, contentW-30.0
	x := x0
	for i, n := range counts {
		if n == 0 {
			continue
		}
		pw := w * float64(n) / float64(total)
		dark := r.fillTone(domain.StatusGroups[i].Tone)
		r.pdf.SetDrawColor(255, 255, 255)
		r.pdf.SetLineWidth(0.5)
		r.pdf.Rect(x, r.y, pw, h, "FD")
		label := fmt.Sprint(n)
		r.font("B", 9)
		if r.width(label)+1 < pw {
			if dark {
				r.pdf.SetTextColor(0, 0, 0)
			} else {
				r.pdf.SetTextColor(255, 255, 255)
			}
			r.text(x+(pw-r.width(label))/2, r.y+h*0.7, label)
			r.pdf.SetTextColor(0, 0, 0)
		}
		x += pw
	}
	r.y += h + 2.5
}

// legend names the colours of the bars; the early group's only when a bar
// has it.
func (r *renderer) legend(bars []brief.Bar) {
	early := false
	for _, b := range bars {
		for _, c := range b.Counts {
			early = early || c.Group() == domain.EarlyGroup
		}
	}
	r.font("", 9)
	x := marginL + 30
	lh := lineH(9)
	r.ensure(2*lh + 2) // room for a second line of names
	for i, g := range domain.StatusGroups {
		if i == domain.EarlyGroup && !early {
			continue
		}
		if w := 4 + r.width(g.Label); x+w > pageW-marginR {
			// Wrap under the first name rather than run off the page.
			x = marginL + 30
			r.y += lh
		}
		r.fillTone(g.Tone)
		r.pdf.Rect(x, r.y+lh*0.2, 3, 3, "F")
		r.text(x+4, r.y+lh*0.72, g.Label)
		x += 4 + r.width(g.Label) + 6
	}
	r.y += lh + 3
}

// badge draws a status label at (x, y), at most w wide, and returns its
// width and height. Good statuses are outlined, the others filled, so a
// black-and-white photocopy still tells them apart; the label is always
// there, so colour is never the only signal.
func (r *renderer) badge(s domain.Status, x, y, w float64) (float64, float64) {
	r.font("B", tablePt-0.5)
	lines := cjk.Wrap(s.Label, w-2.4, r.width)
	lh := lineH(tablePt - 0.5)
	h := float64(len(lines))*lh + 0.8
	bw := 0.0
	for _, l := range lines {
		bw = max(bw, r.width(l))
	}
	bw += 2.4
	rgb, dark := domain.ToneColour(s.Code.Tone())
	outlined := s.Code.Tone() == domain.ToneGood || s.Code.Tone() == domain.ToneExceeded || s.Code.Tone() == domain.ToneNone
	r.pdf.SetDrawColor(int(rgb.R), int(rgb.G), int(rgb.B))
	r.pdf.SetLineWidth(0.35)
	if outlined {
		r.pdf.SetFillColor(255, 255, 255)
		r.pdf.RoundedRect(x, y, bw, h, 0.8, "1234", "FD")
		// Darken the colour for text on white: at 9 pt it must read.
		r.pdf.SetTextColor(int(rgb.R)*7/10, int(rgb.G)*7/10, int(rgb.B)*7/10)
	} else {
		r.pdf.SetFillColor(int(rgb.R), int(rgb.G), int(rgb.B))
		r.pdf.RoundedRect(x, y, bw, h, 0.8, "1234", "F")
		if dark {
			r.pdf.SetTextColor(0, 0, 0)
		} else {
			r.pdf.SetTextColor(255, 255, 255)
		}
	}
	for i, l := range lines {
		r.text(x+1.2, y+0.4+lh*float64(i)+lh*0.74, l)
	}
	r.pdf.SetTextColor(0, 0, 0)
	return bw, h
}

// concern writes one item of 需关注事项: where it stands, its name and
// target, its badge at the right margin, the reason and the notes.
func (r *renderer) concern(c brief.Concern) {
	r.where = c.ID
	lh := lineH(bodyPt)
	r.font("B", bodyPt)
	head := c.Name + "（" + c.Ref + "，目标：" + c.Target + "）"
	lines := cjk.Wrap(head, contentW-30, r.width)
	r.ensure(lh*float64(len(lines)+1) + 2)
	y0 := r.y
	for _, l := range lines {
		r.text(marginL, r.y+lh*0.78, l)
		r.y += lh
	}
	r.font("B", tablePt-0.5)
	bw := r.width(c.Status.Label) + 2.4
	r.badge(c.Status, pageW-marginR-bw, y0+0.5, 28)
	r.paragraph(c.Status.Reason, bodyPt-0.5, "")
	for _, n := range c.Notes {
		r.paragraph("备注："+n, bodyPt-0.5, "")
	}
	r.y += 1.5
}

// Export computes the brief from a review and renders it: the one call the
// window and the command line make.
// A brief whose parts asked for leave nothing to print is refused
// (brief.NothingToPrintError) and nothing is written.
func Export(r *domain.Review, notes []domain.Note, o brief.Options, w io.Writer) (Report, error) {
	b := brief.Build(r, notes, o)
	if err := b.Printable(); err != nil {
		return Report{}, err
	}
	return Render(b, o.Date, w)
}

// MissingText describes missing characters for a message: “〓” stands for
// 𠀀 in A1-01, ….
func MissingText(ms []Missing) string { return MissingTextIn(ms, "简报") }

// MissingTextIn is MissingText for a document other than the brief:
// 以下字符字体中没有，催报清单中以〓代替：…, each with where it is (for the
// 催报清单, the unit's name).
func MissingTextIn(ms []Missing, doc string) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("“%c”（U+%04X，%s）", m.Char, m.Char, m.Where))
	}
	return "以下字符字体中没有，" + doc + "中以〓代替：" + strings.Join(parts, "、")
}

// newA4 is an A4 portrait document in millimetres with the given margins
// and the brief's two faces loaded; pages break where the caller says, not
// where fpdf would.
func newA4(fonts *fontSet, left, top, right, bottom float64) (*fpdf.Fpdf, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(left, top, right)
	p.SetAutoPageBreak(false, bottom)
	regular, bold := fonts.faces()
	p.AddUTF8FontFromBytes(family, "", regular)
	p.AddUTF8FontFromBytes(family, "B", bold)
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("无法加载字体：%w", err)
	}
	return p, nil
}
