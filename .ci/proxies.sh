#!/usr/bin/env bash
# Starts real proxies on loopback for Ferry's proxy interop tests: Dante (SOCKS5, with and without a
# login) and tinyproxy (HTTP/1.1 CONNECT with basic authentication), Debian's packages.
#
# Usage (as root, after .ci/vsftpd.sh, which makes the ferry user the SOCKS login uses):
#   bash .ci/proxies.sh              # (re)start and self-test them
#   bash .ci/proxies.sh stop         # stop them
#   source /tmp/ferry-proxies/env    # FERRY_PROXY_* for the tests
#
# Instances (on 127.0.0.1, because Dante listens only on an interface's own address; they connect out
# from 127.0.0.1 too, so vsftpd sees one client address for the control and the data connections):
#   socks5       :1080  no login
#   socks5-auth  :1081  username/password (RFC 1929): ferry / ferry-interop-pw, checked against /etc/shadow
#   http         :8888  CONNECT to any port, basic authentication ferry / ferry-proxy-pw
# The packages' own services are kept from starting by a policy-rc.d during the install.
set -euo pipefail

STATE_DIR=/tmp/ferry-proxies
ADDRESS=127.0.0.1
ENV_FILE=$STATE_DIR/env
SOCKS_USER=ferry
SOCKS_PASSWORD=ferry-interop-pw
HTTP_USER=ferry
HTTP_PASSWORD=ferry-proxy-pw

die() { echo "proxies.sh: ERROR: $*" >&2; exit 1; }
log() { echo "proxies.sh: $*"; }

[ "$(id -u)" -eq 0 ] || die "must run as root (Dante checks SOCKS logins against /etc/shadow)"

stop_pidfile() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

stop_all() {
  stop_pidfile "$STATE_DIR/socks5.pid"
  stop_pidfile "$STATE_DIR/socks5-auth.pid"
  stop_pidfile "$STATE_DIR/tinyproxy.pid"
}

if [ "${1:-}" = stop ]; then
  stop_all
  exit 0
fi

if [ ! -x /usr/sbin/danted ] || ! command -v tinyproxy >/dev/null; then
  log "installing dante-server and tinyproxy (their own services are kept from starting)"
  # shellcheck source=/dev/null
  . "$(dirname "$0")/packages.sh"
  install_without_starting dante-server tinyproxy || die "apt-get install dante-server tinyproxy failed"
fi

mkdir -p "$STATE_DIR"
stop_all

dante_conf() {
  local port=$1 method=$2
  cat <<CONF
logoutput: $STATE_DIR/socks5-$port.log
internal: $ADDRESS port = $port
external: 127.0.0.1
clientmethod: none
socksmethod: $method
user.privileged: root
user.unprivileged: nobody
client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }
socks pass { from: 127.0.0.0/8 to: 0.0.0.0/0 command: connect }
CONF
}
dante_conf 1080 none > "$STATE_DIR/socks5.conf"
dante_conf 1081 username > "$STATE_DIR/socks5-auth.conf"
/usr/sbin/danted -D -f "$STATE_DIR/socks5.conf" -p "$STATE_DIR/socks5.pid" || die "danted (socks5) did not start"
/usr/sbin/danted -D -f "$STATE_DIR/socks5-auth.conf" -p "$STATE_DIR/socks5-auth.pid" \
  || die "danted (socks5-auth) did not start"

cat > "$STATE_DIR/tinyproxy.conf" <<CONF
User nobody
Group nogroup
Port 8888
Listen $ADDRESS
Timeout 600
Allow 127.0.0.0/8
BasicAuth $HTTP_USER $HTTP_PASSWORD
MaxClients 200
DisableViaHeader Yes
PidFile "$STATE_DIR/tinyproxy.pid"
LogFile "$STATE_DIR/tinyproxy.log"
LogLevel Info
CONF
touch "$STATE_DIR/tinyproxy.log" "$STATE_DIR/tinyproxy.pid"
chown nobody:nogroup "$STATE_DIR/tinyproxy.log" "$STATE_DIR/tinyproxy.pid"
tinyproxy -c "$STATE_DIR/tinyproxy.conf" || die "tinyproxy did not start (see $STATE_DIR/tinyproxy.log)"

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
for port in 1080 1081 8888; do
  for _ in $(seq 50); do port_open "$ADDRESS" "$port" && break; sleep 0.1; done
  port_open "$ADDRESS" "$port" || die "nothing answers on $ADDRESS:$port"
done

# Self-tests with curl through each proxy to the plain vsftpd, when it runs.
if [ -f /tmp/ferry-vsftpd/env ]; then
  # shellcheck source=/dev/null
  . /tmp/ferry-vsftpd/env
  target="ftp://$FERRY_VSFTPD_USER:$FERRY_VSFTPD_PASSWORD@$FERRY_VSFTPD_HOST:$FERRY_VSFTPD_PORT/"
  curl -sS --fail --max-time 20 --socks5 "$ADDRESS:1080" --list-only "$target" >/dev/null \
    || die "curl through SOCKS5 $ADDRESS:1080 could not list vsftpd"
  curl -sS --fail --max-time 20 --socks5 "$ADDRESS:1081" --proxy-user "$SOCKS_USER:$SOCKS_PASSWORD" \
    --list-only "$target" >/dev/null || die "curl through SOCKS5 with a login $ADDRESS:1081 could not list vsftpd"
  curl -sS --fail --max-time 20 --proxytunnel -x "http://$ADDRESS:8888" --proxy-user "$HTTP_USER:$HTTP_PASSWORD" \
    --list-only "$target" >/dev/null || die "curl through HTTP CONNECT $ADDRESS:8888 could not list vsftpd"
  log "curl listed vsftpd through each proxy"
fi

cat > "$ENV_FILE" <<ENV
export FERRY_PROXY_SOCKS5=$ADDRESS:1080
export FERRY_PROXY_SOCKS5_AUTH=$ADDRESS:1081
export FERRY_PROXY_SOCKS5_USER=$SOCKS_USER
export FERRY_PROXY_SOCKS5_PASSWORD=$SOCKS_PASSWORD
export FERRY_PROXY_HTTP=$ADDRESS:8888
export FERRY_PROXY_HTTP_USER=$HTTP_USER
export FERRY_PROXY_HTTP_PASSWORD=$HTTP_PASSWORD
ENV
log "SOCKS5 on $ADDRESS:1080 (no login) and :1081 (login), HTTP CONNECT on $ADDRESS:8888; env in $ENV_FILE"
