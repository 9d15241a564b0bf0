#!/bin/sh
# Fails when a source, template or data file holds translatable strings
# but is missing from po/POTFILES, or when POTFILES names a file that is
# gone. Run from meson with the source root as $1.
set -eu
root=$1
cd "$root"

status=0
found=$(grep -lE '(^|[^A-Za-z0-9_])(N?_|C_|g_dngettext|ngettext)\s*\(' src/*/*.c src/*.c 2>/dev/null || true)
found="$found
$(grep -l 'translatable="yes"' ui/*.ui 2>/dev/null || true)
$(ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml.in 2>/dev/null || true)"

for f in $found; do
  if ! grep -qx "$f" po/POTFILES; then
    echo "missing from po/POTFILES: $f"
    status=1
  fi
done

for f in $(grep -v '^#' po/POTFILES); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES names a file that does not exist: $f"
    status=1
  fi
done

exit $status
