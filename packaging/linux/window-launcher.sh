#!/bin/sh
# Replaces the app image's bin/Ferry (jpackage's native launcher) with a shell script that starts the same Java
# command. JDK 17's native launcher asks rpm and dpkg which package owns it on every start (rpm -qf, dpkg -S;
# installed, also dpkg -L): ~0.17 s of a 1.5 s start measured here (issue 18), more on a desktop with thousands
# of packages. The script runs exactly what the launcher would: class path, JVM options and main class from
# lib/app/Ferry.cfg, which jpackage wrote, with $APPDIR filled in. The command line's /usr/bin/ferry does the
# same (packaging/linux/postinst).
#   window-launcher.sh APP_IMAGE
set -eu
dir=${1:?usage: window-launcher.sh APP_IMAGE}
[ -f "$dir/lib/app/Ferry.cfg" ] && [ -x "$dir/bin/Ferry" ] || { echo "window-launcher: $dir is not a Ferry app image" >&2; exit 2; }
# A JDK 24+ runtime (pom.xml image.jdk) warns on stderr at every start that JavaFX 21's Marlin renderer calls
# sun.misc.Unsafe::allocateMemory (JEP 471, 498) until told to allow it. JDK 17 refuses that option, so it goes into
# the .cfg (which this launcher, jpackage's and window-cds.sh read) only for such a runtime. Run before the window's
# training run (window-cds.sh record), whose options the ahead-of-time cache is built with.
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/lib/runtime/release")
if [ "${feature:-0}" -ge 24 ] && ! grep -q '^java-options=--sun-misc-unsafe-memory-access=' "$dir/lib/app/Ferry.cfg"; then
  sed -i '/^\[JavaOptions\]$/a java-options=--sun-misc-unsafe-memory-access=allow' "$dir/lib/app/Ferry.cfg"
  grep -q '^java-options=--sun-misc-unsafe-memory-access=allow$' "$dir/lib/app/Ferry.cfg" \
    || { echo "window-launcher: no [JavaOptions] section in $dir/lib/app/Ferry.cfg" >&2; exit 2; }
fi
cat >"$dir/bin/Ferry.new" <<'SCRIPT'
#!/bin/sh
# Ferry's window: jpackage's launcher command without its package-manager queries (packaging/linux/window-launcher.sh).
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)
app=$root/lib/app
cfg=$app/Ferry.cfg
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app|" | paste -sd: -)
opts=$(sed -n 's/^java-options=//p' "$cfg" | sed "s|\$APPDIR|$app|")
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
# shellcheck disable=SC2086 # one JVM option per line of the .cfg, none with spaces
exec "$root/lib/runtime/bin/java" -Djava.class.path="$cp" $opts -Djpackage.app-path="$root/bin/Ferry" "$main" "$@"
SCRIPT
chmod 755 "$dir/bin/Ferry.new"
mv -f "$dir/bin/Ferry.new" "$dir/bin/Ferry"
echo "window-launcher: $dir/bin/Ferry starts the window without the package-manager queries"
