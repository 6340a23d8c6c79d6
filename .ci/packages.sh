# Sourced by the .ci scripts: installs Debian packages whose own services must not start (a server
# package's postinst would otherwise start it on its standard port).
#   install_without_starting PACKAGE...
install_without_starting() {
  export DEBIAN_FRONTEND=noninteractive
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  local rc=0
  { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; } || rc=$?
  [ "$made_policy" -eq 0 ] || rm -f /usr/sbin/policy-rc.d
  return $rc
}
