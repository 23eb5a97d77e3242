#!/usr/bin/env bash
# Builds assets/fonts/PlanReviewSansSC-{Regular,Bold}.ttf (and OFL.txt) from
# Debian's fonts-noto-cjk package. See assets/fonts/README.md.
#
# Usage: scripts/build-font.sh [--out-dir DIR]   (from any directory)
#
# Installs fonts-noto-cjk, python3-fonttools and unicode-data with apt-get if
# they are missing (as root, or through sudo otherwise), then runs
# scripts/build_font.py with Debian's /usr/bin/python3. The output is
# byte-identical from run to run for the same package versions.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

need=()
for pkg in fonts-noto-cjk python3-fonttools unicode-data; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    need+=("$pkg")
  fi
done
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need[@]}"
fi
# Debian 12 ships the Bold collection in fonts-noto-cjk; should a release
# move it to fonts-noto-cjk-extra, install that too.
if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends fonts-noto-cjk-extra
fi

/usr/bin/python3 "$repo/scripts/build_font.py" "$@"
# The brief's faces are embedded gzipped (assets.BriefFonts): 2 MB less in
# planreview.exe, unpacked once at the first brief. -n keeps no name or
# time in the file, so a rebuild gives the same bytes.
out="assets/fonts"
prev=""
for i in "$@"; do
  case "$i" in --out-dir=*) out="${i#--out-dir=}" ;; esac
  [ "$prev" = "--out-dir" ] && out="$i"
  prev="$i"
done
for f in "$out"/*-Common.ttf; do
  [ -f "$f" ] && gzip -9 -n -f "$f"
done
