#!/usr/bin/env bash
# Cross-compiles the Windows program from Debian: out/windows/planreview.exe,
# packaged with the fyne CLI so it carries the icon, name and version from
# FyneApp.toml and opens no console window. The first build compiles the
# OpenGL binding with mingw and takes several minutes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-go.sh"
ensure_go
apt_install gcc-mingw-w64-x86-64
cd "$repo_root"
export PATH="$PATH:$(go env GOPATH)/bin"
command -v fyne >/dev/null || go install fyne.io/tools/cmd/fyne@v1.7.4
# The fyne CLI reads FyneApp.toml from the package it builds: give it a
# copy beside main.go (the icon path adjusted), removed afterwards.
src=cmd/planreview
trap 'rm -f "$src/FyneApp.toml" "$src"/*.exe' EXIT
sed 's#Icon = "assets/#Icon = "../../assets/#' FyneApp.toml >"$src/FyneApp.toml"
# --release strips the symbol tables (-s -w). no_emoji leaves out Fyne's
# 4 MB colour emoji font, which a plan's text never needs.
(cd "$src" && CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 fyne package --os windows --release --tags no_emoji)
mkdir -p out/windows
# fyne names the file after the app (计划审阅.exe); the command line and the
# docs call it planreview.exe, which is easier to type in cmd.exe.
mv "$src"/*.exe out/windows/planreview.exe
ls -l out/windows/planreview.exe
