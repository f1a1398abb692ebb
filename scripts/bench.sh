#!/usr/bin/env bash
# Benchmark: robin-report metrics against DuckDB and pandas doing the same core work
# on the same files (about 1M desk rows + 1M event rows over a month of daily exports).
#
#   scripts/bench.sh            (or `make bench`, which builds the release binaries first)
#
# Needs .build/release/robin-report and .build/release/robin-synth; without robin-synth
# the data comes from scripts/gen_small.py (same CLI), without robin-report only the
# peers run. Generated data lives in ./bench-data and is reused while its stamp matches.
#
# Environment (all optional):
#   BENCH_DATA=DIR          data folder (default ./bench-data)
#   BENCH_PEOPLE=N          people for robin-synth (default 20000)
#   BENCH_GEN_PEOPLE=N      people for the gen_small.py fallback (default 78000: about 1M desk
#                           rows and 1M event rows)
#   BENCH_FROM / BENCH_TO   period (default 2026-11-01 / 2026-11-30)
#   BENCH_RUNS=N            runs per tool, the fastest is reported (default 1)
#   BENCH_REFERENCE=1       also run scripts/reference_metrics.py and compare it in full (slow)
#   PYTHON=python3          interpreter for the peers (needs duckdb, pandas; pyarrow optional)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
DATA=${BENCH_DATA:-$ROOT/bench-data}
FROM=${BENCH_FROM:-2026-11-01}
TO=${BENCH_TO:-2026-11-30}
RUNS=${BENCH_RUNS:-1}
REPORT=$ROOT/.build/release/robin-report
SYNTH=$ROOT/.build/release/robin-synth
OUT=$DATA/results
CORES=$(nproc)

need_time() {
  [ -x /usr/bin/time ] && return 0
  echo "bench: installing GNU time (/usr/bin/time)" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  else
    echo "bench: /usr/bin/time is missing; run: sudo apt-get install -y time" >&2; exit 1
  fi
}
need_time
command -v taskset >/dev/null || echo "bench: taskset not found; no single-core figures" >&2
if ! "$PYTHON" -c 'import duckdb, pandas' 2>/dev/null; then
  echo "bench: installing the peers: pip install duckdb pandas pyarrow" >&2
  "$PYTHON" -m pip install -q duckdb pandas pyarrow || { echo "bench: could not install duckdb/pandas" >&2; exit 1; }
fi

# ---------------------------------------------------------------- data
if [ -x "$SYNTH" ]; then
  GEN=("$SYNTH"); PEOPLE=${BENCH_PEOPLE:-20000}; GEN_NAME=robin-synth; GEN_EXTRA=()
else
  GEN=("$PYTHON" "$ROOT/scripts/gen_small.py"); PEOPLE=${BENCH_GEN_PEOPLE:-78000}; GEN_NAME=gen_small.py
  GEN_EXTRA=(--meetings-per-person 0.5)  # about as many event rows as desk rows
  echo "bench: $SYNTH not built; generating with scripts/gen_small.py" >&2
fi
STAMP="generator=$GEN_NAME people=$PEOPLE from=$FROM to=$TO overlap-hours=2 ${GEN_EXTRA[*]}"
if [ -f "$DATA/.stamp" ] && [ "$(cat "$DATA/.stamp")" = "$STAMP" ]; then
  echo "bench: reusing $DATA ($STAMP)" >&2
else
  echo "bench: generating $DATA ($STAMP)" >&2
  rm -rf "$DATA"; mkdir -p "$DATA"
  "${GEN[@]}" --from "$FROM" --to "$TO" --out "$DATA" --people "$PEOPLE" --overlap-hours 2 "${GEN_EXTRA[@]}"
  "${GEN[@]}" --print-org --people "$PEOPLE" > "$DATA/robin-report.toml"
  echo "$STAMP" > "$DATA/.stamp"
