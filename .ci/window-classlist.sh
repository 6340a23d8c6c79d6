#!/usr/bin/env bash
# Records the classes the window loads until it is usable, for the class archive that `java -jar ferry.jar` maps
# (app/WindowArchive.java; the Maven build dumps it beside the jar from this list): a new user's start (empty
# home and config) under Xvfb and openbox, until app/StartupMark's "usable" and the deferred work after it, with
# -XX:DumpLoadedClassList. Rerun after changes to what the window does at start, and commit the list:
#   mvn -B package -DskipTests && bash .ci/window-classlist.sh
# A class the list lacks is only loaded the slow way; one it names that no longer exists is skipped by the dump
# (WindowClassListTest points those out).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/ferry.jar out=src/main/cds/window.classlist
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
work=$(mktemp -d /var/tmp/ferry-classlist.XXXXXX)
xpids=()
trap 'for p in "${xpids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
# shellcheck source=.ci/bench-display.sh
. .ci/bench-display.sh
bench_display 47 "$work"
mkdir -p "$work/home" "$work/config"
HOME=$work/home FERRY_CONFIG_DIR=$work/config FERRY_STARTUP_MARK=$work/usable \
  java -Dferry.windowArchive=off -XX:DumpLoadedClassList="$work/list" -Duser.home="$work/home" -jar "$jar" \
  >"$work/out.log" 2>&1 &
pid=$!
for _ in $(seq 1200); do [ -f "$work/usable" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
[ -f "$work/usable" ] || { echo "the window did not become usable within 120 s:" >&2; cat "$work/out.log" >&2; exit 1; }
# What starts right after the first frame (the deferred work) belongs to the start too.
sleep 2
# SIGTERM: an orderly exit, at which the JVM finishes the list.
kill "$pid"
wait "$pid" || true
[ -s "$work/list" ] || { echo "no class list was written" >&2; exit 1; }
cp "$work/list" "$out"
echo "$(grep -vc '^@' "$out") classes recorded in $out"
