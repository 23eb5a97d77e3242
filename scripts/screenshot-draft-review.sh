#!/usr/bin/env bash
# Takes the draft review's screenshot (计划 › 从文件起草… on the bundled
# notice) under Xvfb: the window opens the review at start through
# PLANREVIEW_DRAFT_FILE, as a file dialog cannot be driven here.
#   scripts/screenshot-draft-review.sh [OUTDIR] [WxH ...]   (default 1366x768 1024x600)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-go.sh
apt_install xvfb xdotool imagemagick
go build -o out/planreview ./cmd/planreview
out="${1:-docs/screenshots}"
shift || true
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$out"
shoot() { # shoot WIDTH HEIGHT
  local w=$1 h=$2 display=:$((90 + RANDOM % 9)) home="$work/home-$1"
  Xvfb "$display" -screen 0 "${w}x${h}x24" >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  local prefs="$home/.config/fyne/cn.planreview.desktop"
  mkdir -p "$prefs"
  printf '{"reviewer.name":"张三","reviewer.unit":"市人大财经委","ui.theme":"light","ui.language":"zh"}' >"$prefs/preferences.json"
  DISPLAY=$display HOME="$home" PLANREVIEW_DRAFT_FILE="$PWD/seeds/jiaxing-2023-plan-notice.txt" \
    out/planreview --db "$work/plan-$w.db" >/dev/null 2>&1 &
  local app=$!
  sleep 4
  local win
  win=$(DISPLAY=$display xdotool search --pid "$app" | tail -1)
  DISPLAY=$display xdotool windowsize "$win" "$w" "$h" windowmove "$win" 0 0
  sleep 2
  DISPLAY=$display import -window "$win" "$out/draft-review-${w}x${h}.png"
  kill $app $xvfb 2>/dev/null || true
  wait $app $xvfb 2>/dev/null || true
}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1366x768 1024x600)
for s in "${sizes[@]}"; do
  shoot "${s%x*}" "${s#*x}"
done
