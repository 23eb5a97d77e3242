#!/usr/bin/env bash
# Installs what the tests need and runs every test: vet, then the unit,
# storage, window and command-line tests (with the fuzz targets' seed
# corpora) under the race detector, which needs cgo — Fyne's OpenGL
# binding needs it already.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-go.sh"
ensure_go
apt_install "${fyne_packages[@]}" poppler-utils qpdf libreoffice-calc libreoffice-writer sqlite3
cd "$repo_root"
unformatted="$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi
go vet ./...
# The store's tests open hundreds of real SQLite files; under the race
# detector on a 2-core machine they outlast go test's default 10-minute
# limit per package, which says nothing about the program's speed (that
# lives in the benchmarks).
CGO_ENABLED=1 go test -race -count=1 -timeout 30m ./...
