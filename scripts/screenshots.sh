#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real window under
# Xvfb, at 1366×768 and 1920×1080, on the demo data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-go.sh
apt_install xvfb xdotool imagemagick
go build -o out/planreview ./cmd/planreview
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
bash scripts/demo-data.sh "$work/demo.db" >/dev/null
mkdir -p docs/screenshots
shoot() { # shoot WIDTH HEIGHT THEME NAME...
  local w=$1 h=$2 theme=$3 display=:$((90 + RANDOM % 9))
  Xvfb "$display" -screen 0 "${w}x${h}x24" >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  mkdir -p "$work/home-$w"
  # Preferences: reviewer, theme; the app reads them at start.
  local prefs="$work/home-$w/.config/fyne/cn.planreview.desktop"
  mkdir -p "$prefs"
  printf '{"reviewer.name":"张三","reviewer.unit":"市人大财经委","ui.theme":"%s"}' "$theme" >"$prefs/preferences.json"
  DISPLAY=$display HOME="$work/home-$w" out/planreview --db "$work/demo.db" >/dev/null 2>&1 &
  local app=$!
  sleep 4
  local win
  win=$(DISPLAY=$display xdotool search --name "计划审阅" | head -1)
  DISPLAY=$display xdotool windowsize "$win" "$w" "$h" windowmove "$win" 0 0
  sleep 1
  DISPLAY=$display import -window "$win" "docs/screenshots/overview-${w}x${h}.png"
  # 附件1 list, then an item's detail.
  local navx=80 rowy=$(( h > 900 ? 145 : 145 ))
  DISPLAY=$display xdotool mousemove $navx 149 click 1
  sleep 0.7
  DISPLAY=$display xdotool mousemove $((w * 32 / 100)) 306 click 1
  sleep 1
  DISPLAY=$display import -window "$win" "docs/screenshots/list-${w}x${h}.png"
  DISPLAY=$display xdotool mousemove $navx 431 click 1
  sleep 0.7
  DISPLAY=$display xdotool mousemove $((w * 32 / 100)) $rowy click 1
  sleep 1
  DISPLAY=$display import -window "$win" "docs/screenshots/detail-${w}x${h}.png"
  kill $app $xvfb 2>/dev/null || true
  wait $app $xvfb 2>/dev/null || true
}
shoot 1366 768 light
shoot 1920 1080 dark
ls -la docs/screenshots
