#!/bin/sh
# A class-data-sharing archive for the window (issue 18, cold start): the ~5,700 classes the window loads until
# it is usable (JavaFX, AtlantaFX, Ikonli, Ferry's own) are mapped from lib/app/ferry-window.jsa instead of being
# read from the jars and verified one by one. The window launcher's .cfg names that file (app-image.args); a
# missing or stale archive is ignored by the JVM without a word, the window then just starts slower. The archive
# carries checksums that the launcher's -XX:+VerifySharedSpaces checks: a damaged one is ignored too (mapped
# unchecked, it crashed the JVM).
# On a JDK 25 or newer runtime (pom.xml image.jdk) the same file is an ahead-of-time cache (JEP 483, 515): the
# classes also come linked, with the lambdas' call sites resolved and the methods' profiles of the training run,
# so less is interpreted and compiled at start. A JDK 17 runtime gets the plain class list archive.
#
#   window-cds.sh record APP_IMAGE   at packaging time: starts the window once (a display is needed: $DISPLAY, or
#                                    Xvfb on a free display; without either it says so and records nothing) and
#                                    writes what it loaded until it was usable to lib/app/ferry-window.classlist
#                                    (JDK 17) or lib/app/ferry-window.aotconf (JDK 25+, -XX:AOTMode=record);
#                                    copies this script beside it for the installed package
#   window-cds.sh dump APP_DIR       builds APP_DIR/ferry-window.jsa from that record (no display needed). JDK 17's
#                                    archives hold the jars' absolute paths, so this runs where the jars stay: for
#                                    the app image after it is built, for the .deb in its postinst (/opt/ferry)
set -eu
mode=${1:-} dir=${2:-}
[ -n "$dir" ] && [ -d "$dir" ] || { echo "usage: window-cds.sh record APP_IMAGE | dump APP_DIR" >&2; exit 2; }
dir=$(cd "$dir" && pwd -P)

# The class path exactly as the jpackage launcher builds it from the .cfg (CDS compares it with the dump's).
classpath() {
  sed -n 's/^app\.classpath=//p' "$1/Ferry.cfg" | sed "s|\$APPDIR|$1|" | tr '\n' : | sed 's/:$//'
}

# Whether the runtime JAVA (lib/runtime/bin/java) is JDK 25 or newer: it then makes ahead-of-time caches.
aot_runtime() {
  feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$1")")/release")
  [ "${feature:-0}" -ge 25 ]
}

# The jars' times, set alike where the window is recorded and where its cache is built: an ahead-of-time cache
# accepts only jars with the times of the training run, and installing the .deb gives them the packaging time.
pin_jar_times() {
  find "$1" -maxdepth 1 -name '*.jar' -exec touch -d '2000-01-01 00:00:00 UTC' {} +
}

