#!/usr/bin/env bash
# Starts real vsftpd instances on loopback for Ferry's interop tests (*InteropIT).
#
# Usage (as root):  bash .ci/vsftpd.sh          # (re)start and self-test all instances
#                   bash .ci/vsftpd.sh stop     # stop the instances this script started
#                   bash .ci/vsftpd.sh bench-data  # add the data sets .ci/bench.sh app times against
#                   source /tmp/ferry-vsftpd/env  # then run: mvn -B verify
#
# Idempotent: rerunning restarts the instances with a fresh, empty FTP root each.
# Instances (all user ferry / ferry-interop-pw, chrooted to their own root):
#   plain   127.0.0.1:2121  PASV 30000-30099, active mode allowed
#   fxp-a   127.0.0.2:2121  PASV 30100-30199, pasv/port_promiscuous for site-to-site
#   fxp-b   127.0.0.3:2121  PASV 30200-30299, pasv/port_promiscuous for site-to-site
#   ftps    127.0.0.1:2122  PASV 30300-30349, explicit FTPS (AUTH TLS) required for
#                           logins and data, require_ssl_reuse=YES (vsftpd's default)
#   ftpsi   127.0.0.1:2990  PASV 30350-30399, implicit FTPS, same TLS rules
#   plain6  [::1]:2121      PASV 30400-30449, IPv6 only (EPSV/EPRT; PASV and PORT cannot carry IPv6)
#   ftps6   [::1]:2122      PASV 30450-30499, IPv6, explicit FTPS as ftps
# The FTPS instances use a self-signed certificate made here with openssl
# (CN=localhost, SAN DNS:localhost + IP:127.0.0.1); its SHA-256 fingerprint
# goes into the env file so tests can trust it explicitly.
set -euo pipefail

STATE_DIR=/tmp/ferry-vsftpd          # configs, pid files, logs, env file
FTP_BASE=/srv/ferry-vsftpd           # FTP user's home; one subdirectory per instance
FTP_USER=ferry
FTP_PASSWORD=ferry-interop-pw
FTP_SHELL=/bin/bash                  # must be in /etc/shells: Debian's PAM stack runs pam_shells
SECURE_CHROOT=/var/run/vsftpd/empty  # vsftpd's unprivileged helper chroots here
ENV_FILE=$STATE_DIR/env

die() { echo "vsftpd.sh: ERROR: $*" >&2; exit 1; }
log() { echo "vsftpd.sh: $*"; }

[ "$(id -u)" -eq 0 ] || die "must run as root (vsftpd needs it for PAM logins and chroot); try: sudo bash $0"

