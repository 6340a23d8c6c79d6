#!/usr/bin/env bash
# Benchmark: 1 GiB RETR and STOR against the loopback vsftpd, Ferry's CLI against curl and lftp,
# same server, same run, whole process (JVM start included). Prints medians and ratios.
#   sudo bash .ci/bench.sh [runs]        (needs: mvn -B package -DskipTests first)
#   BENCH_BIG= BENCH_SMALL= sudo bash .ci/bench.sh 7   (empty lists skip those parts: FXP only)
#   bash .ci/bench.sh startup [runs]     cold start to a usable window (.ci/bench-startup.sh)
#   sudo bash .ci/bench.sh app [runs]   the window's queue in a running app (org.ferryftp.bench.AppBench)
#                                       against lftp and curl; prints "ratio NAME X" lines
#   bash .ci/bench.sh rss               the memory of a window with 100,000 entries per pane and queued (.ci/bench-rss.sh)
#   bash .ci/bench.sh sync-plan [DIR]   planning a synchronization of 100,000 files, the window's preview and
#                                       ferry mirror's planner: "seconds sync-plan-100k X" and the heap each keeps
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = app ]; then
  shift
  command -v lftp >/dev/null || { apt-get update -qq && apt-get install -y -qq lftp >/dev/null; }
  [ -f target/ferry.jar ] && [ -d target/test-classes/org/ferryftp/bench ] \
    || { echo "build first: mvn -B package -DskipTests (it compiles the bench too)" >&2; exit 1; }
  bash .ci/vsftpd.sh >/dev/null
  bash .ci/vsftpd.sh bench-data
  bash .ci/sshd.sh >/dev/null
  # shellcheck disable=SC1091
  . /tmp/ferry-vsftpd/env
  # shellcheck disable=SC1091
  . /tmp/ferry-sshd/env
  head -c $((64 * 1024 * 1024)) /dev/urandom > "$FERRY_SSHD_ROOT/bench-sftp.bin"
  head -c $((32 * 1024 * 1024)) /dev/urandom > "$FERRY_SSHD_ROOT/bench-sftp-warm.bin"
  chmod 644 "$FERRY_SSHD_ROOT"/bench-sftp*.bin
  exec java -cp target/ferry.jar:target/test-classes org.ferryftp.bench.AppBench "${1:-5}" ${BENCH_CASES:-}
fi
if [ "${1:-}" = startup ]; then
  shift
  exec bash .ci/bench-startup.sh "$@"
fi
if [ "${1:-}" = sync-plan ]; then
  shift
  [ -f target/ferry.jar ] && [ -f target/test-classes/org/ferryftp/bench/SyncPlanBench.class ] \
    || { echo "build first: mvn -B package -DskipTests (it compiles the bench too)" >&2; exit 1; }
  exec java -Xmx1g -cp target/ferry.jar:target/test-classes org.ferryftp.bench.SyncPlanBench "$@"
fi
if [ "${1:-}" = rss ]; then
  shift
  exec bash .ci/bench-rss.sh "$@"
