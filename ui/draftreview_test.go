package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cn.planreview/planreview/model/cjk"
	"cn.planreview/planreview/model/docread"
	"cn.planreview/planreview/model/plandraft"
	"cn.planreview/planreview/model/plantable"
	"cn.planreview/planreview/seeds"
)

// draftNotice is a small 下达计划的通知 in the bundled notice's wording:
// commitments with targets, a range target and a qualitative one left
// for the reviewer, milestones, and a sentence nothing is drafted from
// (各部门要强化统筹协调…), for the reviewer to make an item of.
const draftNotice = "testdata/draft-notice.txt"

// writeFile writes data to path.
func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// itemNamed is the index of the draft's item named name.
func itemNamed(t *testing.T, r *draftReview, name string) int {
	t.Helper()
	for i, it := range r.draft.Items {
		if it.Name == name {
			return i
		}
	}
	t.Fatalf("no item %q in the draft", name)
	return -1
}

// sentenceWith is the document row whose sentence holds words.
func sentenceWith(t *testing.T, r *draftReview, words string) int {
	t.Helper()
	for i, s := range r.doc.spans {
		if strings.Contains(r.draft.Text[s.Start:s.End], words) {
			return i
		}
	}
	t.Fatalf("no sentence with %q", words)
	return -1
}

// The menu opens the review of a document chosen; the counter and the
// list say what was drafted, 待确认 first with the reason.
func TestDraftReviewOpensFromTheMenu(t *testing.T) {
	u, _ := newTestUI(t)
	u.files = &fakeDialogs{answer: draftNotice}
	test.Tap(button(t, u.win.Content(), "计划"))
	tapMenuItem(t, u.win, "从文件起草…")
	dlg := u.win.Canvas().Overlays().Top()
	shown := texts(dlg)
	for _, want := range []string{"共10项，待确认2项", "待确认（2项）", "【待确认】", "目标语法不读区间", "着力扩大有效需求",
		"设为新项目", "确认并创建计划", "◆ 主要指标", "▲ 重点事项"} {
		if !strings.Contains(shown, want) {
			t.Errorf("review lacks %q:\n%s", want, shown)
		}
	}
	// Nothing changed: 取消 closes at once.
	test.Tap(button(t, dlg, "取消"))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("取消 left the review open")
	}
	exts := u.files.(*fakeDialogs).reqs[0].exts
	if strings.Join(exts, " ") != ".txt .html .htm .docx .xlsx .csv .json" {
		t.Errorf("file dialog lists %v", exts)
	}
}

// Each kind of file the menu lists is read and drafted: a saved web page
// and a Word-less CSV task table as well as text.
func TestDraftReviewReadsEachFormat(t *testing.T) {
	for _, tc := range []struct{ name, data, count string }{
		{"计划.html", "<html><body><div class=\"nav\">首页 > 政务公开</div><p>2024年某市国民经济和社会发展计划</p><p>一、扩大有效投资</p>" +
			"<p>全年新增充电桩500个，建成5G基站3000个。</p></body></html>", "共2项"},
		{"任务.csv", "序号,重点工作,责任单位,完成时限\n1,新增充电桩500个,市发改委,2024年底\n2,建成5G基站3000个,市经信局,2024年底\n", "共2项"},
		{"通知.txt", "2024年某市计划\n一、扩大投资\n全年新增充电桩500个。\n", "共1项"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			path := filepath.Join(t.TempDir(), tc.name)
			writeFile(t, path, tc.data)
			r := u.reviewDraftFile(path)
			if r == nil {
				t.Fatal(u.message.Text)
			}
			if !strings.Contains(r.count.Text, tc.count) {
				t.Errorf("counter %q, want %q; items %+v", r.count.Text, tc.count, r.draft.Items)
			}
		})
	}
}

