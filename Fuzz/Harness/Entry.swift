import Foundation

/// What libFuzzer calls once per input (`-sanitize=fuzzer` links its `main`).
/// Each harness binary is this file, its target's `run` (from the test target
/// that replays the corpus) and one `fuzzTarget` saying which run it is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = fuzzTarget(input)
    // A problem is a finding like a crash: trap, so libFuzzer saves the input.
    if !problems.isEmpty { fatalError("fuzz target: " + problems.joined(separator: "\n")) }
    return 0
}
