#!/usr/bin/env bash
# Renders card decks as whole processes (start-up included) and prints the median wall time and
# the peak RSS: the 51-card example deck, and generated decks of 120 and 1,000 cards (the example
# rows repeated), each imposed on A4 sheets. Targets (issue 3): 120 cards < 80 ms and < 40 MB;
# 1,000 cards < 0.5 s with flat memory.
# usage: bench/cards.sh [runs] [binary]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
bin=${2:-build/drukwerk}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Generated decks: the example's rows in turn, each title and body made unique ("(n)" appended),
# so no card is a copy of another and no paragraph can be reused from an earlier card.
generate() {  # cards file
  head -1 inputs/bouwstenen.csv > "$2"
  tail -n +2 inputs/bouwstenen.csv | awk -v n="$1" -F';' -v OFS=';' '{ rows[NR] = $0 } END {
    for (i = 0; i < n; ++i) {
      $0 = rows[i % NR + 1]; $3 = $3 " (" i + 1 ")"; $4 = $4 " (" i + 1 ")"; print
    } }' >> "$2"
}
generate 120 "$out/deck-120.csv"
generate 1000 "$out/deck-1000.csv"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
bench() {  # name data
  local args=(render "$2" --layout layouts/cards.xml -o "$out/deck.pdf" --mode sheets)
  "$bin" "${args[@]}"  # warm the font cache and the page cache once
  local times=() rss=()
  for _ in $(seq "$runs"); do
    line=$( { /usr/bin/time -f '%e %M' "$bin" "${args[@]}"; } 2>&1 | tail -1 )
    start=$(date +%s%N); "$bin" "${args[@]}"; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
    rss+=("${line#* }")
  done
  printf '%-10s %d runs, median %.1f ms, peak RSS %.1f MB (median of runs)\n' "$1" "$runs" \
    "$(echo "$(median "${times[@]}") / 1000" | bc -l)" "$(echo "$(median "${rss[@]}") / 1024" | bc -l)"
}
bench "51 cards" inputs/bouwstenen.csv
bench "120 cards" "$out/deck-120.csv"
bench "1000 cards" "$out/deck-1000.csv"
