#!/usr/bin/env bash
# Runs the command-line flows inside a network namespace with no interfaces
# (unshare -n): if any code path tried to open a connection it would fail
# here. Needs root or unprivileged user namespaces.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-go.sh"
ensure_go
apt_install util-linux poppler-utils
cd "$repo_root"
mkdir -p out
go build -o out/planreview ./cmd/planreview
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
netns() {
  if [ "$(id -u)" = 0 ]; then unshare -n "$@"; else unshare -r -n "$@"; fi
}
# Inside, the only interface is a loopback that is down.
ifaces=$(netns cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' | tr '\n' ' ')
[ "$ifaces" = "lo " ] || { echo "the namespace has interfaces: $ifaces" >&2; exit 1; }
db="$work/离线 测试.db"
netns out/planreview list --json --db "$db" >"$work/list.json"
netns out/planreview record A1-01 2023-09 5.8 --db "$db" --by 张三 >/dev/null
printf '指标编号,期间,实际值\nB1-01,1-9月,270\n' >"$work/in.csv"
netns out/planreview import "$work/in.csv" --db "$db" --by 张三 >/dev/null
netns out/planreview export -o "$work/brief.pdf" --db "$db" --date 2023-10-25 >/dev/null
netns out/planreview export-xlsx -o "$work/book.xlsx" --db "$db" >/dev/null
netns out/planreview check --db "$db" >/dev/null
text=$(pdftotext "$work/brief.pdf" -)
[[ "$text" == *执行情况简报* ]] || { echo "the brief made offline is wrong" >&2; exit 1; }
echo "offline: list, record, import, export, export-xlsx and check ran with no network"
