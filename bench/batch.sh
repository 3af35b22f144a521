#!/usr/bin/env bash
# The batch build benchmark of issue 5: a generated project of N meeting reports (the minutes
# with another date and meeting number each) plus the card decks of inputs/ when there are any.
# Prints: -j 1 time, -j 2 time and speed-up (target >= 1.9x), the same renders started by
# `xargs -P 1` and `-P 2` with the same --threads (what two processes gain on this machine, the
# ceiling for the build's speed-up), an unchanged second build (target < 100 ms), and the peak
# RSS of the largest worker for a small and the full batch (target: flat).
# usage: bench/batch.sh [reports] [binary]     (use a Release build: build-rel/drukwerk)
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-200}
bin=$(realpath "${2:-build/drukwerk}")
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/inputs" "$root/layouts"
cp -r layouts/. "$root/layouts/"
jobs_of() {  # count: lines of "name data layout", the reports, then ten jobs of the first deck
  for i in $(seq "$1"); do echo "verslag-$i verslag-$i.md minutes.xml"; done
  for deck in inputs/*.csv; do
    [ -e "$deck" ] || continue
    for i in $(seq 10); do echo "deck-$i $(basename "$deck") cards.xml"; done
    break
  done
}
generate() {  # count manifest-name
  {
    echo '<manifest root="..">'
    jobs_of "$1" | while read -r name data layout; do
      echo "  <job name=\"$name\" data=\"$data\" layout=\"../layouts/$layout\" output=\"../out/$name.pdf\"/>"
    done
    echo '</manifest>'
  } > "$root/inputs/$2"
}
# The same renders as the build's workers run them, one argument list per line, for xargs.
render_lines() {  # count threads
  jobs_of "$1" | while read -r name data layout; do
    echo "render $root/inputs/$data --layout $root/layouts/$layout -o $root/xargs-out/$name.pdf --threads $2"
  done
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
cores=$(nproc)
mkdir -p "$root/xargs-out"  # not the build's outputs, which the unchanged build checks
render_lines "$reports" "$cores" > "$root/lines-1"
render_lines "$reports" "$(( cores / 2 > 1 ? cores / 2 : 1 ))" > "$root/lines-2"
t1=$(seconds "$bin" build "$root/inputs/all.xml" -j 1 --force)
x1=$(seconds xargs -P 1 -L 1 "$bin" < "$root/lines-1")
t2=$(seconds "$bin" build "$root/inputs/all.xml" -j 2 --force)
x2=$(seconds xargs -P 2 -L 1 "$bin" < "$root/lines-2")
noop=$(seconds "$bin" build "$root/inputs/all.xml" -j 2)
rss_small=$( { /usr/bin/time -f '%M' "$bin" build "$root/inputs/small.xml" --force >/dev/null; } 2>&1 | tail -1)
rss_all=$( { /usr/bin/time -f '%M' "$bin" build "$root/inputs/all.xml" --force >/dev/null; } 2>&1 | tail -1)
printf 'batch of %d jobs (%d reports):\n' "$jobs" "$reports"
printf '  -j 1: %.2f s   -j 2: %.2f s   speed-up %.2fx (target >= 1.9x)\n' "$t1" "$t2" "$(echo "$t1 / $t2" | bc -l)"
printf '  the same renders by xargs -P 1: %.2f s   -P 2: %.2f s   speed-up %.2fx (this machine'"'"'s ceiling)\n' \
  "$x1" "$x2" "$(echo "$x1 / $x2" | bc -l)"
printf '  unchanged second build: %.0f ms (target < 100 ms)\n' "$(echo "$noop * 1000" | bc -l)"
printf '  peak RSS of the largest worker: %.1f MB with 20 reports, %.1f MB with %d (target: flat)\n' \
  "$(echo "$rss_small / 1024" | bc -l)" "$(echo "$rss_all / 1024" | bc -l)" "$reports"
