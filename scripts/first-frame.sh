#!/usr/bin/env bash
# Measures the window's first frame from process start under Xvfb, as
# docs/PERFORMANCE.md reports it: N runs (default 10) on a database at DB
# (default: the bundled plan in a temporary folder), printing each and the
# median. The app prints when Fyne has drawn the first frame
# (PLANREVIEW_TIMING, ui/run.go); the time is taken from just before exec.
#
# Usage: scripts/first-frame.sh [N] [DB]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10}"
tmp="$(mktemp -d)"
trap 'kill "${xvfb:-0}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
db="${2:-$tmp/plan.db}"
cd "$repo"
go build -o "$tmp/planreview" ./cmd/planreview
[ -f "$db" ] || "$tmp/planreview" list --db "$db" >/dev/null
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1600x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
times=()
for i in $(seq "$n"); do
  start=$(date +%s%N)
  DISPLAY=$display PLANREVIEW_TIMING=1 "$tmp/planreview" --db "$db" >/dev/null 2>"$tmp/err" &
  pid=$!
  for _ in $(seq 500); do
    line=$(grep -o 'first-frame-unix-ns=[0-9]*' "$tmp/err" || true)
    [ -n "$line" ] && break
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$line" ]; then
    echo "run $i: no first frame within 5 s" >&2
    continue
  fi
  ms=$(( (${line#*=} - start) / 1000000 ))
  echo "run $i: first frame after $ms ms"
  times+=("$ms")
  sleep 0.3
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR) printf "median of %d runs: %d ms (min %d, max %d)\n", NR, a[int((NR+1)/2)], a[1], a[NR]}'
