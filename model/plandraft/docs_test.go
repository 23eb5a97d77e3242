package plandraft

import (
	"testing"

	"cn.planreview/planreview/model/docread"
)

// tablesRebuilt says whether docread rebuilds the notice's flattened
// tables yet; until it does, documents are read a paragraph a line.
const tablesRebuilt = true

// noticeDoc reads a text as the program will.
func noticeDoc(t testing.TB, text string) docread.Document {
	return docread.Paste(text)
}