// A file far over the limit (a video picked by mistake) is refused by its
// size, named as it is, without being read into memory first.
func TestDraftReviewRefusesAHugeFileUnread(t *testing.T) {
	u, _ := newTestUI(t)
	path := filepath.Join(t.TempDir(), "录像.txt")
	writeFile(t, path, "")
	if err := os.Truncate(path, 200<<20); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if r := u.reviewDraftFile(path); r != nil {
		t.Fatal("a review opened")
	}
	runtime.ReadMemStats(&after)
	if !strings.Contains(u.message.Text, "超过20 MB") || !strings.Contains(u.message.Text, "200.0 MB") {
		t.Errorf("message %q", u.message.Text)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 20<<20 {
		t.Errorf("%d MB allocated to refuse a file by its size", n>>20)
	}
}

// A document docread refuses is a Chinese message saying how to bring it
// in, and no review opens.
func TestDraftReviewRefusesADocumentItCannotRead(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"通知.pdf", "%PDF-1.4", "粘贴原文起草"},
		{"通知.txt", "", "文件“通知.txt”是空的"},
		{"通知.abc", "x", "可读入 .txt、.html/.htm、.docx、.xlsx、.csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			path := filepath.Join(t.TempDir(), tc.name)
			writeFile(t, path, tc.data)
			if r := u.reviewDraftFile(path); r != nil {
				t.Fatal("a review opened")
			}
			if !strings.Contains(u.message.Text, tc.want) {
				t.Errorf("message %q lacks %q", u.message.Text, tc.want)
			}
		})
	}
}

// A reviewer goes through a draft: selects an item and sees its words,
// makes a sentence an item, settles the 待确认 items, deletes one and
// brings it back, deletes it again, and creates the plan, which the store
// then holds with the items confirmed.
func TestDraftReviewToAPlan(t *testing.T) {
	u, st := newTestUI(t)
	r := u.reviewDraftFile(draftNotice)
	if r == nil {
		t.Fatal(u.message.Text)
	}
	if got := r.count.Text; !strings.Contains(got, "共10项，待确认2项") {
		t.Fatalf("counter %q", got)
	}

	// Selecting an item marks its words and brings them into view.
	r.selectRow(itemNamed(t, r, "PM2.5平均浓度"))
	want := sentenceWith(t, r, "PM2.5平均浓度控制在")
	if r.doc.marked != want || !r.doc.rows[want].holdsSelected {
		t.Fatalf("marked sentence %d, want %d", r.doc.marked, want)
	}
	row := r.doc.rows[want]
	if y := row.Position().Y - r.doc.scroll.Offset.Y; y < 0 || y > r.doc.scroll.Size().Height {
		t.Errorf("the item's words at %v, outside the pane (offset %v, height %v)", y, r.doc.scroll.Offset.Y, r.doc.scroll.Size().Height)
	}
	if row.bg.FillColor != theme.Color(theme.ColorNameSelection) || row.text.Segments[0].Textual() != "▶ " {
		t.Errorf("the item's sentence is not marked: %v %q", row.bg.FillColor, row.text.String())
	}
	if strings.Join(r.form.kind.Options, " ") != "主要指标 量化任务 重点事项" {
		t.Errorf("kinds offered: %v (a parcel's columns come only from 附件2)", r.form.kind.Options)
	}
	if r.form.name.Text != "PM2.5平均浓度" || r.form.target.Text != "控制在28微克/立方米以内" {
		t.Errorf("form shows %q %q", r.form.name.Text, r.form.target.Text)
	}

	// A sentence nothing was drafted from becomes an item waiting for the
	// reviewer, named by its words.
	s := sentenceWith(t, r, "强化统筹协调")
	test.Tap(r.doc.rows[s])
	if !strings.Contains(r.doc.chosenTxt.Text, "各部门要强化统筹协调") || r.doc.makeNew.Disabled() {
		t.Fatalf("sentence chosen: %q", r.doc.chosenTxt.Text)
	}
	test.Tap(r.doc.makeNew)
	if !strings.Contains(r.count.Text, "共11项，待确认3项") {
		t.Fatalf("after 设为新项目: %q", r.count.Text)
	}
	if r.form.name.Text != "各部门要强化统筹协调，形成工作合力" || r.form.kind.Selected != "重点事项" {
		t.Errorf("new item's form: %q %q", r.form.name.Text, r.form.kind.Selected)
	}
	r.form.name.SetText("强化统筹协调")
	test.Tap(r.form.save)
	if !strings.Contains(r.count.Text, "共11项，待确认2项") {
		t.Fatalf("after saving the new item: %q", r.count.Text)
	}
	if it := r.draft.Items[itemNamed(t, r, "强化统筹协调")]; it.Section != "着力保障改善民生" || it.Source != "各部门要强化统筹协调，形成工作合力。" {
		t.Errorf("new item %+v", it)
	}

	// Confirming is refused, naming the items that wait.
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "确认并创建计划"))
	if !strings.Contains(u.message.Text, "还有2项待确认") || !strings.Contains(u.message.Text, "“城乡居民收入”") {
		t.Fatalf("confirm with items waiting: %q", u.message.Text)
	}
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "知道了"))

	// A 待确认 target is checked as it is typed, then settled.
	r.selectRow(itemNamed(t, r, "社会消费品零售总额"))
	test.Type(r.form.target, "") // focus; the text is replaced below
	for _, tc := range []struct {
		text, want string
		bad        bool
	}{
		{"增长六成", "“draft-notice.txt”第9行：目标“增长六成”无法识别：缺少数值。可填写：增长6%左右", true},
		{"增长6%左右", "理解为：", false},
	} {
		r.form.target.SetText(tc.text)
		if got := cjk.Unmark(r.form.check.Text); !strings.Contains(got, tc.want) ||
			(r.form.check.Importance == widget.DangerImportance) != tc.bad {
			t.Errorf("target %q: check says %q (importance %v)", tc.text, got, r.form.check.Importance)
		}
	}
	r.form.target.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter saves
	if !strings.Contains(r.count.Text, "待确认1项") {
		t.Fatalf("Enter did not save: %q", r.count.Text)
	}
	// A qualitative target is marked as such.
	r.selectRow(itemNamed(t, r, "城乡居民收入"))
	test.Tap(r.form.qual)
	if !strings.Contains(r.count.Text, "共11项，待确认0项") {
		t.Fatalf("after settling both: %q", r.count.Text)
	}

	// Delete, undo, delete again.
	r.selectRow(itemNamed(t, r, "老旧小区改造"))
	test.Tap(r.form.del)
	if !strings.Contains(r.count.Text, "共10项") || r.undo.Disabled() {
		t.Fatalf("after deleting: %q", r.count.Text)
	}
	test.Tap(r.undo)
	if !strings.Contains(r.count.Text, "共11项") || r.selected != itemNamed(t, r, "老旧小区改造") {
		t.Fatalf("after undoing: %q", r.count.Text)
	}
	test.Tap(r.form.del)

	// 取消 asks before the changes are dropped; 继续审阅 keeps the review.
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "取消"))
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "继续审阅"))
	if !strings.Contains(r.count.Text, "共10项") || !strings.Contains(texts(u.win.Canvas().Overlays().Top()), "确认并创建计划") {
		t.Fatalf("the review after 继续审阅: %q", r.count.Text)
	}

	// Confirm: the city and year asked, the plan created.
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "确认并创建计划"))
	ask := u.win.Canvas().Overlays().Top()
	f := entries(ask)
	if len(f) != 3 || f[1].Text != "2024" {
		t.Fatalf("asked %d fields, year %q", len(f), f[1].Text)
	}
	f[0].SetText("某市")
	test.Tap(button(t, ask, "创建计划"))
	plans, err := st.Plans()
	if err != nil {
		t.Fatal(err)
	}
	var made []string
	for _, p := range plans {
		made = append(made, planName(p))
		if p.City == "某市" && p.Year == 2024 && p.Items != 10 {
			t.Errorf("the plan holds %d items, want 10", p.Items)
		}
	}
	if len(plans) != 2 || u.plan.City != "某市" || len(u.plan.Items) != 10 {
		t.Fatalf("plans %v; window on %s with %d items", made, u.plan.City, len(u.plan.Items))
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the review is still open")
	}
}

