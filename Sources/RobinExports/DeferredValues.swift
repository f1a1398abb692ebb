/// Values of one file that only the merge can give ids (desk ids, person keys,
/// row ids: their ids must be the same across all files), copied out of the
/// reader's buffer because it moves on. A fixed number per record, in order.
struct DeferredValues: Sendable {
    private var bytes: [UInt8] = []
    /// End offset of each value in `bytes`.
    private var ends: [Int32] = []

    /// Empties the values, keeping room for `count` (of 16 bytes on average).
    mutating func reset(values count: Int) {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        ends.reserveCapacity(count)
        bytes.reserveCapacity(16 * count)
    }

    /// Adds `value` (empty = none).
    @inline(__always)
    mutating func append(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
        ends.append(Int32(bytes.count))
    }

    /// Adds `prefix` followed by `value`.
    mutating func append(prefix: UInt8, _ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(prefix)
        append(value)
    }

    /// Adds `value` with ASCII letters lower-cased.
    mutating func appendLowercased(_ value: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        append(value)
        var upper = false
        for byte in value where byte &- 0x41 < 26 { upper = true; break }
        guard upper else { return }  // most are lower-case already
        bytes.withUnsafeMutableBufferPointer { bytes in
            for i in start..<bytes.count where bytes[i] &- 0x41 < 26 { bytes[i] |= 0x20 }
        }
    }

    /// Calls `body` with value `index` (empty when none).
    @inline(__always)
    func with<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                let start = index == 0 ? 0 : Int(ends[index - 1])
                return body(UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: Int(ends[index]) - start))
            }
        }
    }
}
