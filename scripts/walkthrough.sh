#!/usr/bin/env bash
# Walks through the real window under Xvfb with real key presses and
# clicks (xdotool), on a new database in a temporary folder, and checks
# what each one did: Ctrl+F focuses the search box, clicking a row after a
# search opens that row, a figure typed into the window is saved, Ctrl+Z
# undoes it (read back with the command line), and 总览 shows the overview
# while the search box has text. The window says what it shows on
# standard error when PLANREVIEW_TRACE is set (ui/trace.go); each step
# waits for its line with a deadline and fails with the log if it does not
# come.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-go.sh
apt_install xvfb xdotool python3
go build -o out/planreview ./cmd/planreview

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP_LOG:-}" ] && cp "$log" "$KEEP_LOG"
  rm -rf "$work"
}
trap cleanup EXIT
log="$work/window.log"
db="$work/审阅 数据/plan.db"
mkdir -p "$(dirname "$db")"
pr() { out/planreview "$@" --db "$db"; }
pr list >/dev/null # creates the database with the bundled plan

fail() {
  echo "walkthrough: FAILED: $*" >&2
  echo "--- the window's trace ---" >&2
  tail -n 40 "$log" >&2 || true
  [ -n "${display:-}" ] && DISPLAY=$display import -window root "$work/failed.png" 2>/dev/null &&
    cp "$work/failed.png" out/walkthrough-failed.png && echo "screen: out/walkthrough-failed.png" >&2
  exit 1
}

# await PATTERN [SECONDS]: waits for a trace line matching PATTERN (an
# extended regex) written after the mark set by `mark`.
mark() { since=$(wc -l <"$log"); }
await() {
  local deadline=$((SECONDS + ${2:-15}))
  until tail -n +"$((since + 1))" "$log" | grep -Eq -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "no trace line /$1/ within ${2:-15}s"
    kill -0 "$app" 2>/dev/null || fail "the window exited"
    sleep 0.1
  done
}
# place KIND:NAME: the window pixel of a row, navigation entry or button,
# from the newest trace line giving it.
place() {
  local p
  p=$(grep -F "at $1 " "$log" | tail -n 1 | awk '{print $3, $4}')
  [ -n "$p" ] || fail "the window never showed $1"
  echo "$p"
}
click() { # click KIND:NAME
  local xy
  xy=$(place "$1") || exit 1
  # shellcheck disable=SC2086
  xdo mousemove --window "$win" $xy click 1
}
# xdotool, never left waiting: --sync waits for an event that may not come.
xdo() { DISPLAY=$display timeout 20 xdotool "$@" || fail "xdotool $* failed or timed out"; }

# An X server on a free display number of its own choosing.
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
exec 3>&-
deadline=$((SECONDS + 20))
until [ -s "$work/display" ]; do
  [ $SECONDS -lt $deadline ] || { cat "$work/xvfb.log" >&2; echo "walkthrough: Xvfb did not start" >&2; exit 1; }
  sleep 0.1
done
display=":$(head -n1 "$work/display")"

# The reviewer is set, so the first-run dialog does not ask for it.
prefs="$work/home/.config/fyne/cn.planreview.desktop"
mkdir -p "$prefs"
printf '{"reviewer.name":"张三","reviewer.unit":"市人大财经委","ui.theme":"light"}' >"$prefs/preferences.json"
: >"$log"
since=0
DISPLAY=$display HOME="$work/home" FYNE_SCALE=1 PLANREVIEW_TRACE=1 out/planreview --db "$db" 2>"$log" >/dev/null &
app=$!
pids+=("$app")
await '^ready$' 60
win=$(xdo search --sync --onlyvisible --name "计划审阅" | head -n1) || true
[ -n "$win" ] || fail "no window named 计划审阅"
xdo windowfocus --sync "$win"

echo "walkthrough: Ctrl+F focuses the search box"
mark
xdo key --window "$win" ctrl+f
await '^focus search$'

# highlighted ID: the row the table draws as selected, by the last
# highlight line since the mark, must be ID (or none).
highlighted() {
  local got
  got=$(tail -n +"$((since + 1))" "$log" | grep -E '^highlight ' | tail -n 1 | cut -d' ' -f2)
  [ "$got" = "$1" ] || fail "row ${got:-?} is highlighted, want $1"
}
search() { # search TEXT: Ctrl+F, then typing replaces the search box's text
  xdo key --window "$win" ctrl+f
  xdo type --delay 60 "$1"
}

echo "walkthrough: typing searches; clicking a row opens that row"
mark
xdo type --delay 60 "A1-0"
await '^view table query=A1-0 rows=9$'
click row:A1-03
await '^detail A1-03$'
highlighted A1-03

echo "walkthrough: after another search the highlight is the item in the pane or none"
mark
search "A1-05"
await '^view table query=A1-05 rows=1$'
highlighted none
mark
click row:A1-05 # the cell that looked selected when the row index stayed
await '^detail A1-05$'
highlighted A1-05
mark
search "A1-0"
await '^view table query=A1-0 rows=9$'
highlighted A1-05
mark
click row:A1-07
await '^detail A1-07$'
highlighted A1-07

echo "walkthrough: a figure typed in the window is saved"
mark
click button:录入实际值
await '^form 录入实际值：A1-07'
xdo type --delay 60 "14.2"
xdo key Return
await '^say .*已保存 A1-07 .*的实际值'
pr list --json | python3 -c '
import json, sys
a = next(x for x in json.load(sys.stdin) if x["id"] == "A1-07")["actual"]
sys.exit(0 if a and a["value"] == 14.2 else "A1-07 has no figure 14.2 in the database: %r" % a)' ||
  fail "the figure is not in the database"

echo "walkthrough: Ctrl+Z undoes it"
mark
xdo key --window "$win" ctrl+z
await '^say .*已撤销：录入实际值 A1-07'
grep -E '^say .*已撤销.*[0-9]{4}-[0-9]{2}' "$log" && fail "the undo message gives the period as YYYY-MM"
pr history A1-07 --json | python3 -c '
import json, sys
h = json.load(sys.stdin)
sys.exit(0 if [c["action"] for c in h] == ["record_actual", "undo"] else "history of A1-07: %r" % h)' ||
  fail "Ctrl+Z did not undo the figure in the database"
pr list --json | python3 -c '
import json, sys
a = next(x for x in json.load(sys.stdin) if x["id"] == "A1-07")["actual"]
sys.exit(0 if a is None else "A1-07 still has %r" % a)' || fail "the figure is still in the database"

echo "walkthrough: 总览 shows the overview while the search box has text"
mark
click nav:总览
await '^view overview query=A1-0 '
mark
click nav:全部项目
await '^view table query=A1-0 rows=9$'

echo "walkthrough: passed"