fi
shopt -s nullglob
DESKS=("$DATA"/desks/*.csv); SPACES=("$DATA"/spaces/*.csv)
[ ${#DESKS[@]} -gt 0 ] && [ ${#SPACES[@]} -gt 0 ] || { echo "bench: no CSV files in $DATA" >&2; exit 1; }
CONFIG=$DATA/robin-report.toml
ARGS=(--desks "${DESKS[@]}" --spaces "${SPACES[@]}" --from "$FROM" --to "$TO" --config "$CONFIG")
INPUT_BYTES=$(cat "${DESKS[@]}" "${SPACES[@]}" | wc -c)
ROWS_D=$(( $(cat "${DESKS[@]}" | wc -l) - ${#DESKS[@]} ))
ROWS_S=$(( $(cat "${SPACES[@]}" | wc -l) - ${#SPACES[@]} ))
mkdir -p "$OUT"; : > "$OUT/results.tsv"
# The cores are shared: the load average before and after goes under the table.
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

# run NAME CORES OUTFILE CMD... : best of $RUNS under /usr/bin/time -v; appends to results.tsv
run() {
  local name=$1 cores=$2 outfile=$3; shift 3
  local best_wall="" best_rss="" i wall rss
  for ((i = 1; i <= RUNS; i++)); do
    if ! /usr/bin/time -v -o "$OUT/time.txt" "$@" > "$outfile" 2> "$OUT/$name.stderr"; then
      echo "bench: $name failed:" >&2; tail -5 "$OUT/$name.stderr" >&2; cat "$OUT/time.txt" >&2 || true; return 1
    fi
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (j = 1; j <= n; j++) s = s * 60 + p[j]; print s}' "$OUT/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
    if [ -z "$best_wall" ] || awk "BEGIN {exit !($wall < $best_wall)}"; then best_wall=$wall; best_rss=$rss; fi
  done
  printf '%s\t%s\t%s\t%s\n' "$name" "$cores" "$best_wall" "$best_rss" >> "$OUT/results.tsv"
  echo "bench: $name: ${best_wall}s, $((best_rss / 1024)) MB" >&2
}

PIN=()
command -v taskset >/dev/null && PIN=(taskset -c 0)
REPORT_OK=0
if [ -x "$REPORT" ]; then
  # a failing robin-report is reported but does not stop the peers
  if run robin-report "$CORES" "$OUT/robin-report.json" "$REPORT" metrics "${ARGS[@]}" --json; then
    REPORT_OK=1
    if [ ${#PIN[@]} -gt 0 ]; then
      run robin-report 1 "$OUT/robin-report-1core.json" "${PIN[@]}" "$REPORT" metrics "${ARGS[@]}" --json || REPORT_OK=0
    fi
  fi
else
  echo "bench: $REPORT not built; peers only" >&2
fi
run duckdb "$CORES" "$OUT/duckdb.line" "$PYTHON" scripts/bench_duckdb.py "${ARGS[@]}" --out "$OUT/duckdb.json"
[ ${#PIN[@]} -gt 0 ] && run duckdb 1 "$OUT/duckdb-1core.line" "${PIN[@]}" "$PYTHON" scripts/bench_duckdb.py "${ARGS[@]}" --threads 1 --out "$OUT/duckdb-1core.json"
run pandas 1 "$OUT/pandas.line" "$PYTHON" scripts/bench_pandas.py "${ARGS[@]}" --out "$OUT/pandas.json"
if [ "${BENCH_REFERENCE:-0}" = 1 ]; then
  run reference 1 "$OUT/reference.json" "$PYTHON" scripts/reference_metrics.py "${ARGS[@]}"
fi

# ---------------------------------------------------------------- agreement
agree() {  # agree NAME A B [--subset]
  if "$PYTHON" scripts/compare_metrics.py "${@:4}" "$2" "$3" > "$OUT/compare-$1.txt" 2>&1; then
    echo "  $1: agree"
  else
    echo "  $1: DIFFER ($(grep -c . "$OUT/compare-$1.txt") lines, see $OUT/compare-$1.txt)"
  fi
}
echo
echo "agreement on the core figures (compare_metrics.py, tolerance 1e-9):"
if [ "$REPORT_OK" = 1 ]; then
  [ -s "$OUT/robin-report-1core.json" ] && agree robin-report-1core-vs-all-cores "$OUT/robin-report-1core.json" "$OUT/robin-report.json"
  agree duckdb-vs-robin-report "$OUT/duckdb.json" "$OUT/robin-report.json" --subset
  agree pandas-vs-robin-report "$OUT/pandas.json" "$OUT/robin-report.json" --subset
  [ "${BENCH_REFERENCE:-0}" = 1 ] && agree reference-vs-robin-report "$OUT/reference.json" "$OUT/robin-report.json"
fi
agree duckdb-vs-pandas "$OUT/duckdb.json" "$OUT/pandas.json"
[ "${BENCH_REFERENCE:-0}" = 1 ] && agree duckdb-vs-reference "$OUT/duckdb.json" "$OUT/reference.json" --subset

# ---------------------------------------------------------------- table
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
echo
"$PYTHON" - "$OUT/results.tsv" "$INPUT_BYTES" "$ROWS_D" "$ROWS_S" "${#DESKS[@]}" "$CORES" "$GEN_NAME" <<'EOF'
import sys
path, nbytes, rows_d, rows_s, files, cores, gen = sys.argv[1:]
mb = int(nbytes) / 2**20
rows = [line.rstrip("\n").split("\t") for line in open(path) if line.strip()]
base = {c: float(w) for n, c, w, _ in rows if n == "robin-report"}
print(f"input: {files} + {files} daily files, {int(rows_d):,} desk rows + {int(rows_s):,} event rows, "
      f"{mb:.1f} MB (generator: {gen}); {cores} cores; MB = 2^20 bytes")
head = ["tool", "cores", "input MB", "wall s", "MB/s", "peak RSS MB", "RSS/input", "x robin-report"]
table = []
for name, c, wall, rss_kb in rows:
    wall, rss = float(wall), int(rss_kb) / 1024
    ratio = f"{wall / base[c]:.2f}" if c in base else "n/a"
    table.append([name, c, f"{mb:.1f}", f"{wall:.2f}", f"{mb / wall:.1f}" if wall else "inf",
                  f"{rss:.0f}", f"{rss / mb:.2f}", ratio])
widths = [max(len(r[i]) for r in table + [head]) for i in range(len(head))]
fmt = lambda r: "  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths)))
print(fmt(head))
print(fmt(["-" * w for w in widths]))
for r in table:
    print(fmt(r))
print("x robin-report = wall time / robin-report's wall time on the same number of cores "
      "(> 1: slower than robin-report). Wall and RSS from /usr/bin/time -v, whole process "
      "(Python start-up and imports included for the peers).")
EOF
echo "load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER (other work on the same cores slows every tool)"
