// Package domain is the pure domain of Plan Review (standard library
// only, no I/O; the import-rules test in cmd/planreview holds it): plan items, the target
// grammar that turns a notice's Chinese phrasing into a structured target,
// reporting periods, the value parser for actuals, and the one status
// function every view calls.
//
// It does no I/O and imports nothing outside the standard library, so every
// rule here can be tested with plain values.
package domain