# --- packages ---------------------------------------------------------------
ensure_packages() {
  local missing=()
  [ -x /usr/sbin/vsftpd ] || missing+=(vsftpd)
  command -v curl >/dev/null || missing+=(curl)
  command -v useradd >/dev/null || missing+=(passwd)
  command -v pgrep >/dev/null || missing+=(procps)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed"
  # The package's postinst may try to start the system-wide vsftpd on port 21;
  # that is harmless (different port) and fails quietly in containers.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# --- test user --------------------------------------------------------------
ensure_user() {
  grep -qx "$FTP_SHELL" /etc/shells || echo "$FTP_SHELL" >>/etc/shells
  mkdir -p "$FTP_BASE"
  if id "$FTP_USER" >/dev/null 2>&1; then
    # An existing account may have another home or a nologin shell.
    local entry
    entry=$(getent passwd "$FTP_USER")
    if [ "${entry#*:*:*:*:*:}" != "$FTP_BASE:$FTP_SHELL" ]; then
      usermod -s "$FTP_SHELL" -d "$FTP_BASE" "$FTP_USER"
    fi
  else
    useradd --home-dir "$FTP_BASE" --no-create-home --shell "$FTP_SHELL" "$FTP_USER"
  fi
  echo "$FTP_USER:$FTP_PASSWORD" | chpasswd
  chown "$FTP_USER:$FTP_USER" "$FTP_BASE"
  chmod 755 "$FTP_BASE"
  # /etc/ftpusers is a deny list enforced via PAM; make sure we are not in it.
  if [ -f /etc/ftpusers ] && grep -qx "$FTP_USER" /etc/ftpusers; then
    sed -i "/^$FTP_USER\$/d" /etc/ftpusers
  fi
}

# --- instances --------------------------------------------------------------
# The listener and its session processes all keep the command line
# "/usr/sbin/vsftpd <conf>", so matching the full line (anchored) hits only
# processes started for that config and nothing else on the machine.
instance_pids() { pgrep -f "^/usr/sbin/vsftpd $STATE_DIR/$1\.conf\$" || true; }

stop_instance() {
  local name=$1 pids
  pids=$(instance_pids "$name")
  [ -n "$pids" ] || return 0
  # shellcheck disable=SC2086 # word splitting of the pid list is intended
  kill $pids 2>/dev/null || true
  for _ in $(seq 50); do
    [ -z "$(instance_pids "$name")" ] && break
    sleep 0.1
  done
  pids=$(instance_pids "$name")
  # shellcheck disable=SC2086
  [ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
  rm -f "$STATE_DIR/$name.pid"
}

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# start_instance NAME ADDRESS PORT EXTRA_CONFIG
#   Writes $STATE_DIR/NAME.conf (shared base settings + EXTRA_CONFIG lines),
#   gives the instance an empty root $FTP_BASE/NAME, starts it and waits for
#   the control port. Self-tests are separate (verify_instance).
start_instance() {
  local name=$1 addr=$2 port=$3 extra=${4:-}
  local conf=$STATE_DIR/$name.conf root=$FTP_BASE/$name

  stop_instance "$name"
  if port_open "$addr" "$port"; then
    die "$addr:$port is still in use by something this script did not start (check: ss -ltnp)"
  fi

  # Fresh root for every start so test runs do not see each other's leftovers.
  # World-writable so a developer running the tests unprivileged can seed
  # fixtures directly; files uploaded over FTP belong to $FTP_USER.
  rm -rf "$root"
  mkdir -p "$root"
  chown "$FTP_USER:$FTP_USER" "$root"
  chmod 777 "$root"

  # An IPv6 address (it has colons) needs vsftpd's IPv6 listener, which takes the other address setting.
  local listen="listen=YES
listen_ipv6=NO
listen_address=$addr"
  if [[ $addr == *:* ]]; then
    listen="listen=NO
listen_ipv6=YES
listen_address6=$addr"
  fi
  cat >"$conf" <<EOF
# Generated by .ci/vsftpd.sh for instance "$name" - do not edit, rerun the script.
$listen
listen_port=$port
background=YES
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
chmod_enable=YES
# Remote "/" is this instance's root, so tests map paths 1:1 to local files.
# The root is writable, which vsftpd refuses for chroots unless allowed.
chroot_local_user=YES
allow_writeable_chroot=YES
local_root=$root
pam_service_name=vsftpd
# Real TYPE A behaviour: CRLF on the wire, LF on disk (vsftpd fakes it otherwise).
ascii_upload_enable=YES
ascii_download_enable=YES
utf8_filesystem=YES
pasv_enable=YES
port_enable=YES
# Data port 20 would need the privileged helper; any port works for tests.
connect_from_port_20=NO
# seccomp and namespace isolation fail in many containers (EPERM on clone/prctl).
seccomp_sandbox=NO
isolate=NO
isolate_network=NO
secure_chroot_dir=$SECURE_CHROOT
xferlog_enable=NO
dual_log_enable=NO
use_localtime=NO
# Parallel tests open many sessions from the same address.
max_clients=50
max_per_ip=50
idle_session_timeout=300
data_connection_timeout=120
accept_timeout=60
connect_timeout=60
$extra
EOF

  log "starting $name on $addr:$port (root $root)"
  # With background=YES vsftpd forks and the parent returns at once; config
  # errors are reported before that, bind errors only in the log below.
  /usr/sbin/vsftpd "$conf" >"$STATE_DIR/$name.log" 2>&1 \
    || die "vsftpd $name failed to start: $(cat "$STATE_DIR/$name.log")"
  for _ in $(seq 50); do
    port_open "$addr" "$port" && break
    sleep 0.2
  done
  port_open "$addr" "$port" \
    || die "vsftpd $name does not answer on $addr:$port after 10 s: $(cat "$STATE_DIR/$name.log")"
  # Oldest matching process is the listener; the others would be sessions.
  pgrep -o -f "^/usr/sbin/vsftpd $conf\$" >"$STATE_DIR/$name.pid" || true
}

# --- self-tests -------------------------------------------------------------
# Send FEAT over a raw control connection and print the reply (curl cannot).
ftp_feat() {
  local addr=$1 port=$2 line
  exec 3<>"/dev/tcp/$addr/$port"
  IFS= read -r -t 5 line <&3 || true  # banner
  printf 'FEAT\r\n' >&3
  while IFS= read -r -t 5 line <&3; do
    echo "$line"
    [[ $line == "211 "* ]] && break
  done
  printf 'QUIT\r\n' >&3
  exec 3<&- 3>&-
}

# verify_instance NAME ADDRESS PORT [CURL_OPTS...]
#   login, upload, list, download+compare, check the file on disk, delete.
#   Extra curl options select e.g. active mode (-P ADDRESS).
verify_instance() {
  local name=$1 addr=$2 port=$3; shift 3
  local url="ftp://$addr:$port" root=$FTP_BASE/$name
  [[ $addr == *:* ]] && url="ftp://[$addr]:$port"
  local file="selftest-$name-$$.txt" tmp=$SELFTEST_TMP listing
  local -a curl=(curl -sS --fail --max-time 20 --user "$FTP_USER:$FTP_PASSWORD" "$@")
  local mode="passive"
  if [ $# -gt 0 ]; then mode="$*"; fi
  printf 'Ferry vsftpd self-test %s\nline two\n' "$(date -u +%FT%TZ)" >"$tmp/up"

  "${curl[@]}" --list-only "$url/" >/dev/null \
    || die "$name ($mode): login/list failed at $url as $FTP_USER"
  "${curl[@]}" -T "$tmp/up" "$url/$file" \
    || die "$name ($mode): upload with curl -T failed"
  # Capture first: grep -q in a pipe could SIGPIPE curl and trip pipefail.
  listing=$("${curl[@]}" --list-only "$url/" | tr -d '\r') \
    || die "$name ($mode): listing after upload failed"
  grep -qx "$file" <<<"$listing" \
    || die "$name ($mode): uploaded $file is missing from the listing"
  "${curl[@]}" -o "$tmp/down" "$url/$file" \
    || die "$name ($mode): download failed"
  cmp -s "$tmp/up" "$tmp/down" || die "$name ($mode): downloaded file differs from the upload"
  cmp -s "$tmp/up" "$root/$file" \
    || die "$name ($mode): $file did not land in $root (FERRY_VSFTPD_ROOT mapping is wrong)"
  "${curl[@]}" -Q "DELE $file" --list-only "$url/" >/dev/null \
    || die "$name ($mode): DELE failed"
  [ ! -e "$root/$file" ] || die "$name ($mode): $file still exists after DELE"
  log "$name ($mode): login, upload, list, download, compare, delete OK"
}

verify_feat_utf8() {
  local feat
  feat=$(ftp_feat "$1" "$2" | tr -d '\r')
  grep -qx ' UTF8' <<<"$feat" \
    || die "FEAT on $1:$2 does not advertise UTF8 (utf8_filesystem)"
  log "FEAT on $1:$2 advertises UTF8"
}

# --- TLS certificate ----------------------------------------------------------
make_certificate() {
  command -v openssl >/dev/null || die "openssl is missing"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" \
    -keyout "$STATE_DIR/tls.key" -out "$STATE_DIR/tls.crt" >/dev/null 2>&1 \
    || die "openssl could not make the test certificate"
  chmod 600 "$STATE_DIR/tls.key"
  TLS_FINGERPRINT=$(openssl x509 -in "$STATE_DIR/tls.crt" -noout -fingerprint -sha256 | sed 's/^.*=//')
}

# vsftpd 3.0.3 defaults to ssl_ciphers=DES-CBC3-SHA, which OpenSSL 3 refuses;
# HIGH is what FTPS clients negotiate. TLS 1.3 suites are not affected by it.
tls_config() {
  cat <<EOF
ssl_enable=YES
rsa_cert_file=$STATE_DIR/tls.crt
rsa_private_key_file=$STATE_DIR/tls.key
ssl_ciphers=HIGH
require_ssl_reuse=YES
force_local_data_ssl=YES
force_local_logins_ssl=YES
ssl_tlsv1=YES
ssl_sslv2=NO
ssl_sslv3=NO
EOF
}

# verify_tls NAME URL: curl login, upload, download over TLS with the same
# session-reuse rules the Ferry tests face.
verify_tls() {
  local name=$1 url=$2 tmp=$SELFTEST_TMP
  local -a curl=(curl -sS --fail --max-time 20 --user "$FTP_USER:$FTP_PASSWORD" --ssl-reqd
                 --cacert "$STATE_DIR/tls.crt")
  printf 'Ferry vsftpd TLS self-test\n' >"$tmp/tls-up"
  "${curl[@]}" -T "$tmp/tls-up" "$url/tls-selftest.txt" || die "$name: TLS upload with curl failed"
  "${curl[@]}" -o "$tmp/tls-down" "$url/tls-selftest.txt" || die "$name: TLS download with curl failed"
  cmp -s "$tmp/tls-up" "$tmp/tls-down" || die "$name: TLS download differs"
  "${curl[@]}" -Q "DELE tls-selftest.txt" --list-only "$url/" >/dev/null || die "$name: TLS DELE failed"
  log "$name: TLS login, upload, download, compare, delete OK"
}

write_env() {
  cat >"$ENV_FILE" <<EOF
export FERRY_VSFTPD_HOST=127.0.0.1
export FERRY_VSFTPD_PORT=2121
export FERRY_VSFTPD_USER=$FTP_USER
export FERRY_VSFTPD_PASSWORD=$FTP_PASSWORD
export FERRY_VSFTPD_ROOT=$FTP_BASE/plain
export FERRY_VSFTPD_FXP_A=127.0.0.2:2121
export FERRY_VSFTPD_FXP_A_ROOT=$FTP_BASE/fxp-a
export FERRY_VSFTPD_FXP_B=127.0.0.3:2121
export FERRY_VSFTPD_FXP_B_ROOT=$FTP_BASE/fxp-b
export FERRY_VSFTPD_FTPS=127.0.0.1:2122
export FERRY_VSFTPD_FTPS_ROOT=$FTP_BASE/ftps
export FERRY_VSFTPD_FTPS_IMPLICIT=127.0.0.1:2990
export FERRY_VSFTPD_FTPS_IMPLICIT_ROOT=$FTP_BASE/ftpsi
export FERRY_VSFTPD_TLS_FINGERPRINT=$TLS_FINGERPRINT
export FERRY_VSFTPD_IPV6_HOST=::1
export FERRY_VSFTPD_IPV6_PORT=2121
export FERRY_VSFTPD_IPV6_ROOT=$FTP_BASE/plain6
export FERRY_VSFTPD_IPV6_FTPS_PORT=2122
export FERRY_VSFTPD_IPV6_FTPS_ROOT=$FTP_BASE/ftps6
EOF
  log "environment for the interop tests (also in $ENV_FILE):"
  sed 's/^/  /' "$ENV_FILE"
}

# --- main -------------------------------------------------------------------
INSTANCES=(plain fxp-a fxp-b ftps ftpsi plain6 ftps6)
mkdir -p "$STATE_DIR" "$SECURE_CHROOT"
chmod 755 "$STATE_DIR"

if [ "${1:-}" = stop ]; then
  for name in "${INSTANCES[@]}"; do stop_instance "$name"; done
  rm -f "$ENV_FILE"
  log "stopped"
  exit 0
fi
# The data sets `.ci/bench.sh app` times against (made once; kept between runs).
if [ "${1:-}" = bench-data ]; then
  small=$FTP_BASE/plain/bench-app/small warm=$FTP_BASE/plain/bench-app/warm
  for dir in "$small:10000" "$warm:1000"; do
    d=${dir%%:*} n=${dir##*:}
    if [ "$(find "$d" -type f 2>/dev/null | wc -l)" != "$n" ]; then
      rm -rf "$d" && mkdir -p "$d"
      head -c $((n * 4096)) /dev/urandom | (cd "$d" && split -b 4096 -a 5 -d --additional-suffix=.bin - f)
    fi
  done
  big=$FTP_BASE/plain/bench-app/big.bin fxp=$FTP_BASE/fxp-a/bench-app-fxp.bin
  [ "$(stat -c %s "$big" 2>/dev/null)" = $((1024 * 1024 * 1024)) ] || head -c $((1024 * 1024 * 1024)) /dev/urandom > "$big"
  [ "$(stat -c %s "$fxp" 2>/dev/null)" = $((64 * 1024 * 1024)) ] || head -c $((64 * 1024 * 1024)) /dev/urandom > "$fxp"
  fxpwarm=$FTP_BASE/fxp-a/bench-app-fxp-warm.bin # AppBench's warm-up copies this one, not the measured file
  [ "$(stat -c %s "$fxpwarm" 2>/dev/null)" = $((4 * 1024 * 1024)) ] || head -c $((4 * 1024 * 1024)) /dev/urandom > "$fxpwarm"
  chown -R "$FTP_USER" "$FTP_BASE/plain/bench-app" "$fxp" "$fxpwarm"
  chmod -R a+rX "$FTP_BASE/plain/bench-app" "$fxp" "$fxpwarm"
  log "bench data: $small (10,000 x 4 KiB), $warm (1,000 x 4 KiB), $big (1 GiB), $fxp (64 MiB), $fxpwarm (4 MiB)"
  exit 0
fi
[ $# -eq 0 ] || die "usage: $0 [stop | bench-data]"

ensure_packages
ensure_user
SELFTEST_TMP=$(mktemp -d)
trap 'rm -rf "$SELFTEST_TMP"' EXIT

start_instance plain 127.0.0.1 2121 "pasv_min_port=30000
pasv_max_port=30099"
# FXP: the client tells server A (PASV) and server B (PORT) to connect to each
# other, so each must accept data peers other than the control client.
fxp_config="pasv_promiscuous=YES
port_promiscuous=YES"
start_instance fxp-a 127.0.0.2 2121 "pasv_min_port=30100
pasv_max_port=30199
$fxp_config"
start_instance fxp-b 127.0.0.3 2121 "pasv_min_port=30200
pasv_max_port=30299
$fxp_config"

make_certificate
start_instance ftps 127.0.0.1 2122 "pasv_min_port=30300
pasv_max_port=30349
$(tls_config)"
start_instance ftpsi 127.0.0.1 2990 "pasv_min_port=30350
pasv_max_port=30399
implicit_ssl=YES
$(tls_config)"

start_instance plain6 ::1 2121 "pasv_min_port=30400
pasv_max_port=30449"
start_instance ftps6 ::1 2122 "pasv_min_port=30450
pasv_max_port=30499
$(tls_config)"

verify_instance plain 127.0.0.1 2121
verify_instance plain 127.0.0.1 2121 --ftp-port 127.0.0.1
verify_feat_utf8 127.0.0.1 2121
verify_instance fxp-a 127.0.0.2 2121
verify_instance fxp-b 127.0.0.3 2121
verify_tls ftps ftp://127.0.0.1:2122
verify_tls ftpsi ftps://127.0.0.1:2990
verify_instance plain6 ::1 2121
verify_tls ftps6 "ftp://[::1]:2122"

write_env
