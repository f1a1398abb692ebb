#!/usr/bin/env bash
# Cross-checks robin-report's numbers against the independent Python
# implementation of METRICS.md (scripts/reference_metrics.py) on data neither
# was written against: scripts/gen_small.py's organisation (its own code, its
# own CSV writer: shuffled columns, an unknown column, three time zones,
# overlapping daily files with updated copies, inventory, small departments),
# for several seeds and periods. Exits 1 on any difference.
#   usage: scripts/crosscheck.sh [path/to/robin-report]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/robin-report}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
for seed in 1 2 3; do
    data="$work/seed$seed"
    python3 scripts/gen_small.py --from 2026-10-26 --to 2026-11-23 --out "$data" --people 120 \
        --overlap-hours 6 --seed "$seed" >/dev/null 2>&1
    python3 scripts/gen_small.py --print-org --people 120 --seed "$seed" > "$data/robin-report.toml"
    for period in "2026-11-16 2026-11-22" "2026-11-01 2026-11-21" "2026-11-04 2026-11-06"; do
        set -- $period
        "$bin" metrics --desks "$data"/desks/*.csv --spaces "$data"/spaces/*.csv --from "$1" --to "$2" \
            --config "$data/robin-report.toml" --json > "$work/swift.json"
        python3 scripts/reference_metrics.py --desks "$data"/desks/*.csv --spaces "$data"/spaces/*.csv \
            --from "$1" --to "$2" --config "$data/robin-report.toml" > "$work/reference.json"
        if python3 scripts/compare_metrics.py "$work/reference.json" "$work/swift.json" > "$work/diff.txt" 2>&1; then
            echo "crosscheck: seed $seed, $1..$2: equal"
        else
            echo "crosscheck: seed $seed, $1..$2: DIFFERENT"; head -20 "$work/diff.txt"; failures=$((failures + 1))
        fi
    done
done
python3 scripts/test_reference.py >/dev/null && echo "crosscheck: reference's own hand-worked checks pass"
echo "crosscheck: $((9 - failures)) passed, $failures failed"
[ "$failures" = 0 ]
