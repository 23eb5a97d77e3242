package domain

import "strings"

// hedges open a target and say how firm the commitment is (力争增长7%,
// 确保完成): an item keeps its hedge apart (Item.Hedge), the grammar reads
// what follows. Longest first, so 积极争取 is taken whole. The plan table's
// reader and the document drafter both read hedges by this list.
var hedges = []string{"积极争取", "积极争创", "积极创建", "力争", "确保", "争取", "争创", "支持"}

// HedgeWords is a copy of the hedge words, longest first.
func HedgeWords() []string { return append([]string(nil), hedges...) }

// HedgeOf is the hedge text opens with, or "".
func HedgeOf(text string) string {
	text = strings.TrimSpace(text)
	for _, h := range hedges {
		if strings.HasPrefix(text, h) {
			return h
		}
	}
	return ""
}

// StripHedge is text without the hedge words that open it (力争增长7% →
// 增长7%), as the grammar reads it.
func StripHedge(text string) string {
	for _, h := range hedges {
		text = strings.TrimPrefix(text, h)
	}
	return text
}

// LeadWords are the grammar's lead verbs (增长, 控制在, 达到 …), the words
// that may open a target before its number, longest first: a reader that
// finds targets in prose takes them as part of the target.
func LeadWords() []string {
	out := make([]string, len(leads))
	for i, l := range leads {
		out[i] = l.word
	}
	return out
}
