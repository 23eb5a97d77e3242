#!/usr/bin/env bash
# Installs what is missing and starts Plan Review on the bundled plan: the
# window, or with arguments the command line (scripts/start.sh list --as-of 2023-09).
# The first build compiles Fyne's OpenGL binding in C: a few minutes, once.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-go.sh"
ensure_go
apt_install "${fyne_packages[@]}"
cd "$repo_root"
mkdir -p out
go build -o out/planreview ./cmd/planreview
exec out/planreview "$@"
