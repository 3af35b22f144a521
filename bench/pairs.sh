#!/usr/bin/env bash
# Side by side: the speed guards' renders by a baseline checkout's program and by this one's, in
# interleaved pairs (baseline, this, baseline, ...), whole processes. Prints each program's
# median wall time and the change. Interleaving keeps the machine's drift (on a shared VM often
# ±20 % within minutes) out of the comparison that absolute times cannot.
# Each program renders its own checkout's inputs and layouts, so a baseline from before a layout
# change renders the layout it had.
# usage: bench/pairs.sh BASELINE_CHECKOUT [pairs]
#   both checkouts need a Release build in build-rel/ (cmake -S . -B build-rel
#   -DCMAKE_BUILD_TYPE=Release && cmake --build build-rel)
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(realpath "$1")
here=$(pwd)
pairs=${2:-21}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for tree in "$base" "$here"; do
  [ -x "$tree/build-rel/drukwerk" ] || { echo "no Release build in $tree/build-rel" >&2; exit 2; }
done
# 120 unique cards, made from each checkout's own deck (as bench/cards.sh makes them).
deck120() {  # checkout output
  head -1 "$1/inputs/bouwstenen.csv" > "$2"
  tail -n +2 "$1/inputs/bouwstenen.csv" | awk -F';' -v OFS=';' '{ rows[NR] = $0 } END {
    for (i = 0; i < 120; ++i) { $0 = rows[i % NR + 1]; $3 = $3 " (" i + 1 ")"; $4 = $4 " (" i + 1 ")"; print }
  }' >> "$2"
}
deck120 "$base" "$out/base-120.csv"
deck120 "$here" "$out/here-120.csv"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run_in() {  # checkout, then the render arguments; prints microseconds
  local tree=$1 start end
  shift
  start=$(date +%s%N)
  (cd "$tree" && build-rel/drukwerk "$@" >/dev/null 2>&1) || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}
compare() {  # name, then the render arguments ({deck} is each checkout's generated deck)
  local name=$1
  shift
  local base_args=("${@//\{deck\}/$out/base-120.csv}") here_args=("${@//\{deck\}/$out/here-120.csv}")
  run_in "$base" "${base_args[@]}" >/dev/null  # warm caches once
  run_in "$here" "${here_args[@]}" >/dev/null
  local b=() h=()
  for _ in $(seq "$pairs"); do
    b+=("$(run_in "$base" "${base_args[@]}")")
    h+=("$(run_in "$here" "${here_args[@]}")")
  done
  local mb mh
  mb=$(median "${b[@]}")
  mh=$(median "${h[@]}")
  printf '%-22s baseline %6.1f ms   this %6.1f ms   %+5.1f %%\n' "$name" \
    "$(echo "$mb / 1000" | bc -l)" "$(echo "$mh / 1000" | bc -l)" "$(echo "($mh - $mb) * 100 / $mb" | bc -l)"
}
echo "$pairs interleaved pairs; baseline: $base ($(git -C "$base" rev-parse --short HEAD))"
compare "minutes" render inputs/verslag-consortium-2024-11-12.md --layout layouts/minutes.xml -o "$out/m.pdf"
compare "120 cards (sheets)" render {deck} --layout layouts/cards.xml -o "$out/c.pdf" --mode sheets
compare "blueprint PDF" render inputs/blueprint/wij-zijn-de-wijk.yaml --layout layouts/blueprint.xml -o "$out/b.pdf"
compare "blueprint PNG 1200 px" render inputs/blueprint/wij-zijn-de-wijk.yaml --layout layouts/blueprint.xml -o "$out/b.png" --width-px 1200
if grep -q 'page-master name="phone"' "$base/layouts/blueprint.xml"; then
  compare "phone PNG 1170 px" render inputs/blueprint/wij-zijn-de-wijk.yaml --layout layouts/blueprint.xml -o "$out/p.png" --page-master phone --width-px 1170
fi
