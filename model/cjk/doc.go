// Package cjk is on the pure side (standard library only; the import-rules
// test in cmd/planreview holds it): how Chinese text is measured and where
// its lines may break. The terminal (cmd/cli), the window (ui) and the
// PDF brief (model/brief/pdf) use the same width and the same 禁则 rules,
// so 「，」 never starts a line and 「（」 never ends one anywhere.
package cjk
