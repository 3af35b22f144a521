#!/usr/bin/env bash
# The batch build benchmark of issue 5: a generated project of N meeting reports (the minutes
# with another date and meeting number each) plus the card decks of inputs/ when there are any.
# Prints: -j 1 time, -j 2 time and speed-up (target >= 1.8x), an unchanged second build
# (target < 100 ms), and the peak RSS of the largest worker for a small and the full batch
# (target: flat).
# usage: bench/batch.sh [reports] [binary]     (use a Release build: build-rel/drukwerk)
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-200}
bin=$(realpath "${2:-build/drukwerk}")
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/inputs" "$root/layouts"
cp -r layouts/. "$root/layouts/"
generate() {  # count manifest-name
  {
    echo '<manifest root="..">'
    for i in $(seq "$1"); do
      echo "  <job name=\"verslag-$i\" data=\"verslag-$i.md\" layout=\"../layouts/minutes.xml\" output=\"../out/verslag-$i.pdf\"/>"
    done
    for deck in inputs/*.csv; do
      [ -e "$deck" ] || continue
      for i in $(seq 10); do
        echo "  <job name=\"deck-$i\" data=\"$(basename "$deck")\" layout=\"../layouts/cards.xml\" output=\"../out/deck-$i.pdf\"/>"
      done
      break
    done
    echo '</manifest>'
  } > "$root/inputs/$2"
}
for i in $(seq "$reports"); do
  day=$(( (i % 28) + 1 ))
  sed -e "s/^date: .*/date: 2025-03-$(printf %02d "$day")/" -e "s/^meeting: .*/meeting: $i/" \
    inputs/verslag-consortium-2024-11-12.md > "$root/inputs/verslag-$i.md"
done
cp inputs/*.csv inputs/*.yaml "$root/inputs/" 2>/dev/null || true
generate "$reports" all.xml
generate 20 small.xml
jobs=$(grep -c '<job' "$root/inputs/all.xml")
seconds() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo "scale=3; ($e - $s) / 1000000000" | bc; }
t1=$(seconds "$bin" build "$root/inputs/all.xml" -j 1 --force)
t2=$(seconds "$bin" build "$root/inputs/all.xml" -j 2 --force)
noop=$(seconds "$bin" build "$root/inputs/all.xml" -j 2)
rss_small=$( { /usr/bin/time -f '%M' "$bin" build "$root/inputs/small.xml" --force >/dev/null; } 2>&1 | tail -1)
rss_all=$( { /usr/bin/time -f '%M' "$bin" build "$root/inputs/all.xml" --force >/dev/null; } 2>&1 | tail -1)
printf 'batch of %d jobs (%d reports):\n' "$jobs" "$reports"
printf '  -j 1: %.2f s   -j 2: %.2f s   speed-up %.2fx (target >= 1.8x)\n' "$t1" "$t2" "$(echo "$t1 / $t2" | bc -l)"
printf '  unchanged second build: %.0f ms (target < 100 ms)\n' "$(echo "$noop * 1000" | bc -l)"
printf '  peak RSS of the largest worker: %.1f MB with 20 reports, %.1f MB with %d (target: flat)\n' \
  "$(echo "$rss_small / 1024" | bc -l)" "$(echo "$rss_all / 1024" | bc -l)" "$reports"
