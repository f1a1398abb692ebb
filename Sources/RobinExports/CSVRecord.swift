/// One CSV record: a view into the reader's buffer, valid only until the reader
/// moves on.
public struct CSVRecord {
    @usableFromInline let base: UnsafePointer<UInt8>
    /// Start and end offsets per field; the end complemented when the field has doubled quotes.
    @usableFromInline let bounds: UnsafePointer<Int>
    /// Number of fields.
    public let count: Int
    /// The 1-based line where the record starts.
    public let line: Int

    /// The field's bytes as they stand in the file (without the surrounding quotes;
    /// doubled quotes still doubled, see `hasDoubledQuotes`).
    @inlinable @inline(__always)
    public func rawBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index >= 0 && index < count, "field index out of range")
        let start = bounds[2 * index], end = bounds[2 * index + 1]
        return UnsafeBufferPointer(start: base + start, count: (end < 0 ? ~end : end) - start)
    }

    /// Whether the field contains `""` that stands for one quote.
    @inlinable @inline(__always)
    public func hasDoubledQuotes(_ index: Int) -> Bool { bounds[2 * index + 1] < 0 }

    /// The field's value with doubled quotes undone.
    public func bytes(_ index: Int) -> [UInt8] {
        let raw = rawBytes(index)
        guard hasDoubledQuotes(index) else { return Array(raw) }
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var skip = false
        for byte in raw {
            if skip { skip = false; continue }
            result.append(byte)
            if byte == UInt8(ascii: "\"") { skip = true }
        }
        return result
    }

    /// The field's value as a string (already validated UTF-8).
    public func string(_ index: Int) -> String {
        if hasDoubledQuotes(index) { return String(decoding: bytes(index), as: UTF8.self) }
        return String(decoding: rawBytes(index), as: UTF8.self)
    }
}
