#!/usr/bin/env bash
# The libharu PDF writer against the Cairo one (issue 6): renders the minutes N times per writer
# as a whole process (start-up included) and prints the median wall times and their ratio.
# Target: libharu (plain and PDF/A-1b) no slower than 1.5x Cairo. Use a Release build.
# usage: bench/minutes-haru.sh [runs] [binary]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
bin=${2:-build/drukwerk}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
args=(render inputs/verslag-consortium-2024-11-12.md --layout layouts/minutes.xml -o "$out/v.pdf")
median_ms() {  # extra options...: the median wall time of $runs renders, in ms
  "$bin" "${args[@]}" "$@"  # warm the caches once
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N); "$bin" "${args[@]}" "$@"; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)] / 1000}'
}
cairo=$(median_ms) haru=$(median_ms --backend haru) pdfa=$(median_ms --pdf-standard a-1b)
printf 'minutes, %d runs each, median: cairo %s ms, libharu %s ms (%.2fx), libharu PDF/A-1b %s ms (%.2fx)\n' \
  "$runs" "$cairo" "$haru" "$(echo "$haru / $cairo" | bc -l)" "$pdfa" "$(echo "$pdfa / $cairo" | bc -l)"
