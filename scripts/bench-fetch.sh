#!/usr/bin/env bash
# Benchmark of `robin-report fetch`: a 31-day month (62 exports) from the
# built-in simulator with Robin's clock scaled down, printing
#   achieved time / theoretical lower bound   (target: <= 1.15)
#
# Scaled clock (defaults): 10 POSTs per 1 s window on both sides (Robin's
# 30 per 60 s rate limit sped up to 600 POSTs/min), exports ready 0.5 s after
# their POST, polled every 0.25 s.
#
# Lower bound for n exports, at most L POSTs per window W, readiness R, poll P:
#   the last POST cannot go before (ceil(n/L) - 1) * W, and its export is
#   seen at the first poll at or after R: ceil(R/P) * P later.
#
# Usage: scripts/bench-fetch.sh            (builds a release binary if needed)
# Knobs: RUNS=3 LIMIT=10 WINDOW=1 READY=0.5 POLL=0.25 MONTH_FROM=2026-10-01 MONTH_TO=2026-10-31
#        ROBIN_REPORT=path/to/robin-report  TARGET=1.15
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
LIMIT=${LIMIT:-10}
WINDOW=${WINDOW:-1}
READY=${READY:-0.5}
POLL=${POLL:-0.25}
FROM=${MONTH_FROM:-2026-10-01}
TO=${MONTH_TO:-2026-10-31}
TARGET=${TARGET:-1.15}
BIN=${ROBIN_REPORT:-.build/release/robin-report}

if [ ! -x "$BIN" ]; then
    swift build -c release --product robin-report >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-fetch.XXXXXX")
sim_pid=""
cleanup() {
    if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The benchmark token is not a secret: it only opens this local simulator.
token="bench-token"
"$BIN" simulate --port 0 --token "$token" --posts-per-minute "$LIMIT" --post-window "$WINDOW" \
    --ready-after "$READY" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 200); do
    [ -s "$work/sim.out" ] && break
    sleep 0.05
done
url=$(head -n 1 "$work/sim.out")
[ -n "$url" ] || { echo "simulator did not start: $(cat "$work/sim.err")" >&2; exit 1; }

days=$(( ( $(date -u -d "$TO" +%s) - $(date -u -d "$FROM" +%s) ) / 86400 + 1 ))
exports=$(( days * 2 ))
bound=$(awk -v n="$exports" -v l="$LIMIT" -v w="$WINDOW" -v r="$READY" -v p="$POLL" 'BEGIN {
    batches = int((n + l - 1) / l); polls = r / p; if (polls != int(polls)) polls = int(polls) + 1
    if (polls < 1) polls = 1
    printf "%.3f", (batches - 1) * w + polls * p }')

echo "fetch $FROM..$TO: $exports exports; $LIMIT POSTs per ${WINDOW}s on both sides, ready after ${READY}s, poll every ${POLL}s"
echo "lower bound: ${bound}s"
ratios=()
for run in $(seq 1 "$RUNS"); do
    # Between runs let the server's rolling window empty.
    [ "$run" -gt 1 ] && sleep "$(awk -v w="$WINDOW" 'BEGIN { print w * 1.1 }')"
    cache="$work/cache-$run"
    start=$(date +%s.%N)
    ROBIN_API_TOKEN="$token" "$BIN" fetch --org 1 --from "$FROM" --to "$TO" --cache "$cache" \
        --base-url "$url" --poll-interval "$POLL" --posts-per-minute "$LIMIT" --post-window "$WINDOW" --quiet
    end=$(date +%s.%N)
    files=$(find "$cache" -name '*.csv' | wc -l)
    [ "$files" -eq "$exports" ] || { echo "run $run cached $files of $exports exports" >&2; exit 1; }
    ratio=$(awk -v s="$start" -v e="$end" -v b="$bound" 'BEGIN { printf "%.3f", (e - s) / b }')
    ratios+=("$ratio")
    printf 'run %d: %.3fs achieved / %ss bound = %s\n' "$run" "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')" "$bound" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
verdict=$(awk -v m="$median" -v t="$TARGET" 'BEGIN { print (m <= t) ? "ok" : "over target" }')
echo "achieved / lower bound (median of $RUNS): $median (target <= $TARGET: $verdict)"
[ "$verdict" = "ok" ]
