// scan-bench: the CSV scanner alone, without the rest of the pipeline.
//
//     swift build -c release --product scan-bench
//     taskset -c 0 .build/release/scan-bench [--runs N] FILE...
//
// Reads every record of every file with `CSVReader` (the page cache warm after
// the first run) and counts records, fields, field bytes, doubled-quote fields
// and the sum of the records' line numbers (so the bounds are used, and two
// builds can be compared). Times are the
// thread's CPU time, so a busy machine disturbs them less. It also times plain
// 1 MiB `read` calls over the same files: the part of a run that is not the
// scanner ("scan" = read through CSVReader minus that).
import Foundation
import RobinExports

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 3
if arguments.first == "--runs", arguments.count >= 2, let n = Int(arguments[1]) {
    runs = n
    arguments.removeFirst(2)
}
guard !arguments.isEmpty else {
    FileHandle.standardError.write("usage: scan-bench [--runs N] FILE...\n".data(using: .utf8)!)
    exit(2)
}

func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

/// Reads the files in 1 MiB `read` calls, as `CSVReader` does, and returns the bytes read.
func readOnly(_ paths: [String]) -> Int {
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 64)
    defer { buffer.deallocate() }
    var total = 0
    for path in paths {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { continue }
        while true {
            let count = read(fd, buffer, 1 << 20)
            if count <= 0 { break }
            total += count
        }
        close(fd)
    }
    return total
}

var bestRead = Double.infinity, bestAll = Double.infinity, bytes = 0
for run in 1...runs {
    var start = cpuSeconds()
    bytes = readOnly(arguments)
    bestRead = min(bestRead, cpuSeconds() - start)
    var records = 0, fields = 0, fieldBytes = 0, doubled = 0, lineSum = 0
    start = cpuSeconds()
    for path in arguments {
        let reader = try CSVReader(path: path)
        try reader.forEachRecord { record in
            records += 1
            lineSum &+= record.line
            fields += record.count
            for i in 0..<record.count {
                fieldBytes &+= record.rawBytes(i).count
                if record.hasDoubledQuotes(i) { doubled += 1 }
            }
        }
    }
    let seconds = cpuSeconds() - start
    bestAll = min(bestAll, seconds)
    print("run \(run): \(records) records, \(fields) fields, \(fieldBytes) field bytes, \(doubled) doubled, line sum \(lineSum), "
        + String(format: "%.3f s CPU", seconds))
}
let megabytes = Double(bytes) / 1e6
print(String(format: "best of %d over %.1f MB: read+scan %.3f s (%.0f MB/s), read alone %.3f s, scan %.3f s (%.0f MB/s)",
             runs, megabytes, bestAll, megabytes / bestAll, bestRead, bestAll - bestRead, megabytes / (bestAll - bestRead)))
