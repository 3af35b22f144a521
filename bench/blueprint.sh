#!/usr/bin/env bash
# Renders the blueprint N times as a whole process (start-up included): the PDF, the 1200 px PNG
# preview and the phone version's 1170 px PNG. Prints the median wall time and peak RSS of each.
# Targets on the 2-core reference machine, Release build: PDF < 50 ms, PNG preview < 150 ms,
# phone PNG < 80 ms.
# usage: bench/blueprint.sh [runs] [binary]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
bin=${2:-build-rel/drukwerk}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
data=inputs/blueprint/wij-zijn-de-wijk.yaml
layout=layouts/blueprint.xml
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
bench() {  # name, then the render arguments
  local name=$1
  shift
  "$bin" render "$data" --layout "$layout" "$@"  # warm the font cache and the page cache once
  local times=() rss=()
  for _ in $(seq "$runs"); do
    line=$( { /usr/bin/time -f '%e %M' "$bin" render "$data" --layout "$layout" "$@"; } 2>&1 | tail -1 )
    start=$(date +%s%N); "$bin" render "$data" --layout "$layout" "$@"; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
    rss+=("${line#* }")
  done
  printf '%s: %d runs, median %.1f ms, peak RSS %.1f MB (median of runs)\n' "$name" "$runs" \
    "$(echo "$(median "${times[@]}") / 1000" | bc -l)" "$(echo "$(median "${rss[@]}") / 1024" | bc -l)"
}
bench "blueprint PDF" -o "$out/b.pdf"
bench "blueprint PNG 1200 px" -o "$out/b.png" --width-px 1200
bench "phone PNG 1170 px" -o "$out/p.png" --page-master phone --width-px 1170
# The phone version (issue 20: PNG < 80 ms), when the layout has it.
if grep -q 'page-master name="phone"' "$layout"; then
  bench "blueprint phone PDF" -o "$out/p.pdf" --page-master phone
  bench "blueprint phone PNG 1170 px" -o "$out/p.png" --page-master phone --width-px 1170
fi
