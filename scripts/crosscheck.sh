#!/usr/bin/env bash
# Cross-checks robin-report's numbers against the independent Python
# implementation of docs/metrics.md (scripts/reference_metrics.py) on data neither
# was written against: scripts/gen_small.py's organisation (its own code, its
# own CSV writer: shuffled columns, an unknown column, three time zones,
# overlapping daily files with updated copies, inventory, small departments),
# for several seeds and periods; seeds 4 and 5 with --real-shapes (Robin's
# real export shapes: `Level`, odd header spellings, upper-case statuses,
# composite event ids, all-day events, empty buildings and floors, `Work
# Area`, out-of-range numbers); and the hand-written fixture of real rows in
# Tests/RobinAnalyticsTests/Fixtures/real. Exits 1 on any difference.
#
# The insights (previous, movers, targets, low days, capacity, busy days ahead,
# anchor days) are compared with `metrics --history N --forward` on three
# random seeds (a week, a 21-day range and a calendar month), on an
# organisation with planted signals (each asserted found, by kind and group,
# in both outputs), and on a stable organisation (asserted: no mover).
#   usage: scripts/crosscheck.sh [path/to/robin-report]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/robin-report}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checks=0
failures=0

# compare LABEL DATA_DIR FROM TO [OPTION...]: both implementations on one folder and
# period (the options, e.g. --history 4 --forward, go to both); leaves both outputs
# in $work/swift.json and $work/reference.json. CONFIG names the configuration file.
compare() {
    local label=$1 data=$2 from=$3 to=$4
    shift 4
    local config=$data/${CONFIG:-robin-report.toml}
    checks=$((checks + 1))
    "$bin" metrics --desks "$data"/desks/*.csv --spaces "$data"/spaces/*.csv --from "$from" --to "$to" \
        --config "$config" --json "$@" > "$work/swift.json" 2>/dev/null
    python3 scripts/reference_metrics.py --desks "$data"/desks/*.csv --spaces "$data"/spaces/*.csv \
        --from "$from" --to "$to" --config "$config" "$@" > "$work/reference.json" 2>/dev/null
    if python3 scripts/compare_metrics.py "$work/reference.json" "$work/swift.json" > "$work/diff.txt" 2>&1; then
        echo "crosscheck: $label, $from..$to${*:+ ($*)}: equal"
    else
        echo "crosscheck: $label, $from..$to${*:+ ($*)}: DIFFERENT"; head -20 "$work/diff.txt"; failures=$((failures + 1))
    fi
}

# expect WHAT: asserts in both outputs of the last compare what gen_small.py planted
# ("planted", "open" = the planted data without closed_dates) or that a stable
# organisation has no mover ("stable").
expect() {
    local side
    for side in swift reference; do
        checks=$((checks + 1))
        if python3 - "$1" "$work/$side.json" > "$work/expect.txt" 2>&1 <<'PY'
import json, sys
what, path = sys.argv[1], sys.argv[2]
doc = json.load(open(path))
insights = doc["insights"]
def has(kind, group=None, **fields):
    return any(i["kind"] == kind and (group is None or i.get("group") == group)
               and all(i.get(k) == v for k, v in fields.items()) for i in insights)
problems = []
def check(ok, what):
    if not ok:
        problems.append(what)
if what == "planted":
    check(any(i["kind"] == "mover" and i["measure"] == "avg_daily_people" and i["group"] == {"department": "Engineering"}
              and i["change"] < 0 for i in insights), "Engineering's attendance drop is a mover")
    check(doc["period"]["workdays"] == 4, "the closed Thursday is not a workday")
    check(not has("low_day"), "a closed date is not a low day")
    check(has("capacity", {"building": "HQ New York", "floor": "5"}, status="consolidate"), "the idle floor")
    check(has("busy_day", {"building": "Tokyo"}, date="2026-11-24"), "Tokyo over-booked on 2026-11-24")
    anchors = {d["department"]: d["anchor_weekday"] for d in doc["colocation"]["by_department"]}
    check(anchors.get("Sales") == "Tue" and anchors.get("Marketing") == "Wed", f"anchor days {anchors}")
    check({i["measure"] for i in insights if i["kind"] == "target"} ==
          {"avg_days_per_person", "check_in_rate", "desk_utilization", "policy_adherence", "room_utilization"},
          "one target entry per configured measure at least")
elif what == "open":
    check(doc["period"]["workdays"] == 5 and has("low_day", date="2026-11-19"), "the holiday is a low day")
elif what == "stable":
    check(doc["previous"] is not None, "previous is there")
    check(not has("mover"), "no mover: " + json.dumps([i for i in insights if i["kind"] == "mover"])[:300])
for problem in problems:
    print("missing:", problem)
sys.exit(1 if problems else 0)
PY
        then
            echo "crosscheck: $1 signals found in the $side output"
        else
            echo "crosscheck: $1 signals NOT found in the $side output"; cat "$work/expect.txt"; failures=$((failures + 1))
        fi
    done
}

for seed in 1 2 3 4 5; do
    data="$work/seed$seed"
    shapes=(); label="seed $seed"
    if [ "$seed" -ge 4 ]; then shapes=(--real-shapes); label="seed $seed, real shapes"; fi
    python3 scripts/gen_small.py --from 2026-09-28 --to 2026-12-08 --out "$data" --people 120 \
        --overlap-hours 6 --seed "$seed" "${shapes[@]}" >/dev/null 2>&1
    python3 scripts/gen_small.py --print-org --people 120 --seed "$seed" > "$data/robin-report.toml"
    if [ "$seed" -le 3 ]; then
        compare "$label" "$data" 2026-11-16 2026-11-22 --history 4 --forward
        compare "$label" "$data" 2026-11-01 2026-11-21 --history 2
    else
        compare "$label" "$data" 2026-11-16 2026-11-22
        compare "$label" "$data" 2026-11-01 2026-11-21
    fi
    compare "$label" "$data" 2026-11-04 2026-11-06
done
compare "seed 1" "$work/seed1" 2026-11-01 2026-11-30 --history 1 --forward

# Planted signals: Engineering comes in a third less in the last week, Thursday
# 19 November is a closed holiday, HQ's floor 5 is idle, Tokyo is over-booked on
# Tuesday 24 November, Sales anchors on Tuesday and Marketing on Wednesday.
planted=(--drop Engineering:2026-11-16 --holiday 2026-11-19 --idle-floor "HQ New York/5"
         --overbook Tokyo:2026-11-24 --anchor Sales:Tue --anchor Marketing:Wed --targets)
data="$work/planted"
python3 scripts/gen_small.py --from 2026-10-19 --to 2026-11-29 --out "$data" --people 200 --overlap-hours 6 \
    --seed 11 "${planted[@]}" >/dev/null 2>&1
python3 scripts/gen_small.py --print-org --people 200 --seed 11 "${planted[@]}" > "$data/robin-report.toml"
compare "planted signals" "$data" 2026-11-16 2026-11-22 --history 4 --forward
expect planted
grep -v '^closed_dates' "$data/robin-report.toml" > "$data/open.toml"
CONFIG=open.toml compare "planted signals, no closed_dates" "$data" 2026-11-16 2026-11-22 --history 4
expect open

data="$work/stable"
python3 scripts/gen_small.py --from 2026-10-19 --to 2026-11-29 --out "$data" --people 120 --overlap-hours 6 \
    --seed 6 --stable >/dev/null 2>&1
compare "stable organisation" "$data" 2026-11-16 2026-11-22 --history 4 --forward
expect stable

compare "real-rows fixture" Tests/RobinAnalyticsTests/Fixtures/real 2026-11-16 2026-11-22
python3 scripts/test_reference.py >/dev/null && echo "crosscheck: reference's own hand-worked checks pass"
echo "crosscheck: $((checks - failures)) passed, $failures failed"
[ "$failures" = 0 ]
