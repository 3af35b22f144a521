#!/usr/bin/env bash
# Renders the running action list of N generated meetings (default 50) as a whole process and
# prints the median wall time. Target (issue 17): under 1 s for 50 meetings.
# usage: bench/action-list.sh [meetings] [runs] [binary]
set -euo pipefail
cd "$(dirname "$0")/.."
meetings=${1:-50}
runs=${2:-11}
bin=${3:-build/drukwerk}
dir=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
people=("Anna de Vries" "Bart Lichtenberg" "Marga Janse" "Dani Korai" "Marthe Derkzen")
for m in $(seq "$meetings"); do
  date=$(date -u -d "2022-01-03 + $((m * 14)) days" +%F)
  due=$(date -u -d "$date + 30 days" +%F)
  {
    printf -- '---\nproject: Wij zijn de Wijk\nseries: Werkgroep moestuinen\ndate: %s\n' "$date"
    printf 'meeting: %d\nvenue: Het wijkcentrum, Arnhem\nattendees:\n' "$m"
    for p in "${people[@]}"; do printf '  - name: %s\n    organisation: gemeente Arnhem\n' "$p"; done
    printf 'contact:\n  name: Anna de Vries\nactions:\n'
    # Each meeting raises three actions and closes the first of the meeting before.
    if [ "$m" -gt 1 ]; then
      printf '  - number: A-%d.1\n    what: Actie 1 van bijeenkomst %d uitvoeren\n    who: %s\n    due: %s\n    status: done\n' \
        $((m - 1)) $((m - 1)) "${people[$((m % 5))]}" "$due"
    fi
    for a in 1 2 3; do
      printf '  - number: A-%d.%d\n    what: Actie %d van bijeenkomst %d uitvoeren\n    who: %s\n    due: %s\n    status: open\n' \
        "$m" "$a" "$a" "$m" "${people[$(((m + a) % 5))]}" "$due"
    done
    printf -- '---\n\n# Verslag\n\nDe werkgroep sprak over de moestuinen.\n'
  } > "$dir/verslag-$m.md"
done
args=(render "$dir"/verslag-*.md --layout layouts/actielijst.xml -o "$dir/lijst.pdf")
"$bin" "${args[@]}"  # warm the font cache and the page cache once
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N); "$bin" "${args[@]}"; end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'action list of %d meetings: %d runs, median %.1f ms, %s pages\n' "$meetings" "$runs" \
  "$(echo "$(median "${times[@]}") / 1000" | bc -l)" \
  "$(pdfinfo "$dir/lijst.pdf" | awk '/^Pages:/ {print $2}')"
