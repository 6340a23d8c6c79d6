#!/usr/bin/env bash
# Drop from the OS file manager, for real: under Xvfb, Ferry's window (--demo) and a GTK drag source
# that offers files over XDND as desktop file managers do (.ci/dragsource.py); xdotool drags two
# files (one with a space and a non-ASCII letter in its name) onto the right pane, which shows the
# demo FTP server. Passes when both arrive byte-identical on the server. TestFX cannot make an OS-level
# drag, so this is the check of that path.
#   bash .ci/os-drop-check.sh          (needs target/ferry.jar: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/ferry.jar
[ -f "$jar" ] || { echo "os-drop: build first: mvn -B package -DskipTests" >&2; exit 1; }
fail() { echo "os-drop: FAILED: $*" >&2; exit 1; }
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
/usr/bin/python3 -c 'import gi; gi.require_version("Gtk", "3.0")' 2>/dev/null || missing+=(python3-gi gir1.2-gtk-3.0)
if [ ${#missing[@]} -gt 0 ]; then
  echo "os-drop: installing ${missing[*]}"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null </dev/null
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
display=${FERRY_DROP_DISPLAY:-:$((90 + RANDOM % 9))}
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

mkdir -p "$work/files" "$work/tmp"
head -c 700000 /dev/urandom > "$work/files/from the file manager.bin"
printf 'dropped from the desktop\n' > "$work/files/notes-ü.txt"

# The demo's servers keep their files under java.io.tmpdir: a folder of our own, to find them.
# The state dump (app/StateDump.java, read by .ci/journey-state.py) says when the pane is ready for the drop.
FERRY_CONFIG_DIR=$work/config FERRY_STATE_DUMP=$work/state.json java -Djava.io.tmpdir="$work/tmp" -jar "$jar" --demo \
  >"$work/ferry.log" 2>&1 &
pids+=($!)
# The id of the first window whose name matches $1, waiting up to $2 tenths of a second.
find_window() {
  local id=""
  for _ in $(seq "$2"); do
    id=$(xdotool search --name "$1" 2>/dev/null | head -1 || true)
    [ -n "$id" ] && break
    sleep 0.1
  done
  echo "$id"
}
window=$(find_window '^Ferry' 300)
[ -n "$window" ] || fail "Ferry's window did not appear (log: $(tail -3 "$work/ferry.log"))"
# The right pane connects to "Demo A" and lists it: wait until the window shows that listing, however slow the
# machine, so that the one drop below has a pane that is ready for it.
/usr/bin/python3 .ci/journey-state.py "$work/state.json" wait 60 \
  'right["source"] == "Demo A" and right["path"] and not right["busy"] and row("right", "photos")' >/dev/null \
  || fail "the right pane did not list Demo A (log: $(tail -3 "$work/ferry.log"))"

/usr/bin/python3 .ci/dragsource.py "$work/files/from the file manager.bin" "$work/files/notes-ü.txt" \
  >"$work/drag.log" 2>&1 &
pids+=($!)
source_window=$(find_window '^ferry-drag-source$' 100)
[ -n "$source_window" ] || fail "the drag source window did not appear ($(cat "$work/drag.log"))"
xdotool windowsize "$source_window" 100 70 windowmove "$source_window" 1330 820
sleep 1

# Into the right pane's table: three quarters across Ferry's window, 62% down.
eval "$(xdotool getwindowgeometry --shell "$window")"
tx=$((X + WIDTH * 3 / 4)) ty=$((Y + HEIGHT * 62 / 100))
drag_and_drop() {
  xdotool mousemove 1380 855; sleep 0.3
  xdotool mousedown 1; sleep 0.3
  for i in $(seq 1 20); do
    xdotool mousemove $((1380 + (tx - 1380) * i / 20)) $((855 + (ty - 855) * i / 20)); sleep 0.08
  done
  sleep 0.5
  xdotool mouseup 1
}
arrived() { [ "$(find "$demo" -name 'notes-ü.txt' -o -name 'from the file manager.bin' | wc -l)" = 2 ]; }

demo=$(compgen -G "$work/tmp/ferry-demo-a-*" | head -1)
# One drop, never repeated: a lost drop is a failure (issue 15: the first drop must land).
drag_and_drop
for _ in $(seq 150); do arrived && break; sleep 0.1; done
big=$(find "$demo" -name 'from the file manager.bin' | head -1)
small=$(find "$demo" -name 'notes-ü.txt' | head -1)
[ -n "$big" ] && [ -n "$small" ] || fail "the dropped files did not arrive on the demo server (drag source: $(tr '\n' ' ' <"$work/drag.log"))"
# A file counts once the queue has renamed it into place; wait for the whole size.
for _ in $(seq 100); do [ "$(stat -c %s "$big")" = 700000 ] && break; sleep 0.1; done
cmp -s "$big" "$work/files/from the file manager.bin" || fail "$big differs from what was dropped"
cmp -s "$small" "$work/files/notes-ü.txt" || fail "$small differs from what was dropped"
echo "os-drop: two files dropped from a GTK (XDND) drag source arrived byte-identical in $(dirname "${big#"$demo"}") on the demo server"
