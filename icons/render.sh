#!/usr/bin/env bash
# Regenerates the app icons from ferry.svg; the results are committed, so a build never needs these
# tools. rsvg-convert renders SVG faithfully and anti-aliased.
#   icons/ferry-{16..512}.png          the sources of everything below
#   src/main/resources/.../ferry-*.png  16..256: the window icons the app loads (FerryApp)
#   packaging/linux/Ferry.png           256: jpackage's launcher/menu icon (.deb, .rpm)
#   packaging/windows/Ferry.ico         16..256 in one file: the .exe, the .msi and the Start menu
#   packaging/macos/Ferry.icns          16..512 (icns has no 64 px slot): the .app bundle and the .dmg
# Needs librsvg2-bin (rsvg-convert), imagemagick (convert, for .ico) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
need() { command -v "$1" >/dev/null || { echo "render.sh: need $1 (apt-get install $2)" >&2; exit 1; }; }
need rsvg-convert librsvg2-bin
need convert imagemagick
need png2icns icnsutils
res=../src/main/resources/org/ferryftp/icons
pkg=../packaging
mkdir -p "$res" "$pkg/linux" "$pkg/windows" "$pkg/macos"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" ferry.svg -o "ferry-$size.png"
  if [ "$size" -le 256 ]; then cp "ferry-$size.png" "$res/ferry-$size.png"; fi
done
cp ferry-256.png "$pkg/linux/Ferry.png"
# One .ico with the sizes Windows asks for (Explorer, taskbar, Start menu, high DPI); 256 is stored
# as PNG inside the .ico, the way Windows Vista and later expect it.
convert ferry-16.png ferry-32.png ferry-48.png ferry-64.png ferry-128.png ferry-256.png \
  "$pkg/windows/Ferry.ico"
png2icns "$pkg/macos/Ferry.icns" ferry-16.png ferry-32.png ferry-48.png ferry-128.png ferry-256.png \
  ferry-512.png >/dev/null
echo "rendered icons/ferry-{16..512}.png, copied 16..256 to ${res#../},"
echo "wrote packaging/linux/Ferry.png, packaging/windows/Ferry.ico, packaging/macos/Ferry.icns"
