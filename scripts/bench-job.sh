#!/usr/bin/env bash
# Benchmark of the whole job (issue 13): `robin-report report --offline` on a
# 20,000-person organisation's cache (robin-synth, two hours of overlap), with
# and without the derived cache of day facts (<cache>/<org>/all/facts):
#   metrics         `metrics --json` on October's 31 files (the yardstick)
#   monthly cold    `report --month 2026-10` (8-month trend, March-October): no facts yet
#   monthly warm    the same a month later: the facts of February-September are
#                   cached, October's files are new (their facts removed)
#   weekly cold     `report --week 2026-W46` (8-week trend, weeks 39-46): no facts yet
#   weekly warm     a week later: 17-23 November added, 16 November fetched again,
#                   `report --week 2026-W47`
# Targets: weekly warm <= 25% of weekly cold; monthly warm <= 1.5x metrics.
# "Cold" means no derived cache; the CSV files are in the page cache either way
# (they were just written), as after a fetch.
#
#   scripts/bench-job.sh        (`make bench` runs it after scripts/bench.sh)
#
# Needs .build/release/robin-report and .build/release/robin-synth (`make release`).
# Environment (all optional):
#   BENCH_JOB_DATA=DIR      data folder (default ./bench-job-data, about 9 GB; reused while its stamp matches)
#   BENCH_PEOPLE=N          head count (default 20000)
#   BENCH_BIN=DIR           where robin-report and robin-synth are (default .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=${BENCH_JOB_DATA:-$ROOT/bench-job-data}
PEOPLE=${BENCH_PEOPLE:-20000}
BIN=${BENCH_BIN:-$ROOT/.build/release}
REPORT=$BIN/robin-report
SYNTH=$BIN/robin-synth
POOL=$DATA/pool
OUT=$DATA/results
FIRST=2026-02-28 LAST=2026-11-23   # the monthly range's first day .. the day after week 47
for tool in "$REPORT" "$SYNTH"; do
  [ -x "$tool" ] || { echo "bench-job: $tool not built (make release)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench-job: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

STAMP="robin-synth people=$PEOPLE from=$FIRST to=$LAST overlap-hours=2"
if [ -f "$DATA/.stamp" ] && [ "$(cat "$DATA/.stamp")" = "$STAMP" ]; then
  echo "bench-job: reusing $POOL ($STAMP)" >&2
else
  echo "bench-job: generating $POOL ($STAMP)" >&2
  rm -rf "$DATA"; mkdir -p "$POOL"
  "$SYNTH" --from "$FIRST" --to "$LAST" --out "$POOL" --people "$PEOPLE" --overlap-hours 2
  "$SYNTH" --print-org --people "$PEOPLE" > "$DATA/robin-report.toml"
  echo "$STAMP" > "$DATA/.stamp"
fi
CONFIG=$DATA/robin-report.toml
rm -rf "$OUT" "$DATA"/cache-*; mkdir -p "$OUT"; : > "$OUT/job.tsv"

# fill CACHE FROM TO [cp]: the pool's files of FROM..TO as `fetch` leaves them (hard links;
# with cp, copies: a fetch writes a new file, a new inode)
fill() {
  local cache=$1/1/all day=$2 put=(ln -f)
  [ "${4:-}" = cp ] && put=(cp)
  mkdir -p "$cache/desks" "$cache/spaces"
  while [[ ! "$day" > "$3" ]]; do
    for kind in desks spaces; do "${put[@]}" "$POOL/$kind/$day.csv" "$cache/$kind/$day.csv.new" && mv "$cache/$kind/$day.csv.new" "$cache/$kind/$day.csv"; done
    day=$(date -u -d "$day + 1 day" +%F)
  done
}

# timed NAME CMD...: wall seconds and peak RSS under /usr/bin/time -v; appends to job.tsv
timed() {
  local name=$1; shift
  if ! /usr/bin/time -v -o "$OUT/time.txt" "$@" > "$OUT/$name.out" 2> "$OUT/$name.stderr"; then
    echo "bench-job: $name failed:" >&2; tail -5 "$OUT/$name.stderr" >&2; exit 1
  fi
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (j = 1; j <= n; j++) s = s * 60 + p[j]; print s}' "$OUT/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
  # CPU seconds (user + system): less sensitive than wall time to other work on the machine.
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$OUT/time.txt")
  printf '%s\t%s\t%s\t%s\n' "$name" "$wall" "$rss" "$cpu" >> "$OUT/job.tsv"
  echo "bench-job: $name: ${wall}s, ${cpu} CPU s, $((rss / 1024)) MB" >&2
}

