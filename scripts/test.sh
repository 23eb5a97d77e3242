#!/usr/bin/env bash
# Installs what the tests need and runs every test: vet, then the unit,
# storage and command-line tests (with the fuzz targets' seed corpora).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-go.sh"
ensure_go
apt_install "${fyne_packages[@]}" poppler-utils qpdf
cd "$repo_root"
unformatted="$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi
go vet ./...
go test -count=1 ./...