// Pasted text is drafted as a file is; an empty paste is refused.
func TestDraftReviewFromPastedText(t *testing.T) {
	u, _ := newTestUI(t)
	test.Tap(button(t, u.win.Content(), "计划"))
	tapMenuItem(t, u.win, "粘贴原文起草…")
	dlg := u.win.Canvas().Overlays().Top()
	box := find(dlg, func(o fyne.CanvasObject) bool { e, ok := o.(*widget.Entry); return ok && e.MultiLine }).(*widget.Entry)
	test.Tap(button(t, dlg, "起草"))
	if !strings.Contains(u.message.Text, "没有粘贴任何文字") {
		t.Fatalf("empty paste: %q", u.message.Text)
	}
	box.SetText("2024年某市计划\n一、扩大投资\n全年新增充电桩500个。\n")
	test.Tap(button(t, dlg, "起草"))
	shown := texts(u.win.Canvas().Overlays().Top())
	if !strings.Contains(shown, "共1项，待确认0项") || !strings.Contains(shown, "新增充电桩") {
		t.Errorf("review of the paste:\n%s", shown)
	}
}

// The sentence rows colour and mark each kind's words, and the selected
// item's words apart.
func TestDraftSegments(t *testing.T) {
	u, _ := newTestUI(t)
	r := u.reviewDocument(docread.Paste("2024年某市计划\n一、扩大投资\n全年新增充电桩500个，建成5G基站3000个。\n"))
	if r == nil {
		t.Fatal(u.message.Text)
	}
	row := r.doc.rows[sentenceWith(t, r, "充电桩")]
	var bold, marks int
	for _, s := range row.text.Segments {
		ts := s.(*widget.TextSegment)
		if ts.Style.TextStyle.Bold {
			bold++
		}
		if ts.Text == "●" {
			marks++
		}
	}
	if marks != 2 || bold != 3 {
		t.Errorf("segments %q: %d marks, %d bold", row.text.String(), marks, bold)
	}
	if len(r.draft.Items) != 2 {
		t.Errorf("items %d", len(r.draft.Items))
	}
}

