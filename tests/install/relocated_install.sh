#!/usr/bin/env bash
# Installs drukwerk into a temporary prefix and renders the minutes with the installed program from
# another folder, with a fresh HOME, and checks from its system calls that it read nothing from
# the build or source tree: an installed drukwerk finds its fonts, layouts and modules relative to
# itself. Then the same with the Debian package (cpack), unpacked with dpkg-deb -x.
# Usage: relocated_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# The user's data in their own folder; nothing else is copied.
mkdir -p "$tmp/home" "$tmp/work"
cp "$source/inputs/verslag-consortium-2024-11-12.md" "$tmp/work/verslag.md"
cd "$tmp/work"
# Sanitizer builds: keep their settings (e.g. no leak check of GLib's caches) through env -i.
sanitizer_env=()
for name in ASAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS; do
  [ -n "${!name:-}" ] && sanitizer_env+=("$name=${!name}")
done

use_prefix() {  # use_prefix DIR: the installed tree under test
  program="$1/bin/drukwerk"
  layouts="$1/share/drukwerk/layouts"
  [ -x "$program" ] || fail "no installed program at $program"
  ls "$1"/lib*/drukwerk/drukwerk-haru.so >/dev/null || fail "the module is not installed under lib/drukwerk"
}

render() {  # render NAME EXTRA-OPTIONS...: renders verslag.md to NAME.pdf, tracing file access
  local name=$1; shift
  env -i HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "${sanitizer_env[@]}" \
    strace -f -qq -e trace=open,openat,stat,newfstatat,statx,access,faccessat,readlink,execve \
    -o "$tmp/$name.trace" \
    "$program" render verslag.md --layout "$layouts/minutes.xml" -o "$name.pdf" "$@" \
    || fail "$name: the installed program failed"
  [ -s "$name.pdf" ] || fail "$name: no PDF written"
  [[ $(pdftotext "$name.pdf" -) == *"Verslag consortium"* ]] || fail "$name: the PDF lacks the minutes' text"
  if grep -F -e "$build" -e "$source" "$tmp/$name.trace" | grep -v -F "$tmp" >&2; then
    fail "$name: the installed program looked in the build or source tree (above)"
  fi
  grep -q -F "$(dirname "$layouts")/fonts/lato/Lato-Regular.ttf" "$tmp/$name.trace" ||
    fail "$name: the installed fonts were not read"
}

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
use_prefix "$tmp/prefix"
render cairo
[[ $(pdffonts cairo.pdf) == *Lato-Regular* ]] || fail "the bundled fonts were not used"
render haru --backend haru  # loads drukwerk-haru.so from lib/drukwerk
echo "installed drukwerk rendered from $tmp/work without the build tree"

(cd "$build" && cpack -G DEB -B "$tmp/package" >/dev/null) || fail "cpack could not build the package"
deb=$(ls "$tmp"/package/drukwerk_*.deb)
[[ $(dpkg-deb -f "$deb" Depends) == *libcairo2* ]] || fail "the package's Depends lacks libcairo2"
dpkg-deb -x "$deb" "$tmp/unpacked"
use_prefix "$tmp/unpacked/usr"
render deb-cairo
render deb-haru --backend haru
echo "the Debian package's drukwerk rendered from $tmp/work without the build tree"
