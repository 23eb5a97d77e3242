// Package rounds holds the work on reporting rounds (填报轮次) that needs
// both the store and spreadsheets, so that the command line and the window
// share one implementation: who is late (status.go), the 催报清单 workbook
// of the missing items (chase.go), and collecting the returned workbooks
// (collect.go). The rules themselves — the chase light, days overdue, row
// keys — live in model/domain; all SQL stays in model/store.
package rounds
