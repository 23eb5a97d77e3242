// Package cjk is on the pure side (standard library only; the import-rules
// test in cmd/planreview holds it): how Chinese text is measured and where
// its lines may break. The command line measures columns with Width and
// Pad; the window marks where a line may break with MarkBreaks and the PDF
// brief wraps its lines with Wrap, both under the same 禁则 rules, so that
// no line starts with “，” or ends with “（”.
package cjk
