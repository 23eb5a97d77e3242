#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real window under
# Xvfb on the demo data: 1366×768 and 1920×1080 in Chinese, and the small
# screens an official's laptop may have, 1024×600 and 1280×720, in Chinese
# and in English (files ending -en).
#   scripts/screenshots.sh [OUTDIR] [WxH[-en] ...]   (default: every shot)
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
mkdir -p "$out"
shoot() { # shoot WIDTH HEIGHT THEME LANGUAGE
  local w=$1 h=$2 theme=$3 lang=$4 display=:$((90 + RANDOM % 9))
  local suffix="" home="$work/home-$w-$lang"
  [ "$lang" = zh ] || suffix="-$lang"
  Xvfb "$display" -screen 0 "${w}x${h}x24" >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  # Preferences: reviewer, theme, language; the app reads them at start.
  local prefs="$home/.config/fyne/cn.planreview.desktop"
  mkdir -p "$prefs"
  printf '{"reviewer.name":"张三","reviewer.unit":"市人大财经委","ui.theme":"%s","ui.language":"%s"}' \
    "$theme" "$lang" >"$prefs/preferences.json"
  DISPLAY=$display HOME="$home" out/planreview --db "$work/demo.db" >/dev/null 2>&1 &
  local app=$!
  sleep 4
  local win
  win=$(DISPLAY=$display xdotool search --pid "$app" | tail -1)
  DISPLAY=$display xdotool windowsize "$win" "$w" "$h" windowmove "$win" 0 0
  sleep 1
  DISPLAY=$display import -window "$win" "$out/overview-${w}x${h}${suffix}.png"
  # 附件1 list, then an item's detail.
  local navx=80
  DISPLAY=$display xdotool mousemove $navx 149 click 1
  sleep 0.7
  DISPLAY=$display xdotool mousemove $((w * 32 / 100)) 306 click 1
  sleep 1
  DISPLAY=$display import -window "$win" "$out/list-${w}x${h}${suffix}.png"
  DISPLAY=$display xdotool mousemove $navx 431 click 1
  sleep 0.7
  DISPLAY=$display xdotool mousemove $((w * 32 / 100)) 145 click 1
  sleep 1
  DISPLAY=$display import -window "$win" "$out/detail-${w}x${h}${suffix}.png"
  kill $app $xvfb 2>/dev/null || true
  wait $app $xvfb 2>/dev/null || true
}
shots=("$@")
[ ${#shots[@]} -gt 0 ] || shots=(1366x768 1920x1080 1024x600 1024x600-en 1280x720 1280x720-en)
for s in "${shots[@]}"; do
  size=${s%%-*} lang=zh theme=light
  [ "$s" = "$size" ] || lang=${s#*-}
  [ "$size" = 1920x1080 ] && theme=dark
  shoot "${size%x*}" "${size#*x}" "$theme" "$lang"
done
ls -la "$out"
