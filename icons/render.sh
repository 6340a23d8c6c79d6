#!/usr/bin/env bash
# Regenerates the PNG app icons from ferry.svg. rsvg-convert renders SVG
# faithfully and anti-aliased; the 16..256 copies are the window icons the
# app loads from the classpath (FerryApplication).
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "need rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }
res=../src/main/resources/org/ferryftp/icons
mkdir -p "$res"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" ferry.svg -o "ferry-$size.png"
  if [ "$size" -le 256 ]; then cp "ferry-$size.png" "$res/ferry-$size.png"; fi
done
echo "rendered icons/ferry-{16..512}.png and copied 16..256 to ${res#../}"
