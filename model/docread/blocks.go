package docread

import "strings"

// PasteName is the Name of a document pasted into the window.
const PasteName = "粘贴的文本"

// Paste is text pasted into the window, read as a plain-text file is.
// Bytes that are not UTF-8 (the clipboard gives UTF-8; a caller might
// not) become U+FFFD, as a text editor shows them.
func Paste(text string) Document {
	return textDocument(PasteName, FormatPaste, EncUTF8, strings.ToValidUTF8(text, "\uFFFD"))
}

// textDocument is a document of plain text: line endings made "\n",
// then paragraphs and tables found in its lines.
func textDocument(name string, f Format, enc, text string) Document {
	text = normalizeNewlines(text)
	return Document{Name: name, Format: f, Encoding: enc, Text: text, Blocks: textBlocks(text)}
}

func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// textBlocks finds a text's tables and makes every other non-blank line a
// paragraph.
func textBlocks(text string) []Block {
	ls := splitLines(text)
	var out []Block
	caption := -1 // index in out of the last paragraph, a table's caption
	blankRun := 0
	for i := 0; i < len(ls); {
		l := ls[i]
		if l.blank() {
			blankRun++
			i++
			continue
		}
		if tt, ok := tableAt(ls, i); ok && tt.next > i {
			t := tt.table
			if caption >= 0 && caption == len(out)-1 && blankRun <= 2 {
				if name := text[out[caption].Start:out[caption].End]; runeLen(name) <= 60 {
					t.Name = name
				}
			}
			s, e := t.span()
			out = append(out, Block{Start: s, End: e, Table: &t})
			caption = -1
			i = tt.next
			blankRun = 0
			continue
		}
		if IsChrome(l.text()) {
			// A portal's chrome copied with the page stays in the text,
			// which is never rewritten, but is no block.
			i++
			continue
		}
		out = append(out, Block{Start: l.cs, End: l.ce})
		caption = len(out) - 1
		blankRun = 0
		i++
	}
	return out
}
