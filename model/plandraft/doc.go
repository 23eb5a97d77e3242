// Package plandraft is infrastructure: it drafts a plan out of a document
// (model/docread) — a 下达计划的通知, a 重点工作责任分解 table, a 计划执行情况
// report — as a plantable.Draft that a reviewer checks and confirms. Every
// item carries the document's own words (Source, with its byte offsets
// Start and End in the draft's Text), so each can be traced; whatever the
// grammar (domain.ParseTarget) cannot read, whatever is qualitative and
// whatever split or reading is ambiguous is left NeedsReview with its
// reason, never decided here. The rules are written down in docs/IMPORT.md.
package plandraft
