#!/usr/bin/env bash
# Installs what is missing and starts Plan Review on the bundled plan.
# Extra arguments go to the program (e.g. scripts/start.sh list --as-of 2023-09).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-go.sh"
ensure_go
cd "$repo_root"
mkdir -p out
go build -o out/planreview ./cmd/planreview
exec out/planreview "$@"
