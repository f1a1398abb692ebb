/// One CSV record: a view into the reader's buffer, valid only until the reader
/// moves on.
public struct CSVRecord {
    let base: UnsafePointer<UInt8>
    let starts: [Int]
    let ends: [Int]
    let escaped: [Bool]
    /// The 1-based line where the record starts.
    public let line: Int

    /// Number of fields.
    public var count: Int { starts.count }

    /// The field's bytes as they stand in the file (without the surrounding quotes;
    /// doubled quotes still doubled, see `hasDoubledQuotes`).
    public func rawBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + starts[index], count: ends[index] - starts[index])
    }

    /// Whether the field contains `""` that stands for one quote.
    public func hasDoubledQuotes(_ index: Int) -> Bool { escaped[index] }

    /// The field's value with doubled quotes undone.
    public func bytes(_ index: Int) -> [UInt8] {
        let raw = rawBytes(index)
        guard escaped[index] else { return Array(raw) }
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
        if escaped[index] { return String(decoding: bytes(index), as: UTF8.self) }
        return String(decoding: rawBytes(index), as: UTF8.self)
    }
}
