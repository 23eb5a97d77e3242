#!/usr/bin/env bash
# Smoke-tests the Windows build under Wine, as a user on a Chinese Windows
# laptop would use it: first start creates the database under %APPDATA%,
# then list --json, an import and a brief export, in a folder with Chinese
# characters and a space; the PDF is then checked with pdftotext here.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-go.sh"
ensure_go
apt_install wine wine64 gcc-mingw-w64-x86-64 poppler-utils xvfb xdotool
cd "$repo_root"
[ -f out/windows/planreview.exe ] || bash scripts/build-windows.sh
work="$(mktemp -d)"
xvfb=""
trap 'wineserver -k 2>/dev/null || true; [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
export LANG=C.UTF-8 WINEPREFIX="$work/prefix" WINEDEBUG=-all
# No Mono or Gecko prompts; our stand-in bcryptprimitives.dll before Wine's.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" \
  scripts/windows/bcryptprimitives.c scripts/windows/bcryptprimitives.def -ladvapi32
wineboot -i >/dev/null 2>&1
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
dir="$WINEPREFIX/drive_c/users/张三/Documents/简报 2023"
win='C:\users\张三\Documents\简报 2023'
mkdir -p "$dir"
cp out/windows/planreview.exe "$dir/"
run() { wine "$dir/planreview.exe" "$@"; }
fail() { echo "Windows smoke test failed: $*" >&2; exit 1; }

# A GUI program (no console flashing behind the window) with resources
# (icon and version information from FyneApp.toml).
headers=$(x86_64-w64-mingw32-objdump -p -h out/windows/planreview.exe)
[[ "$headers" == *"(Windows GUI)"* ]] || fail "not a GUI program"
[[ "$headers" == *".rsrc"* ]] || fail "no resources (icon, version)"
# Many government mail systems refuse larger attachments.
size=$(stat -c %s out/windows/planreview.exe)
echo "planreview.exe: $size bytes"
[ "$size" -le 45000000 ] || fail "planreview.exe is $size bytes, more than 45 MB"

start=$(date +%s%N)
run list --json >"$work/list.json"
echo "cold start under Wine (first run, database created): $(( ($(date +%s%N) - start) / 1000000 )) ms"
n=$(grep -c '"id":' "$work/list.json" || true)
[ "$n" -ge 108 ] || fail "list --json printed $n items"
db=$(find "$WINEPREFIX/drive_c/users" -path '*AppData/Roaming/PlanReview/planreview.db' | head -1)
[ -n "$db" ] || fail "no database under %APPDATA%\\PlanReview"

printf '指标编号,期间,实际值,来源\nA1-01,2023-09,5.8,市统计局\nB1-01,1-9月,270,市发改委\n' >"$dir/九月 数据.csv"
run import "$win\\九月 数据.csv" --by 张三 >"$work/import.txt" || fail "import: $(cat "$work/import.txt")"
grep -q '已导入' "$work/import.txt" || fail "import printed: $(cat "$work/import.txt")"

run export -o "$win\\前三季度 简报.pdf" --as-of 2023-09 --date 2023-10-25 --unit 市人大财经委 --by 张三 >"$work/export.txt"
pdf="$dir/前三季度 简报.pdf"
[ -f "$pdf" ] || fail "no PDF at $pdf"
text=$(pdftotext "$pdf" - | tr -d ' \n')
for want in 执行情况简报 截至2023年9月 慢于序时进度 编制单位：市人大财经委; do
  [[ "$text" == *"$want"* ]] || fail "the PDF lacks $want"
done
# The window, on a virtual screen: Ctrl+F and 地区 typed into the search
# box must leave the input method's composition window at the caret,
# inside the box (imm32 keeps what it is told; PLANREVIEW_IME_SELFTEST
# reads it back with ImmGetCompositionWindow), not at the corner 0,0.
display=":$((120 + RANDOM % 60))"
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
# Wine's desktop process, started by the commands above without a display,
# cannot make windows: end it so the next one starts on the virtual screen.
wineserver -k 2>/dev/null || true
wineserver -w 2>/dev/null || true
prefs="$(dirname "$(dirname "$db")")/fyne/cn.planreview.desktop"
mkdir -p "$prefs" # a reviewer already named: no first-start dialog over the window
printf '{"reviewer.name":"张三","reviewer.unit":"市人大财经委"}' >"$prefs/preferences.json"
DISPLAY=$display PLANREVIEW_IME_SELFTEST=1 timeout 120 wine "$dir/planreview.exe" >"$work/ime.txt" 2>&1 || true
ime=$(tr -d '\r' <"$work/ime.txt" | grep -a '^ime-selftest' || true)
echo "$ime"
re='search=([0-9]+),([0-9]+),([0-9]+),([0-9]+) composition=(-?[0-9]+),(-?[0-9]+) read=true'
[[ "$ime" =~ $re ]] || fail "the input method's position was not read back: $(cat "$work/ime.txt")"
l=${BASH_REMATCH[1]} t=${BASH_REMATCH[2]} r=${BASH_REMATCH[3]} b=${BASH_REMATCH[4]}
x=${BASH_REMATCH[5]} y=${BASH_REMATCH[6]}
# Two characters typed: the caret is well right of the box's left edge.
(( x > l + 20 && x < r && y >= t && y < b )) ||
  fail "composition window at $x,$y, the search box is $l,$t–$r,$b"

# The system's 另存为 dialog: it must open in the remembered folder (Chinese,
# with a space) with the suggested Chinese name; accepting it writes there.
mkdir -p "$dir/表格 模板"
DISPLAY=$display PLANREVIEW_SAVE_SELFTEST="$win\\表格 模板" timeout 120 wine "$dir/planreview.exe" >"$work/save.txt" 2>&1 &
app=$!
dialog=$(DISPLAY=$display timeout 60 xdotool search --sync --name '^保存Excel工作簿$' | head -1 || true)
[ -n "$dialog" ] || fail "no 另存为 dialog titled 保存Excel工作簿"
DISPLAY=$display xdotool windowfocus --sync "$dialog" key Return
wait "$app" || true
tr -d '\r' <"$work/save.txt" | grep -a '^save-selftest' || fail "the save dialog did not come back: $(cat "$work/save.txt")"
[ -s "$dir/表格 模板/填报模板.xlsx" ] || fail "the template is not at 表格 模板\\填报模板.xlsx"

ls -l out/windows/planreview.exe
echo "Windows smoke test passed: list, import, export, IME placement, the save dialog under Wine"