// An item whose bare number the draft read by its header (7左右 under
// 2024年目标增长(%) is 增长7%左右) is saved as drafted, and its 责任单位
// changed, without retyping the target; a target typed anew is read as
// typed. Before, the form read the bare 7左右 alone and refused it
// (缺少单位).
func TestDraftFormKeepsTheDraftsReading(t *testing.T) {
	u, _ := newTestUI(t)
	r := u.reviewDocument(docread.Paste("临江市2024年国民经济和社会发展计划执行情况报告\n\n" +
		"| 指标名称 | 单位 | 2024年目标增长(%) | 实际完成 | 备注 |\n" +
		"| 地区生产总值 | 亿元 | 7左右 | 预计7.3%左右 | |\n" +
		"| 一般公共预算收入 | 亿元 | 6 | 下降4.6% | |\n"))
	if r == nil {
		t.Fatal(u.message.Text)
	}
	for _, tc := range []struct {
		item          int
		target, owner string
		want          float64
	}{
		{0, "", "市发改委", 7},         // as drafted, a unit named
		{1, "增长6.5%", "市财政局", 6.5}, // retyped
	} {
		r.selectRow(tc.item)
		if tc.target != "" {
			r.form.target.SetText(tc.target)
		}
		r.form.owner.SetText(tc.owner)
		r.form.saveNow()
		it := r.draft.Items[tc.item]
		if it.NeedsReview || it.Target == nil || it.Target.Value != tc.want || strings.Join(it.Owners, "") != tc.owner {
			t.Errorf("item %d after 保存并确认: %+v (message %q)", tc.item, it, u.message.Text)
		}
	}
	if got := r.draft.Items[0].TargetText; got != "7左右" {
		t.Errorf("target as written %q", got)
	}
}