report() {  # report CACHE PERIOD-OPTION...: the report command on CACHE, in JOB
  JOB=("$REPORT" report --offline --org 1 --config "$CONFIG" --cache "$1" --output "$1-output" --quiet "${@:2}")
}

# The yardstick: metrics on October's files.
timed metrics "$REPORT" metrics --desks "$POOL"/desks/2026-10-*.csv --spaces "$POOL"/spaces/2026-10-*.csv \
  --from 2026-10-01 --to 2026-10-31 --config "$CONFIG" --json

# Monthly: the range of an 8-month trend ending in October is 28 February .. 1 November.
fill "$DATA/cache-month" 2026-02-28 2026-11-01
report "$DATA/cache-month" --month 2026-10
timed monthly-cold "${JOB[@]}"
facts=$(ls -d "$DATA"/cache-month/1/all/facts/v*/org | sort -V | tail -1)  # the current format version's
for kind in desks spaces; do rm -f "$facts/$kind"/2026-09-30.facts "$facts/$kind"/2026-10-*.facts "$facts/$kind"/2026-11-01.facts; done
fill "$DATA/cache-month" 2026-10-01 2026-11-01 cp  # October fetched anew: new inodes, new times
report "$DATA/cache-month" --month 2026-10
timed monthly-warm "${JOB[@]}"

# Weekly: week 46's trend is weeks 39-46, its range 20 September .. 16 November.
fill "$DATA/cache-week" 2026-09-20 2026-11-16
report "$DATA/cache-week" --week 2026-W46
timed weekly-cold "${JOB[@]}"
fill "$DATA/cache-week" 2026-11-16 2026-11-23 cp  # 16 November fetched again (it was provisional), and the new week
report "$DATA/cache-week" --week 2026-W47
timed weekly-warm "${JOB[@]}"
du -sk "$DATA/cache-month/1/all/facts" | awk '{print $1}' > "$OUT/facts-kb"

python3 - "$OUT/job.tsv" "$(cat "$OUT/facts-kb")" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$PEOPLE" <<'EOF'
import sys
path, facts_kb, cores, load, people = sys.argv[1:]
rows = {n: (float(w), int(r) / 1024, float(c)) for n, w, r, c in (l.rstrip("\n").split("\t") for l in open(path) if l.strip())}
what = {
    "metrics": "metrics --json, October (31 + 31 files)",
    "monthly-cold": "report --month 2026-10, no facts (8-month trend)",
    "monthly-warm": "report --month 2026-10, a month later (facts to September)",
    "weekly-cold": "report --week 2026-W46, no facts (8-week trend)",
    "weekly-warm": "report --week 2026-W47, a week later (one new week)",
}
print(f"{int(people):,} people, robin-synth, 2 h overlap; {cores} cores; load average before the table: {load}")
print(f"{'run':<14}{'what':<62}{'wall s':>8}{'CPU s':>8}{'peak RSS MB':>13}")
for name, text in what.items():
    wall, rss, cpu = rows[name]
    print(f"{name:<14}{text:<62}{wall:>8.2f}{cpu:>8.2f}{rss:>13.0f}")
w = rows["weekly-warm"][0] / rows["weekly-cold"][0]
m = rows["monthly-warm"][0] / rows["metrics"][0]
c = rows["monthly-cold"][0] / rows["metrics"][0]
wc = rows["weekly-warm"][2] / rows["weekly-cold"][2]
mc = rows["monthly-warm"][2] / rows["metrics"][2]
print(f"weekly warm / cold = {w:.2f} (target <= 0.25: {'met' if w <= 0.25 else 'NOT met'}); by CPU time {wc:.2f}")
print(f"monthly a month later / metrics on the month = {m:.2f} (target <= 1.5: {'met' if m <= 1.5 else 'NOT met'}); "
      f"by CPU time {mc:.2f}; cold monthly / metrics = {c:.2f}")
print(f"derived cache of the monthly range (247 days x 2 kinds): {int(facts_kb) / 1024:.0f} MB")
EOF
