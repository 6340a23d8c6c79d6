#!/usr/bin/env bash
# Memory of a loaded window (issue 18): `bash .ci/bench.sh rss`. Prints `mib app-rss X`: the resident set of
# `java -jar target/ferry.jar` under Xvfb holding a 100,000-entry listing in each pane and 100,000 queued
# (paused) items. Both panes list the local disk: the window opens each pane on the home folder, which here
# holds 100,000 empty files, so the two listings are made separately but of the same folder (a remote folder
# at start would need a saved session to open, which the window does not have yet). The queue comes from a
# journal written by the journal's own codec (src/test/.../journal/BenchQueueJournal.java: paused downloads
# from a quick-connect site, so nothing connects). The figure is the idle window's, read from /proc/PID/status
# once the start-up mark says the window is usable, the journal has been rewritten by the restore (its
# compaction on open), BENCH_RSS_IDLE seconds (default 75) have passed since (the window's heap gives back what
# it no longer holds after 30 s without a collection, and the C heap is trimmed 5 s after a collection:
# app/HeapFootprint.java), and the RSS has then changed by less than 1 MiB over 3 s. The peak (VmHWM) goes to
# stderr.
# BENCH_DISPLAY=:N uses a running X display; BENCH_HISTOGRAM=FILE also saves jcmd GC.class_histogram there.
# BENCH_JAVA_OPTS adds JVM options (e.g. -XX:NativeMemoryTracking=summary); BENCH_NMT=FILE then saves jcmd
# VM.native_memory summary and pmap -x (largest mappings) there, read before the histogram's full GC.
# BENCH_LAUNCHER=CMD runs CMD (e.g. an app image's bin/Ferry) instead of java -jar, with the home folder and
# BENCH_JAVA_OPTS in JAVA_TOOL_OPTIONS.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/ferry.jar count=${BENCH_RSS_ITEMS:-100000}
[ -f "$jar" ] && [ -d target/test-classes ] || { echo "build first: mvn -B package -DskipTests (with test classes)" >&2; exit 1; }
work=$(mktemp -d /tmp/ferry-bench-rss.XXXXXX)
xpids=()
cleanup() {
  for p in "${xpids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=.ci/bench-display.sh
. .ci/bench-display.sh
bench_display 46 "$work"
mkdir -p "$work/home" "$work/config" "$work/downloads"
python3 - "$work/home" "$count" <<'PY'
import os, sys
home, n = sys.argv[1], int(sys.argv[2])
for i in range(1, n + 1):
    open(os.path.join(home, "f%06d.txt" % i), "w").close()
PY
java -cp "$jar:target/test-classes" org.ferryftp.transfer.journal.BenchQueueJournal "$work/config" "$count" \
  127.0.0.1 2121 /bench-app "$work/downloads" >&2
journal=$work/config/queue.jsonl written=$(stat -c "%i %Y" "$journal" | md5sum)
if [ -n "${BENCH_LAUNCHER:-}" ]; then
  # shellcheck disable=SC2086 # a command with its arguments
  HOME=$work/home FERRY_CONFIG_DIR=$work/config FERRY_STARTUP_MARK=$work/mark \
    JAVA_TOOL_OPTIONS="-Duser.home=$work/home ${BENCH_JAVA_OPTS:-}" $BENCH_LAUNCHER >"$work/out.log" 2>&1 &
else
  # shellcheck disable=SC2086 # options, one a word
  HOME=$work/home FERRY_CONFIG_DIR=$work/config FERRY_STARTUP_MARK=$work/mark \
    java ${BENCH_JAVA_OPTS:-} -Duser.home="$work/home" -jar "$jar" >"$work/out.log" 2>&1 &
fi
pid=$!
xpids+=("$pid")
# `java -jar` starts the window again in a JVM that maps its class archive (app/WindowArchive.java), and waits
# for it: the figure is the two JVMs' together, what the user's `java -jar` costs; the details are the window's.
window=$pid
statuses() { if [ "$window" = "$pid" ]; then echo "/proc/$pid/status"; else echo "/proc/$pid/status /proc/$window/status"; fi; }
# shellcheck disable=SC2046 # one or two file names
rss() { awk '/^VmRSS:/ { s += $2 } END { print s }' $(statuses); }
for _ in $(seq 1200); do
  [ -f "$work/mark" ] && [ "$(stat -c "%i %Y" "$journal" 2>/dev/null | md5sum)" != "$written" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/out.log" >&2; exit 1; }
  sleep 0.1
done
[ -f "$work/mark" ] || { echo "no usable window within 120 s" >&2; exit 1; }
child=$(pgrep -P "$pid" -x java | head -1 || true)
[ -z "$child" ] || { window=$child; echo "the window's JVM: $window, started by $pid ($(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status") KiB)" >&2; }
for _ in $(seq "${BENCH_RSS_IDLE:-75}"); do
  kill -0 "$pid" 2>/dev/null || { cat "$work/out.log" >&2; exit 1; }
  sleep 1
done
last=$(rss) steady=0
for _ in $(seq 120); do
  sleep 1
  now=$(rss)
  if [ $((now > last ? now - last : last - now)) -lt 1024 ]; then steady=$((steady + 1)); else steady=0; fi
  last=$now
  [ "$steady" -ge 3 ] && break
done
grep -E '^(VmHWM|VmRSS|RssAnon|RssFile)' "/proc/$window/status" >&2
[ -z "${BENCH_NMT:-}" ] || { { jcmd "$window" VM.native_memory summary; pmap -x "$window" | sort -k3 -n | tail -40
  grep -c . "/proc/$window/maps"; ls "/proc/$window/task" | wc -l; } >"$BENCH_NMT" 2>&1 || true; }
# The histogram's full GC gives committed heap back, so the figure is read before it.
[ -z "${BENCH_HISTOGRAM:-}" ] || { jcmd "$window" GC.class_histogram >"$BENCH_HISTOGRAM" 2>&1 || true
  echo "after the histogram's full GC: $(grep VmRSS "/proc/$window/status")" >&2; }
echo "mib app-rss $((last / 1024))"
