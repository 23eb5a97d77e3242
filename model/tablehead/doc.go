// Package tablehead is the one vocabulary of table headers: the words
// Chinese plan tables print over their columns (指标名称, 预期目标, 责任单位,
// 主要任务 …) and the column each names. Both readers of tables use it —
// model/docread finds a document's tables by it, model/plantable reads an
// office's workbook by it — so a heading one knows the other knows too. It
// is on the pure side (standard library only; the import-rules test in
// cmd/planreview holds it).
package tablehead