// splitDraftOwners reads 责任单位 as reviewers type them.
func TestSplitDraftOwners(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"市发改委、市统计局", "市发改委|市统计局"},
		{" 市发改委，市统计局;市财政局 ", "市发改委|市统计局|市财政局"},
		{"市发改委　市统计局、、", "市发改委|市统计局"},
		{"", ""},
	} {
		if got := strings.Join(splitDraftOwners(tc.in), "|"); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzDraftSegments: whatever spans items have (overlapping, crossing
// sentences, empty, out of range), a sentence's segments show its words
// exactly once, in order, besides the marks.
func FuzzDraftSegments(f *testing.F) {
	f.Add("全年新增充电桩500个，建成5G基站3000个。", []byte{0, 30, 1, 10, 50, 2}, 1)
	f.Add("开展服务企业专项行动。", []byte{3, 3, 0}, 0)
	f.Add("●▲ 已有标记的文字", []byte{0, 255, 3, 2, 4, 1}, -1)
	f.Fuzz(func(t *testing.T, text string, spans []byte, selected int) {
		if !utf8.ValidString(text) {
			return
		}
		runeStart := func(b byte) int { // a byte offset snapped back to a rune's start
			i := int(b) % (len(text) + 1)
			for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
				i--
			}
			return i
		}
		var items []plantable.Item
		touching := []int{}
		for i := 0; i+2 < len(spans); i += 3 {
			items = append(items, plantable.Item{Start: runeStart(spans[i]), End: runeStart(spans[i+1]), Kind: draftKinds[int(spans[i+2])%len(draftKinds)]})
			touching = append(touching, len(items)-1)
		}
		s := plandraft.Span{Start: 0, End: len(text)}
		in, holds := draftSpans(s, items, touching, selected)
		segs := draftSegments(text, s, in, selected, holds)
		var b strings.Builder
		for i, seg := range segs {
			if i == 0 && holds {
				if seg.Textual() != "▶ " {
					t.Fatalf("selected without ▶: %q", seg.Textual())
				}
				continue
			}
			b.WriteString(seg.Textual())
		}
		strip := func(s string) string {
			return strings.NewReplacer("◆", "", "●", "", "▲", "", "■", "").Replace(cjk.Unmark(s))
		}
		if got, want := strip(b.String()), strip(text); got != want {
			t.Fatalf("segments show %q, sentence is %q", got, want)
		}
	})
}

// The bundled notice, drafted and reviewed item by item in the window —
// each 待确认 item saved as drafted, or deleted when it cannot be, one
// commitment made a main indicator — becomes a plan the store holds.
func TestDraftReviewOfTheBundledNotice(t *testing.T) {
	u, st := newTestUI(t)
	r := u.reviewDocument(docread.Paste(seeds.Notice))
	if r == nil {
		t.Fatal(u.message.Text)
	}
	deleted := 0
	for r.draft.Pending() > 0 {
		i := -1
		for k, it := range r.draft.Items {
			if it.NeedsReview {
				i = k
				break
			}
		}
		r.selectRow(i)
		before := r.draft.Pending()
		test.Tap(r.form.save)
		if r.draft.Pending() == before {
			test.Tap(button(t, u.win.Canvas().Overlays().Top(), "知道了"))
			test.Tap(r.form.del)
			deleted++
		}
	}
	r.selectRow(itemNamed(t, r, "新增上市公司"))
	r.form.kind.SetSelected("主要指标")
	test.Tap(r.form.save)
	want := len(r.draft.Items)
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "确认并创建计划"))
	ask := u.win.Canvas().Overlays().Top()
	f := entries(ask)
	f[0].SetText("嘉兴市审阅草稿")
	test.Tap(button(t, ask, "创建计划"))
	if u.plan.City != "嘉兴市审阅草稿" || len(u.plan.Items) != want {
		t.Fatalf("window on %s with %d items, want %d (%d deleted); message %q", u.plan.City, len(u.plan.Items), want, deleted, u.message.Text)
	}
	plans, err := st.Plans()
	if err != nil || len(plans) != 2 {
		t.Fatalf("plans %v, %v", plans, err)
	}
	t.Logf("%d items created, %d deleted as they could not be saved as drafted", want, deleted)
}

// A review saved half done (保存草稿…) opens again through 从文件起草…
// as it was left: items settled, made and still waiting.
func TestDraftReviewSavedAndOpenedAgain(t *testing.T) {
	u, _ := newTestUI(t)
	r := u.reviewDraftFile(draftNotice)
	if r == nil {
		t.Fatal(u.message.Text)
	}
	r.selectRow(itemNamed(t, r, "社会消费品零售总额"))
	r.form.target.SetText("增长6%左右")
	test.Tap(r.form.save)
	test.Tap(r.doc.rows[sentenceWith(t, r, "强化统筹协调")])
	test.Tap(r.doc.makeNew)
	if !strings.Contains(r.count.Text, "共11项，待确认2项") {
		t.Fatalf("before saving: %q", r.count.Text)
	}
	path := filepath.Join(t.TempDir(), "审阅 草稿", "通知（草稿）.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	u.files = &fakeDialogs{answer: strings.TrimSuffix(path, ".json")} // the extension is added
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "保存草稿…"))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := plantable.ReadDraftFile(data)
	if err != nil || len(f.Items) != 11 || len(f.Pending()) != 2 {
		t.Fatalf("draft file: %d items, pending %v, %v", len(f.Items), f.Pending(), err)
	}
	// Saved: 取消 closes without asking.
	test.Tap(button(t, u.win.Canvas().Overlays().Top(), "取消"))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("取消 after saving left the review open")
	}

	again := u.reviewDraftFile(path)
	if again == nil {
		t.Fatal(u.message.Text)
	}
	shown := texts(u.win.Canvas().Overlays().Top())
	for _, want := range []string{"共11项，待确认2项", "各部门要强化统筹协调，形成工作合力"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the review opened again lacks %q:\n%s", want, shown)
		}
	}
	if it := again.draft.Items[itemNamed(t, again, "社会消费品零售总额")]; it.NeedsReview || it.Target == nil || draftTargetShown(it) != "增长率 ≈ 6%" {
		t.Errorf("the settled item opened again: %+v", it)
	}
}
