#!/bin/sh
# `make fuzz`: builds the libFuzzer harnesses (Fuzz/build.sh) and runs each
# target for FUZZ_SECONDS (default 300), one after the other, then prints per
# target the executions, executions a second, corpus size and whether it crashed.
#
# Seeds: Fuzz/corpus/<target> (committed, read only). What a run learns goes to
# $FUZZ_SCRATCH/fuzz-corpus/<target> (default .build-fuzz), kept for the next run.
# A crash, a trapped check, a leak, a timeout or running out of memory stops that
# target and its input is saved as Fuzz/crashes/<target>/<kind>-<sha1>; every file
# there is replayed by `swift test` (FuzzCorpusTests) through the ordinary library.
#
# FUZZ_TARGETS picks targets (default "exports config metrics"); FUZZ_BUILD=0
# skips the build; FUZZ_FLAGS adds libFuzzer flags. Exits 1 when a target crashed.
set -eu
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SECONDS:-300}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
TARGETS=${FUZZ_TARGETS:-exports config metrics}
export FUZZ_SCRATCH="$SCRATCH" FUZZ_TARGETS="$TARGETS"

if [ "${FUZZ_BUILD:-1}" != 0 ]; then Fuzz/build.sh; fi

# Swift's own crash backtracer can hang after libFuzzer has reported a crash;
# libFuzzer and ASan print the stack themselves.
export SWIFT_BACKTRACE=enable=no

summary=""
crashed=0
for target in $TARGETS; do
    # TOMLKit 0.6.0 leaks on every parse (the error buffer TOMLTable(string:)
    # allocates, the C strings of keys and values it reads): a few hundred bytes,
    # harmless in a command that parses once, but LeakSanitizer would stop the
    # config target at its first input, and again at exit. The other targets keep
    # leak detection.
    leaks=1
    case $target in
    exports) flags="-max_len=16384" ;;
    config) flags="-max_len=4096 -detect_leaks=0 -rss_limit_mb=4096"; leaks=0 ;;
    metrics) flags="-max_len=16384" ;;
    *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
    esac
    corpus="$SCRATCH/fuzz-corpus/$target"
    crashes="Fuzz/crashes/$target"
    log="$SCRATCH/fuzz-logs/$target.log"
    mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
    echo "fuzzing $target for $SECONDS_EACH s (log: $log)"
    status=0
    # shellcheck disable=SC2086  # $flags and FUZZ_FLAGS are lists of flags
    ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    "$SCRATCH/release/fuzz/$target" "$corpus" "Fuzz/corpus/$target" -rss_limit_mb=2048 $flags \
        -max_total_time="$SECONDS_EACH" -dict="Fuzz/dict/$target.dict" \
        -timeout=10 -artifact_prefix="$crashes/" -print_final_stats=1 \
        ${FUZZ_FLAGS:-} >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    size=$(find "$corpus" -type f | wc -l | tr -d ' ')
    line="$target: ${runs:-?} executions, ${rate:-?}/s, corpus $size inputs"
    if [ "$status" = 0 ]; then
        line="$line, no crash"
    else
        crashed=1
        saved=$(sed -n "s/.*Test unit written to //p" "$log" | tail -1)
        line="$line, CRASHED (exit $status): ${saved:-see $log}"
        grep -m 3 -E "ERROR: |Fatal error|fuzz target:" "$log" | sed 's/^/    /' >&2 || true
    fi
    echo "$line"
    summary="$summary$line
"
done

echo
echo "fuzzing summary ($SECONDS_EACH s a target):"
printf '%s' "$summary"
exit $crashed