fi
runs=${1:-5}
jar=target/ferry.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
# A JDK 25+ beside the default one (Debian keeps them under /usr/lib/jvm): the launcher then uses an
# AOT cache instead of a CDS archive, measured as a row of its own.
jdk25=${BENCH_JDK25-$(for h in /usr/lib/jvm/*/; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$h/release" 2>/dev/null)
  [ "${v:-0}" -ge 25 ] && [ -x "$h/bin/java" ] && echo "${h%/}"; done | tail -1)}
launchers="launcher${jdk25:+ launcher25}"
command -v lftp >/dev/null || { apt-get update -qq && apt-get install -y -qq lftp >/dev/null; }
bash .ci/vsftpd.sh >/dev/null
# shellcheck disable=SC1091
. /tmp/ferry-vsftpd/env
url="ftp://$FERRY_VSFTPD_USER:$FERRY_VSFTPD_PASSWORD@$FERRY_VSFTPD_HOST:$FERRY_VSFTPD_PORT"
# Local files live in RAM (/dev/shm) so disk write-back noise does not swamp the comparison.
work=$(mktemp -d /dev/shm/ferry-bench.XXXXXX)
trap 'rm -rf "$work" "$FERRY_VSFTPD_ROOT"/bench-*' EXIT
size=$((1024 * 1024 * 1024))
head -c $size /dev/urandom > "$work/src.bin"
cp "$work/src.bin" "$FERRY_VSFTPD_ROOT/bench-src.bin"
chmod 644 "$FERRY_VSFTPD_ROOT/bench-src.bin"
lftp_cmd() { lftp -u "$FERRY_VSFTPD_USER,$FERRY_VSFTPD_PASSWORD" -p "$FERRY_VSFTPD_PORT" -e "set cmd:fail-exit yes; $1; bye" "$FERRY_VSFTPD_HOST"; }

# seconds TOOL DIRECTION: one timed run; cleans the target before, checks the size after.
seconds() {
  local tool=$1 dir=$2 start end
  rm -f "$work/dst.bin" "$work/dst.bin.ferry-part" "$FERRY_VSFTPD_ROOT/bench-up.bin"
  sync
  start=$(date +%s.%N)
  case "$tool-$dir" in
    curl-get)  curl -sS -o "$work/dst.bin" "$url/bench-src.bin" ;;
    lftp-get)  lftp_cmd "get bench-src.bin -o $work/dst.bin" ;;
    ferry-get) java -jar "$jar" get "$url/bench-src.bin" -o "$work/dst.bin" ;;
    curl-put)  curl -sS -T "$work/src.bin" "$url/bench-up.bin" ;;
    lftp-put)  lftp_cmd "put $work/src.bin -o bench-up.bin" ;;
    ferry-put) java -jar "$jar" put "$work/src.bin" "$url/bench-up.bin" ;;
  esac
  end=$(date +%s.%N)
  local got
  if [ "$dir" = get ]; then got=$(stat -c %s "$work/dst.bin"); else got=$(stat -c %s "$FERRY_VSFTPD_ROOT/bench-up.bin"); fi
  [ "$got" = "$size" ] || { echo "$tool $dir produced $got bytes, expected $size" >&2; exit 1; }
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Many small files: 1,000 x 4 KiB, ferry get/put -r --parallel 4 against lftp mirror --parallel=4.
mkdir -p "$work/small-src"
for i in $(seq 1 1000); do head -c 4096 /dev/urandom > "$work/small-src/f$i.bin"; done
mkdir -p "$FERRY_VSFTPD_ROOT/bench-small"
cp "$work/small-src/"* "$FERRY_VSFTPD_ROOT/bench-small/"
chmod -R a+rwX "$FERRY_VSFTPD_ROOT/bench-small"

small_seconds() {
  local tool=$1 dir=$2 start end
  rm -rf "$work/small-dst" "$FERRY_VSFTPD_ROOT/bench-small-up"
  mkdir -p "$work/small-dst"
  # ferry put -r puts the folder into an existing remote folder, as cp -r does (a missing one is an error);
  # lftp's mirror -R fills the one it names. Both get it made beforehand.
  [ "$dir" = get ] || mkdir -m 777 "$FERRY_VSFTPD_ROOT/bench-small-up"
  sync
  start=$(date +%s.%N)
  case "$tool-$dir" in
    lftp-get)  lftp_cmd "mirror --parallel=4 bench-small $work/small-dst/bench-small" ;;
    ferry-get) java -jar "$jar" get -r --parallel 4 "$url/bench-small" -o "$work/small-dst" ;;
    launcher-get) packaging/ferry get -r --parallel 4 "$url/bench-small" -o "$work/small-dst" ;;
    lftp-put)  lftp_cmd "mirror -R --parallel=4 $work/small-src bench-small-up" ;;
    ferry-put) java -jar "$jar" put -r --parallel 4 "$work/small-src" "$url/bench-small-up/" ;;
    launcher-put) packaging/ferry put -r --parallel 4 "$work/small-src" "$url/bench-small-up/" ;;
    launcher25-get) JAVA_HOME=$jdk25 packaging/ferry get -r --parallel 4 "$url/bench-small" -o "$work/small-dst" ;;
    launcher25-put) JAVA_HOME=$jdk25 packaging/ferry put -r --parallel 4 "$work/small-src" "$url/bench-small-up/" ;;
  esac
  end=$(date +%s.%N)
  local n
  if [ "$dir" = get ]; then n=$(find "$work/small-dst" -type f | wc -l); else n=$(find "$FERRY_VSFTPD_ROOT/bench-small-up" -type f | wc -l); fi
  [ "$n" = 1000 ] || { echo "$tool $dir small: $n files, expected 1000" >&2; exit 1; }
  echo "$end - $start" | bc
}

echo "| direction | curl (s) | lftp (s) | ferry (s) | ferry / curl | ferry / lftp |"
echo "|---|---|---|---|---|---|"
for dir in ${BENCH_BIG-get put}; do
  declare -A times=()
  for ((i = 0; i < runs; i++)); do
    # Interleave the tools so drift in machine load hits all of them alike.
    for tool in curl lftp ferry; do times[$tool]+="$(seconds $tool $dir) "; done
  done
  c=$(echo "${times[curl]}" | tr ' ' '\n' | grep . | median)
  l=$(echo "${times[lftp]}" | tr ' ' '\n' | grep . | median)
  f=$(echo "${times[ferry]}" | tr ' ' '\n' | grep . | median)
  printf '| %s 1 GiB | %.2f | %.2f | %.2f | %.2f | %.2f |\n' "$dir" "$c" "$l" "$f" \
    "$(echo "$f / $c" | bc -l)" "$(echo "$f / $l" | bc -l)"
  unset times
done
# The launchers' first run of a subcommand records its class archive (on JDK 25 assembled in the
# background afterwards): one untimed run each first, so the timed runs measure the steady state.
small_seconds_of() { small_seconds "$2" "$1"; }
warm_up() {
  local tool
  for tool in $launchers; do "$@" "$tool" >/dev/null; done
  sleep 3
}
for dir in ${BENCH_SMALL-get put}; do
  declare -A times=()
  warm_up small_seconds_of "$dir"
  for ((i = 0; i < runs; i++)); do
    for tool in lftp ferry $launchers; do times[$tool]+="$(small_seconds $tool $dir) "; done
  done
  l=$(echo "${times[lftp]}" | tr ' ' '\n' | grep . | median)
  f=$(echo "${times[ferry]}" | tr ' ' '\n' | grep . | median)
  g=$(echo "${times[launcher]}" | tr ' ' '\n' | grep . | median)
  printf '| %s 1,000 x 4 KiB, 4 parallel (java -jar) | - | %.2f | %.2f | - | %.2f |\n' "$dir" "$l" "$f" "$(echo "$f / $l" | bc -l)"
  printf '| %s 1,000 x 4 KiB, 4 parallel (packaging/ferry) | - | %.2f | %.2f | - | %.2f |\n' "$dir" "$l" "$g" "$(echo "$g / $l" | bc -l)"
  if [ -n "$jdk25" ]; then
    h=$(echo "${times[launcher25]}" | tr ' ' '\n' | grep . | median)
    printf '| %s 1,000 x 4 KiB, 4 parallel (packaging/ferry, JDK 25) | - | %.2f | %.2f | - | %.2f |\n' "$dir" "$l" "$h" "$(echo "$h / $l" | bc -l)"
  fi
  unset times
done

# Site to site: 64 MiB between the two FXP-enabled vsftpd instances, ferry fxp against lftp (which uses FXP).
fxp_a="ftp://$FERRY_VSFTPD_USER:$FERRY_VSFTPD_PASSWORD@$FERRY_VSFTPD_FXP_A"
fxp_b="ftp://$FERRY_VSFTPD_USER:$FERRY_VSFTPD_PASSWORD@$FERRY_VSFTPD_FXP_B"
head -c $((64 * 1024 * 1024)) /dev/urandom > "$FERRY_VSFTPD_FXP_A_ROOT/bench-fxp.bin"
chmod 644 "$FERRY_VSFTPD_FXP_A_ROOT/bench-fxp.bin"
fxp_seconds() {
  local tool=$1 start end
  rm -f "$FERRY_VSFTPD_FXP_B_ROOT/bench-fxp.bin"
  start=$(date +%s.%N)
  case "$tool" in
    lftp)  lftp -c "set ftp:use-fxp yes; get $fxp_a/bench-fxp.bin -o $fxp_b/bench-fxp.bin" ;;
    ferry) java -jar "$jar" fxp "$fxp_a/bench-fxp.bin" "$fxp_b/" ;;
    launcher) packaging/ferry fxp "$fxp_a/bench-fxp.bin" "$fxp_b/" ;;
    launcher25) JAVA_HOME=$jdk25 packaging/ferry fxp "$fxp_a/bench-fxp.bin" "$fxp_b/" ;;
  esac
  end=$(date +%s.%N)
  cmp -s "$FERRY_VSFTPD_FXP_A_ROOT/bench-fxp.bin" "$FERRY_VSFTPD_FXP_B_ROOT/bench-fxp.bin" \
    || { echo "$tool fxp: target differs" >&2; exit 1; }
  echo "$end - $start" | bc
}
declare -A fx=()
warm_up fxp_seconds
for ((i = 0; i < runs; i++)); do
  for tool in lftp ferry $launchers; do fx[$tool]+="$(fxp_seconds $tool) "; done
done
l=$(echo "${fx[lftp]}" | tr ' ' '\n' | grep . | median)
f=$(echo "${fx[ferry]}" | tr ' ' '\n' | grep . | median)
g=$(echo "${fx[launcher]}" | tr ' ' '\n' | grep . | median)
printf '| fxp 64 MiB A to B (java -jar) | - | %.2f | %.2f | - | %.2f |\n' "$l" "$f" "$(echo "$f / $l" | bc -l)"
printf '| fxp 64 MiB A to B (packaging/ferry) | - | %.2f | %.2f | - | %.2f |\n' "$l" "$g" "$(echo "$g / $l" | bc -l)"
if [ -n "$jdk25" ]; then
  h=$(echo "${fx[launcher25]}" | tr ' ' '\n' | grep . | median)
  printf '| fxp 64 MiB A to B (packaging/ferry, JDK 25) | - | %.2f | %.2f | - | %.2f |\n' "$l" "$h" "$(echo "$h / $l" | bc -l)"
fi
rm -f "$FERRY_VSFTPD_FXP_A_ROOT/bench-fxp.bin" "$FERRY_VSFTPD_FXP_B_ROOT/bench-fxp.bin"

# Mirror (issue 21): 10,000 x 4 KiB already in step, then with 100 of them changed at the target (one byte
# shorter), ferry mirror (java -jar, JVM start included) against lftp mirror, both 4 connections.
if [ -n "${BENCH_MIRROR-yes}" ]; then
  bash .ci/vsftpd.sh bench-data >/dev/null
  mirror_seconds() {
    local tool=$1 start end
    start=$(date +%s.%N)
    case "$tool" in
      lftp)  lftp_cmd "mirror --parallel=4 bench-app/small $work/mirror-lftp" >/dev/null ;;
      ferry) java -jar "$jar" mirror --parallel 4 "$url/bench-app/small" "$work/mirror-ferry" 2>/dev/null ;;
    esac
    end=$(date +%s.%N)
    local n
    n=$(find "$work/mirror-$tool" -type f -size 4096c | wc -l)
    [ "$n" = 10000 ] || { echo "$tool mirror: $n complete files, expected 10000" >&2; exit 1; }
    echo "$end - $start" | bc
  }
  change_hundred() { find "$work/mirror-$1" -type f | sort | awk 'NR % 100 == 1' | xargs truncate -s -1; }
  mkdir -p "$work/mirror-ferry" "$work/mirror-lftp"
  for tool in lftp ferry; do mirror_seconds "$tool" >/dev/null; done
  for kind in same 100; do
    declare -A mt=()
    for ((i = 0; i < runs; i++)); do
      for tool in lftp ferry; do
        [ "$kind" = same ] || change_hundred "$tool"
        mt[$tool]+="$(mirror_seconds "$tool") "
      done
    done
    l=$(echo "${mt[lftp]}" | tr ' ' '\n' | grep . | median)
    f=$(echo "${mt[ferry]}" | tr ' ' '\n' | grep . | median)
    printf '| mirror 10,000 x 4 KiB, %s changed (java -jar) | - | %.2f | %.2f | - | %.2f |\n' \
      "$([ "$kind" = same ] && echo none || echo 100)" "$l" "$f" "$(echo "$f / $l" | bc -l)"
    unset mt
  done
fi
