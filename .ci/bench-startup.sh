#!/usr/bin/env bash
# Cold start to a usable window (issue 18): `bash .ci/bench.sh startup [runs]`.
# "Usable" is what app/StartupMark.java records when FERRY_STARTUP_MARK names a file: the main window at least
# 400 px wide, the local pane listed and the keyboard focus set (after the layout pass that shows all three).
# Each start is a new process with a new, empty config directory and home, under Xvfb with openbox; the time is
# from just before the launch to that mark. Prints the median of `runs` (default 5) starts, interleaved:
#   seconds startup-jar X     java -jar target/ferry.jar
#   seconds startup-image X   target/jpackage/image/Ferry/bin/Ferry (build: mvn -B -Ppackage package -DskipTests)
#   seconds startup-deb X     /opt/ferry/bin/Ferry when the .deb is installed, else the files of
#                             target/jpackage/installer/ferry_*.deb unpacked with dpkg-deb -x (same bytes, and
#                             the class archive its postinst would build)
# BENCH_TMP=DIR puts the runs' homes and config directories there (default /var/tmp; see below).
# BENCH_DISPLAY=:N uses a running X display (with a window manager) instead of starting Xvfb and openbox on :45.
# BENCH_XCHECK=1 also prints when X first showed a Ferry window at least 400 px wide (xdotool, xwininfo), as a
# cross-check of the app's own mark; the polling costs CPU, so it is off by default.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=target/ferry.jar image=target/jpackage/image/Ferry/bin/Ferry
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
# The homes live under BENCH_TMP (default /var/tmp), not /tmp: each pane's folder tree lists the home's ancestors
# with their sub-folders at start, and a shared machine's /tmp holds thousands of entries (2,317 here on
# 2026-12-06, growing over a day), which cost ~0.2-0.5 s of CPU per start (both panes list it) and made the figure
# drift with other people's files. A desktop user's home has small ancestors (/, /home).
work=$(mktemp -d "${BENCH_TMP:-/var/tmp}/ferry-bench-startup.XXXXXX")
xpids=()
cleanup() {
  for p in "${xpids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=.ci/bench-display.sh
. .ci/bench-display.sh
bench_display 45 "$work"

kinds="jar"
[ -x "$image" ] && kinds+=" image" || echo "no app image ($image): build it with mvn -B -Ppackage package -DskipTests" >&2
deb_launcher=/opt/ferry/bin/Ferry
if [ ! -x "$deb_launcher" ]; then
  debs=(target/jpackage/installer/ferry_*.deb)
  if [ -f "${debs[0]}" ]; then
    dpkg-deb -x "${debs[0]}" "$work/deb"
    deb_launcher=$work/deb/opt/ferry/bin/Ferry
    # What the postinst does at /opt/ferry: the window's class archive, built where the jars are.
    app=$work/deb/opt/ferry/lib/app
    [ ! -x "$app/window-cds.sh" ] || "$app/window-cds.sh" dump "$app" >/dev/null
  fi
fi
[ -x "$deb_launcher" ] && kinds+=" deb" || echo "no .deb installed or built: no startup-deb figure" >&2

# seconds_to_usable KIND N: one cold start; prints its seconds (and the app's phases to stderr).
seconds_to_usable() {
  local kind=$1 run=$work/$1-$2 start pid end=""
  mkdir -p "$run/home" "$run/config"
  local cmd
  case $kind in
    jar) cmd=(java -Duser.home="$run/home" -jar "$jar") ;;
    image) cmd=("$image") ;;
    deb) cmd=("$deb_launcher") ;;
  esac
  start=$(date +%s%3N)
  HOME=$run/home FERRY_CONFIG_DIR=$run/config FERRY_STARTUP_MARK=$run/mark "${cmd[@]}" >"$run/out.log" 2>&1 &
  pid=$!
  local xwin=""
  for _ in $(seq 1200); do
    [ -f "$run/mark" ] && break
    if [ "${BENCH_XCHECK:-}" = 1 ] && [ -z "$xwin" ]; then
      for w in $(xdotool search --onlyvisible --name '^Ferry' 2>/dev/null); do
        [ "$(xwininfo -id "$w" | sed -n 's/.*Width: //p')" -ge 400 ] && xwin=$(date +%s%3N)
      done
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  [ -f "$run/mark" ] || { echo "$kind: no usable window within 60 s" >&2; cat "$run/out.log" >&2; kill "$pid" 2>/dev/null; exit 1; }
  end=$(sed -n 's/^usable //p' "$run/mark")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  awk -v s="$start" -v k="$kind" -v x="$xwin" '
    { printf "%s%s %.3f", (NR > 1 ? ", " : k ": "), $1, ($1 == "cpu-ms" ? $2 : $2 - s) / 1000 }
    END { if (x != "") printf ", x-window %.3f", (x - s) / 1000; print "" }' "$run/mark" >&2
  echo "$end $start" | awk '{ printf "%.3f\n", ($1 - $2) / 1000 }'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A times=()
for ((i = 0; i < runs; i++)); do
  # Interleaved, so that drift in the machine's load hits all of them alike.
  for kind in $kinds; do times[$kind]+="$(seconds_to_usable "$kind" "$i") "; done
done
for kind in $kinds; do
  echo "seconds startup-$kind $(echo "${times[$kind]}" | tr ' ' '\n' | grep . | median)"
done
