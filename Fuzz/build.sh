#!/bin/sh
# Builds the libFuzzer harnesses into $FUZZ_SCRATCH/release/fuzz/<target>
# (default .build-fuzz, beside the ordinary .build so neither rebuilds the other).
#
# The library modules are built by SwiftPM in release mode with coverage
# instrumentation and AddressSanitizer (Swift: -sanitize=fuzzer,address in ONE
# flag: swiftc keeps only the last of several -sanitize= flags; C++, TOMLKit's
# toml++: -fsanitize=fuzzer-no-link,address). Each harness is then linked by
# swiftc from its entry point (Fuzz/Harness), its target's run function (in the
# test target that replays the corpus), and those modules' object files. Sources
# are given by absolute path, so a #filePath in them works from any folder.
set -eu
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-swiftc}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
TARGETS=${FUZZ_TARGETS:-exports config metrics}

for module in RobinAnalytics RobinConfig; do
    $SWIFT build --scratch-path "$SCRATCH" -c release --target "$module" \
        -Xswiftc -sanitize=fuzzer,address -Xcxx -fsanitize=fuzzer-no-link,address
done

B="$SCRATCH/release"
mkdir -p "$B/fuzz"
objects() { for module in "$@"; do find "$B/$module.build" -name '*.o' | sort; done; }

for target in $TARGETS; do
    case $target in
    exports)
        sources="Tests/RobinAnalyticsTests/Fuzz/FuzzChecks.swift Tests/RobinAnalyticsTests/Fuzz/ExportsFuzzTarget.swift"
        modules="RobinModel RobinExports RobinAnalytics"
        libraries="" ;;
    config)
        sources="Tests/RobinAnalyticsTests/Fuzz/FuzzChecks.swift Tests/RobinAnalyticsTests/Fuzz/ConfigFuzzTarget.swift"
        modules="RobinModel RobinExports RobinAnalytics CTOML TOMLKit RobinConfig"
        libraries="-lstdc++" ;;
    metrics)
        sources="Tests/RobinDeliverTests/Fuzz/MetricsFuzzTarget.swift"
        modules="RobinModel"
        libraries="" ;;
    *) echo "unknown fuzz target: $target (known: exports config metrics)" >&2; exit 2 ;;
    esac
    echo "linking $B/fuzz/$target"
    # The ld.gold warnings about ASan's local symbols are noise on every link.
    # shellcheck disable=SC2086  # word splitting of the lists is intended
    $SWIFTC -O -sanitize=fuzzer,address -parse-as-library -module-name "${target}_fuzz" \
        -I "$B/Modules" -Xcc -fmodule-map-file="$B/CTOML.build/module.modulemap" \
        -Xcc -fmodule-map-file=Sources/CCurl/module.modulemap -Xcc -fmodule-map-file=Sources/CStructure/module.modulemap \
        $(for file in Fuzz/Harness/Entry.swift "Fuzz/Harness/$target.swift" $sources; do echo "$PWD/$file"; done) \
        $(objects $modules) $libraries -o "$B/fuzz/$target" 2>&1 \
        | { grep -v 'ld.gold: warning: Cannot export local symbol' || true; }
    test -x "$B/fuzz/$target"
done
