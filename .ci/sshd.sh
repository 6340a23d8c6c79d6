#!/usr/bin/env bash
# Starts OpenSSH's sshd on loopback for the SFTP interop tests (*InteropIT in org.ferryftp.sftp).
#
# Usage (as root, after .ci/vsftpd.sh, which makes the ferry user and sets its password):
#   bash .ci/sshd.sh              # (re)start and self-test the instance
#   bash .ci/sshd.sh stop         # stop it
#   source /tmp/ferry-sshd/env    # FERRY_SSHD_* for the tests
#
# Instance: 127.0.0.6:2222, its own config and host keys (never /etc/ssh's), password login for
# ferry / ferry-interop-pw (no PAM: sshd checks /etc/shadow), SFTP only (internal-sftp), chrooted to
# /srv/ferry-sshd, which holds the user's writable directory /data (the chroot itself must be root's).
# Key login too: two client keys in /tmp/ferry-sshd (client_ecdsa, and client_ecdsa_enc with a passphrase),
# authorized in /srv/ferry-sshd-auth/authorized_keys (root's, outside /tmp, as StrictModes wants).
# Debian's openssh-server is installed with a policy-rc.d that keeps its own sshd on port 22 from
# starting.
set -euo pipefail

STATE_DIR=/tmp/ferry-sshd
CHROOT=/srv/ferry-sshd
ADDRESS=127.0.0.6
PORT=2222
SSH_USER=ferry
SSH_PASSWORD=ferry-interop-pw
ENV_FILE=$STATE_DIR/env
AUTH_DIR=/srv/ferry-sshd-auth
KEY_PASSPHRASE=ferry-key-phrase
PIDFILE=$STATE_DIR/sshd.pid

die() { echo "sshd.sh: ERROR: $*" >&2; exit 1; }
log() { echo "sshd.sh: $*"; }

[ "$(id -u)" -eq 0 ] || die "must run as root (sshd chroots and reads /etc/shadow)"

stop() {
  [ -f "$PIDFILE" ] || return 0
  local pid
  pid=$(cat "$PIDFILE")
  if [ -n "$pid" ] && [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = /usr/sbin/sshd ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
}

if [ "${1:-}" = stop ]; then
  stop
  exit 0
fi

getent passwd "$SSH_USER" >/dev/null || die "no user $SSH_USER: run .ci/vsftpd.sh first"

if [ ! -x /usr/sbin/sshd ]; then
  log "installing openssh-server (its own service is kept from starting)"
  # shellcheck source=/dev/null
  . "$(dirname "$0")/packages.sh"
  install_without_starting openssh-server || die "apt-get install openssh-server failed"
fi

stop
mkdir -p "$STATE_DIR" /run/sshd
for type in ecdsa ed25519 rsa; do
  [ -f "$STATE_DIR/host_$type" ] || ssh-keygen -q -t "$type" -N '' -C "ferry-ci-$type" -f "$STATE_DIR/host_$type"
done

# Client keys for the key-login tests; readable by whoever runs the tests (they guard nothing else).
[ -f "$STATE_DIR/client_ecdsa" ] || ssh-keygen -q -t ecdsa -b 256 -N '' -C ferry-ci-client -f "$STATE_DIR/client_ecdsa"
[ -f "$STATE_DIR/client_ecdsa_enc" ] || ssh-keygen -q -t ecdsa -b 256 -N "$KEY_PASSPHRASE" -C ferry-ci-client-enc \
  -f "$STATE_DIR/client_ecdsa_enc"
chmod 644 "$STATE_DIR/client_ecdsa" "$STATE_DIR/client_ecdsa_enc"
mkdir -p "$AUTH_DIR"
chown root:root "$AUTH_DIR"
chmod 755 "$AUTH_DIR"
cat "$STATE_DIR/client_ecdsa.pub" "$STATE_DIR/client_ecdsa_enc.pub" > "$AUTH_DIR/authorized_keys"
chmod 644 "$AUTH_DIR/authorized_keys"

rm -rf "$CHROOT"
mkdir -p "$CHROOT/data"
chown root:root "$CHROOT"
chmod 755 "$CHROOT"
chown "$SSH_USER:" "$CHROOT/data"

cat > "$STATE_DIR/sshd_config" <<CONF
ListenAddress $ADDRESS
Port $PORT
HostKey $STATE_DIR/host_ecdsa
HostKey $STATE_DIR/host_ed25519
HostKey $STATE_DIR/host_rsa
PidFile $PIDFILE
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile $AUTH_DIR/authorized_keys
PermitRootLogin no
AllowUsers $SSH_USER
AllowTcpForwarding no
X11Forwarding no
MaxStartups 100:30:200
MaxSessions 50
Subsystem sftp internal-sftp
ChrootDirectory $CHROOT
ForceCommand internal-sftp -d /data
CONF

/usr/sbin/sshd -t -f "$STATE_DIR/sshd_config" || die "sshd rejects its config $STATE_DIR/sshd_config"
/usr/sbin/sshd -f "$STATE_DIR/sshd_config" -E "$STATE_DIR/sshd.log" || die "sshd did not start (see $STATE_DIR/sshd.log)"

for _ in $(seq 50); do
  timeout 1 bash -c "exec 3<>/dev/tcp/$ADDRESS/$PORT" 2>/dev/null && break
  sleep 0.1
done
keys=$(ssh-keyscan -p "$PORT" -t ecdsa "$ADDRESS" 2>/dev/null) || true
[ -n "$keys" ] || die "sshd does not answer on $ADDRESS:$PORT (see $STATE_DIR/sshd.log)"
fingerprint=$(ssh-keygen -l -E sha256 -f "$STATE_DIR/host_ecdsa.pub" | awk '{print $2}')
# Key login works (ssh wants a private key only its owner reads: a copy).
probe_key=$(mktemp)
cp "$STATE_DIR/client_ecdsa" "$probe_key"
chmod 600 "$probe_key"
echo pwd | sftp -q -b - -i "$probe_key" -o IdentitiesOnly=yes -o PasswordAuthentication=no -o BatchMode=yes \
  -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -P "$PORT" "$SSH_USER@$ADDRESS" >/dev/null 2>&1 \
  || { rm -f "$probe_key"; die "key login to $ADDRESS:$PORT fails (see $STATE_DIR/sshd.log)"; }
rm -f "$probe_key"

cat > "$ENV_FILE" <<ENV
export FERRY_SSHD=$ADDRESS:$PORT
export FERRY_SSHD_USER=$SSH_USER
export FERRY_SSHD_PASSWORD=$SSH_PASSWORD
export FERRY_SSHD_ROOT=$CHROOT/data
export FERRY_SSHD_HOME=/data
export FERRY_SSHD_FINGERPRINT=$fingerprint
export FERRY_SSHD_KNOWN_HOSTS_LINE="$(echo "$keys" | head -1)"
export FERRY_SSHD_KEY=$STATE_DIR/client_ecdsa
export FERRY_SSHD_KEY_ENCRYPTED=$STATE_DIR/client_ecdsa_enc
export FERRY_SSHD_KEY_PASSPHRASE=$KEY_PASSPHRASE
ENV
log "sshd on $ADDRESS:$PORT ($fingerprint), SFTP root $CHROOT/data; env in $ENV_FILE"
