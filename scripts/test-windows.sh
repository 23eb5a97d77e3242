#!/usr/bin/env bash
# Smoke-tests the Windows build under Wine, as a user on a Chinese Windows
# laptop would use it: first start creates the database under %APPDATA%,
# then list --json, an import and a brief export, in a folder with Chinese
# characters and a space; the PDF is then checked with pdftotext here.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-go.sh"
ensure_go
apt_install wine wine64 gcc-mingw-w64-x86-64 poppler-utils
cd "$repo_root"
[ -f out/windows/planreview.exe ] || bash scripts/build-windows.sh
work="$(mktemp -d)"
trap 'wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT
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
ls -l out/windows/planreview.exe
echo "Windows smoke test passed: list, import, export under Wine"
