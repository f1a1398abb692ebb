import Foundation

/// A folder of this process's own for the two files each input is written to,
/// removed when libFuzzer exits normally.
let scratch: String = {
    var template = Array((NSTemporaryDirectory() + "/robin-fuzz-exports-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed: errno \(errno)") }
    let path = String(cString: made)
    atexit { try? FileManager.default.removeItem(atPath: scratch) }
    return path
}()

/// The exports target (`Tests/RobinAnalyticsTests/Fuzz/ExportsFuzzTarget.swift`).
func fuzzTarget(_ input: [UInt8]) -> [String] {
    ExportsFuzzTarget.run(input, directory: scratch)
}
