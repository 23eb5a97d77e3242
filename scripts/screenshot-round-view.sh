#!/usr/bin/env bash
# Takes the round view's screenshots (Excel › 填报情况（催报）…) under Xvfb
# on the demo data with a made-up 1-9月 round (scripts/round-demo.go),
# as of 2023-10-15: the window opens the view at start through
# PLANREVIEW_ROUND_VIEW. Files round-view-WxH[-en].png; 1366x768 in
# Chinese is round-view.png, the README's.
#   scripts/screenshot-round-view.sh [OUTDIR] [WxH[-en] ...]   (default 1366x768 1024x600 1024x600-en)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-go.sh
apt_install xvfb xdotool imagemagick
go build -o out/planreview ./cmd/planreview
out="${1:-docs/screenshots}"
shift || true
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
bash scripts/demo-data.sh "$work/demo.db" >/dev/null
go run scripts/round-demo.go "$work/demo.db" >/dev/null
mkdir -p "$out"
shoot() { # shoot WIDTH HEIGHT LANGUAGE
  local w=$1 h=$2 lang=$3 display=:$((90 + RANDOM % 9)) home="$work/home-$1-$3" suffix=""
  [ "$lang" = zh ] || suffix="-$lang"
  Xvfb "$display" -screen 0 "${w}x${h}x24" >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  local prefs="$home/.config/fyne/cn.planreview.desktop"
  mkdir -p "$prefs"
  printf '{"reviewer.name":"张三","reviewer.unit":"市人大财经委","ui.theme":"light","ui.language":"%s"}' "$lang" >"$prefs/preferences.json"
  DISPLAY=$display HOME="$home" PLANREVIEW_ROUND_VIEW=2023-10-15 \
    out/planreview --db "$work/demo.db" >/dev/null 2>&1 &
  local app=$!
  sleep 4
  local win
  win=$(DISPLAY=$display xdotool search --pid "$app" | tail -1)
  DISPLAY=$display xdotool windowsize "$win" "$w" "$h" windowmove "$win" 0 0
  sleep 2
  local name="round-view-${w}x${h}${suffix}.png"
  [ "$w$h$lang" != 1366768zh ] || name=round-view.png # the README's
  DISPLAY=$display import -window "$win" "$out/$name"
  kill $app $xvfb 2>/dev/null || true
  wait $app $xvfb 2>/dev/null || true
}
shots=("$@")
[ ${#shots[@]} -gt 0 ] || shots=(1366x768 1024x600 1024x600-en)
for s in "${shots[@]}"; do
  size=${s%%-*} lang=zh
  [ "$s" = "$size" ] || lang=${s#*-}
  shoot "${size%x*}" "${size#*x}" "$lang"
done
