#!/usr/bin/env bash
# Cross-checks robin-report's numbers against the independent Python
# implementation of METRICS.md (scripts/reference_metrics.py) on data neither
# was written against: scripts/gen_small.py's organisation (its own code, its
# own CSV writer: shuffled columns, an unknown column, three time zones,
# overlapping daily files with updated copies, inventory, small departments),
# for several seeds and periods; seeds 4 and 5 with --real-shapes (Robin's
# real export shapes: `Level`, odd header spellings, upper-case statuses,
# composite event ids, all-day events, empty buildings and floors, `Work
# Area`, out-of-range numbers); and the hand-written fixture of real rows in
# Tests/RobinAnalyticsTests/Fixtures/real. Exits 1 on any difference.
#   usage: scripts/crosscheck.sh [path/to/robin-report]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/robin-report}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checks=0
failures=0

# compare LABEL DATA_DIR FROM TO: both implementations on one folder and period.
compare() {
    checks=$((checks + 1))
    "$bin" metrics --desks "$2"/desks/*.csv --spaces "$2"/spaces/*.csv --from "$3" --to "$4" \
        --config "$2/robin-report.toml" --json > "$work/swift.json" 2>/dev/null
    python3 scripts/reference_metrics.py --desks "$2"/desks/*.csv --spaces "$2"/spaces/*.csv \
        --from "$3" --to "$4" --config "$2/robin-report.toml" > "$work/reference.json" 2>/dev/null
    if python3 scripts/compare_metrics.py "$work/reference.json" "$work/swift.json" > "$work/diff.txt" 2>&1; then
        echo "crosscheck: $1, $3..$4: equal"
    else
        echo "crosscheck: $1, $3..$4: DIFFERENT"; head -20 "$work/diff.txt"; failures=$((failures + 1))
    fi
}

for seed in 1 2 3 4 5; do
    data="$work/seed$seed"
    shapes=(); label="seed $seed"
    if [ "$seed" -ge 4 ]; then shapes=(--real-shapes); label="seed $seed, real shapes"; fi
    python3 scripts/gen_small.py --from 2026-10-26 --to 2026-11-23 --out "$data" --people 120 \
        --overlap-hours 6 --seed "$seed" "${shapes[@]}" >/dev/null 2>&1
    python3 scripts/gen_small.py --print-org --people 120 --seed "$seed" > "$data/robin-report.toml"
    for period in "2026-11-16 2026-11-22" "2026-11-01 2026-11-21" "2026-11-04 2026-11-06"; do
        set -- $period
        compare "$label" "$data" "$1" "$2"
    done
done
compare "real-rows fixture" Tests/RobinAnalyticsTests/Fixtures/real 2026-11-16 2026-11-22
python3 scripts/test_reference.py >/dev/null && echo "crosscheck: reference's own hand-worked checks pass"
echo "crosscheck: $((checks - failures)) passed, $failures failed"
[ "$failures" = 0 ]
