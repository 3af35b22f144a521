#!/usr/bin/env bash
# Installs drukwerk into a temporary prefix and renders the minutes with the installed program from
# another folder, with a fresh HOME, and checks from its system calls that it read nothing from
# the build or source tree: an installed drukwerk finds its fonts, layouts and modules relative to
# itself. Usage: relocated_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
program="$tmp/prefix/bin/drukwerk"
layouts="$tmp/prefix/share/drukwerk/layouts"
[ -x "$program" ] || fail "no installed program at $program"
ls "$tmp"/prefix/lib*/drukwerk/drukwerk-haru.so "$tmp"/prefix/lib*/drukwerk/drukwerk-qpdf.so \
  >/dev/null || fail "modules not installed under lib/drukwerk"

# The user's data in their own folder; nothing else is copied.
mkdir -p "$tmp/home" "$tmp/work"
cp "$source/inputs/verslag-consortium-2024-11-12.md" "$tmp/work/verslag.md"
cd "$tmp/work"

render() {  # render NAME EXTRA-OPTIONS...: renders verslag.md to NAME.pdf, tracing file access
  local name=$1; shift
  env -i HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    strace -f -qq -e trace=open,openat,stat,newfstatat,statx,access,faccessat,readlink,execve \
    -o "$tmp/$name.trace" \
    "$program" render verslag.md --layout "$layouts/minutes.xml" -o "$name.pdf" "$@" \
    || fail "$name: the installed program failed"
  [ -s "$name.pdf" ] || fail "$name: no PDF written"
  [[ $(pdftotext "$name.pdf" -) == *"Verslag consortium"* ]] || fail "$name: the PDF lacks the minutes' text"
  if grep -F -e "$build" -e "$source" "$tmp/$name.trace" | grep -v -F "$tmp" >&2; then
    fail "$name: the installed program looked in the build or source tree (above)"
  fi
}
render cairo
[[ $(pdffonts cairo.pdf) == *Lato-Regular* ]] || fail "the bundled fonts were not used"
render haru --backend haru  # loads drukwerk-haru.so from lib/drukwerk
echo "installed drukwerk rendered from $tmp/work without the build tree"