case $mode in
record)
  app=$dir/lib/app java=$dir/lib/runtime/bin/java
  [ -f "$app/Ferry.cfg" ] && [ -x "$java" ] || { echo "window-cds: $dir is not a Ferry app image" >&2; exit 2; }
  rm -f "$app/ferry-window.classlist" "$app/ferry-window.aotconf" "$app/ferry-window.jsa"
  if aot_runtime "$java"; then
    record=ferry-window.aotconf
  else
    record=ferry-window.classlist
  fi
  work=$(mktemp -d)
  xvfb=""
  trap '[ -z "$xvfb" ] || kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
  if [ -z "${DISPLAY:-}" ] || ! xdpyinfo >/dev/null 2>&1; then
    if ! command -v Xvfb >/dev/null; then
      echo "window-cds: no X display and no Xvfb: no class archive for the window (it starts slower)" >&2
      exit 0
    fi
    n=90
    while [ -e "/tmp/.X$n-lock" ] && [ $n -lt 140 ]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    export DISPLAY=":$n"
    i=0
    until xdpyinfo >/dev/null 2>&1 || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
  fi
  opts=$(sed -n 's/^java-options=//p' "$app/Ferry.cfg" | grep -v SharedArchiveFile | sed "s|\$APPDIR|$app|")
  main=$(sed -n 's/^app\.mainclass=//p' "$app/Ferry.cfg")
  mkdir -p "$work/home" "$work/config"
  # A new user's start: empty config and home. FERRY_STARTUP_MARK says when the window became usable.
  if [ $record = ferry-window.aotconf ]; then
    pin_jar_times "$app"
    recording="-XX:AOTMode=record -XX:AOTConfiguration=$work/record"
  else
    recording="-XX:DumpLoadedClassList=$work/record"
  fi
  # shellcheck disable=SC2086 # one JVM option per line of the .cfg, none with spaces
  HOME=$work/home FERRY_CONFIG_DIR=$work/config FERRY_STARTUP_MARK=$work/usable \
    "$java" $recording -Djava.class.path="$(classpath "$app")" $opts \
    -Djpackage.app-path="$dir/bin/Ferry" "$main" >"$work/out.log" 2>&1 &
  pid=$!
  i=0
  until [ -f "$work/usable" ] || [ $i -ge 1200 ] || ! kill -0 $pid 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
  # What starts right after the first frame (the deferred work) belongs to the start too.
  [ -f "$work/usable" ] && sleep 2
  # SIGTERM: an orderly exit, at which the JVM writes what it recorded.
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  if [ ! -f "$work/usable" ] || [ ! -s "$work/record" ]; then
    echo "window-cds: the window did not become usable within 120 s; its output:" >&2
    cat "$work/out.log" >&2
    exit 1
  fi
  cp "$work/record" "$app/$record"
  cp "$0" "$app/window-cds.sh"
  chmod 755 "$app/window-cds.sh"
  echo "window-cds: the window's start recorded in $app/$record"
  ;;
dump)
  java=$(dirname "$dir")/runtime/bin/java
  rm -f "$dir/ferry-window.jsa"
  if [ -f "$dir/ferry-window.aotconf" ] && aot_runtime "$java"; then
    # The training run's options (module exports and the like must match), without the archive itself.
    opts=$(sed -n 's/^java-options=//p' "$dir/Ferry.cfg" | grep -v SharedArchiveFile | sed "s|\$APPDIR|$dir|")
    pin_jar_times "$dir"
    # shellcheck disable=SC2086 # one JVM option per line of the .cfg, none with spaces
    if ! "$java" $opts -XX:AOTMode=create -Xlog:aot=error -Xlog:cds=error -XX:AOTConfiguration="$dir/ferry-window.aotconf" \
        -XX:AOTCache="$dir/ferry-window.jsa" -Djava.class.path="$(classpath "$dir")" >/dev/null; then
      echo "window-cds: the ahead-of-time cache could not be built; the window starts without it" >&2
      rm -f "$dir/ferry-window.jsa"
      exit 0
    fi
    echo "window-cds: $dir/ferry-window.jsa built (ahead-of-time cache)"
    exit 0
  fi
  [ -f "$dir/ferry-window.classlist" ] || { echo "window-cds: no $dir/ferry-window.classlist: no archive" >&2; exit 0; }
  # Classes of the list that cannot be archived (JFR's event classes) are warnings, not errors.
  if ! "$java" -Xshare:dump -XX:+VerifySharedSpaces -Xlog:cds=error -XX:SharedClassListFile="$dir/ferry-window.classlist" \
      -XX:SharedArchiveFile="$dir/ferry-window.jsa" -Djava.class.path="$(classpath "$dir")" >/dev/null; then
    echo "window-cds: the archive could not be built; the window starts without it" >&2
    rm -f "$dir/ferry-window.jsa"
    exit 0
  fi
  echo "window-cds: $dir/ferry-window.jsa built"
  ;;
*)
  echo "usage: window-cds.sh record APP_IMAGE | dump APP_DIR" >&2
  exit 2
  ;;
esac
