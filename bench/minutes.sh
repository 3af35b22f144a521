#!/usr/bin/env bash
# Renders the minutes N times as a whole process (start-up included) and prints the median wall
# time and the peak RSS. Target (issue 2): < 60 ms and < 40 MB on the 2-core reference machine.
# usage: bench/minutes.sh [runs] [binary]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
bin=${2:-build/drukwerk}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
args=(render inputs/verslag-consortium-2024-11-12.md --layout layouts/minutes.xml -o "$out/v.pdf")
"$bin" "${args[@]}"  # warm the font cache and the page cache once
times=() rss=()
for _ in $(seq "$runs"); do
  line=$( { /usr/bin/time -f '%e %M' "$bin" "${args[@]}"; } 2>&1 | tail -1 )
  start=$(date +%s%N); "$bin" "${args[@]}"; end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
  rss+=("${line#* }")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'minutes: %d runs, median %.1f ms, peak RSS %.1f MB (median of runs)\n' "$runs" \
  "$(echo "$(median "${times[@]}") / 1000" | bc -l)" "$(echo "$(median "${rss[@]}") / 1024" | bc -l)"
