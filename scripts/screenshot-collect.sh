#!/usr/bin/env bash
# Takes the screenshots of 导入回执 (Excel › 导入回执…, on a folder of three
# returns: agreeing, differing and one with a row key altered) and of
# 待裁定数据 (after collecting them) under Xvfb on the demo data with a
# made-up 1-9月 round (scripts/collect-demo.go): the window opens them at
# start through PLANREVIEW_COLLECT_DIR and PLANREVIEW_SHOW_CONFLICTS.
# Files collect-WxH[-en].png and conflicts-WxH[-en].png.
#   scripts/screenshot-collect.sh [OUTDIR] [WxH[-en] ...]   (default 1366x768 1024x600 1024x600-en)
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
cp "$work/demo.db" "$work/collected.db"
go run scripts/collect-demo.go "$work/demo.db" "$work/returns" >/dev/null
go run scripts/collect-demo.go -collect "$work/collected.db" "$work/returns-collected" >/dev/null
mkdir -p "$out"
shoot() { # shoot WIDTH HEIGHT LANGUAGE NAME DB ENV=VALUE
  local w=$1 h=$2 lang=$3 name=$4 db=$5 env=$6 display=:$((90 + RANDOM % 9)) home="$work/home-$1-$3" suffix=""
  [ "$lang" = zh ] || suffix="-$lang"
  rm -rf "$home"
  cp "$db" "$work/shot.db" # each shot on a fresh copy: the window's start-up backup and seal stay out of the next
  Xvfb "$display" -screen 0 "${w}x${h}x24" >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  local prefs="$home/.config/fyne/cn.planreview.desktop"
  mkdir -p "$prefs"
  printf '{"reviewer.name":"张三","reviewer.unit":"市人大财经委","ui.theme":"light","ui.language":"%s"}' "$lang" >"$prefs/preferences.json"
  env DISPLAY=$display HOME="$home" "$env" out/planreview --db "$work/shot.db" >/dev/null 2>&1 &
  local app=$!
  sleep 4
  local win
  win=$(DISPLAY=$display xdotool search --pid "$app" | tail -1)
  DISPLAY=$display xdotool windowsize "$win" "$w" "$h" windowmove "$win" 0 0
  sleep 2
  DISPLAY=$display import -window "$win" "$out/$name-${w}x${h}${suffix}.png"
  kill $app $xvfb 2>/dev/null || true
  wait $app $xvfb 2>/dev/null || true
}
shots=("$@")
[ ${#shots[@]} -gt 0 ] || shots=(1366x768 1024x600 1024x600-en)
for s in "${shots[@]}"; do
  size=${s%%-*} lang=zh
  [ "$s" = "$size" ] || lang=${s#*-}
  shoot "${size%x*}" "${size#*x}" "$lang" collect "$work/demo.db" PLANREVIEW_COLLECT_DIR="$work/returns"
  shoot "${size%x*}" "${size#*x}" "$lang" conflicts "$work/collected.db" PLANREVIEW_SHOW_CONFLICTS=1
done
