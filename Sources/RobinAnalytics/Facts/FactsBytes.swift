/// Little-endian fixed-width numbers and LEB128 varints into a byte array:
/// the facts file format (`FactsCodec`).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func count(_ value: Int) { varint(UInt64(value)) }

    /// A signed value, zigzag-encoded (small magnitudes stay short).
    mutating func signed(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func double(_ value: Double) { u64(value.bitPattern) }

    mutating func string(_ text: String) {
        count(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Reads what `ByteWriter` wrote; any read past the end or any value out of
/// its range throws, so a damaged file can never crash the reader.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int

    init(_ bytes: [UInt8], from offset: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { offset == end }

    mutating func u8() throws(FactsCodecError) -> UInt8 {
        guard offset < end else { throw .truncated }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() throws(FactsCodecError) -> UInt32 { try fixed(UInt32.self) }

    mutating func u64() throws(FactsCodecError) -> UInt64 { try fixed(UInt64.self) }

    /// A little-endian unsigned integer of `T`'s width.
    private mutating func fixed<T: FixedWidthInteger & UnsignedInteger>(_: T.Type) throws(FactsCodecError) -> T {
        let width = T.bitWidth / 8
        guard end - offset >= width else { throw .truncated }
        var value: T = 0
        for index in (0..<width).reversed() { value = value << 8 | T(bytes[offset + index]) }
        offset += width
        return value
    }

    /// `count` little-endian u64 values at once: the key arrays and bit words,
    /// read in bulk rather than a byte at a time.
    mutating func u64s(_ count: Int) throws(FactsCodecError) -> [UInt64] {
        guard count >= 0, (end - offset) / 8 >= count else { throw .truncated }
        let start = offset
        let values = bytes.withUnsafeBytes { raw in
            [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    buffer[index] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + index * 8, as: UInt64.self))
                }
                initialized = count
            }
        }
        offset += count * 8
        return values
    }

    mutating func varint() throws(FactsCodecError) -> UInt64 {
        // Most varints (counts, small gaps) are one byte.
        if offset < end, bytes[offset] < 0x80 {
            defer { offset += 1 }
            return UInt64(bytes[offset])
        }
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 64 else { throw .malformed("varint too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of at most `limit` (what the rest of the file could hold, or a stated maximum).
    mutating func count(atMost limit: Int) throws(FactsCodecError) -> Int {
        let value = try varint()
        guard value <= UInt64(limit) else { throw .malformed("count \(value) over \(limit)") }
        return Int(value)
    }

    /// A count of items of at least one byte each.
    mutating func count() throws(FactsCodecError) -> Int { try count(atMost: end - offset) }

    mutating func signed() throws(FactsCodecError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// A non-negative `Int`.
    mutating func natural() throws(FactsCodecError) -> Int {
        let value = try varint()
        guard value <= UInt64(Int.max) else { throw .malformed("number out of range") }
        return Int(value)
    }

    mutating func double() throws(FactsCodecError) -> Double {
        let value = Double(bitPattern: try u64())
        guard value.isFinite else { throw .malformed("non-finite number") }
        return value
    }

    mutating func string() throws(FactsCodecError) -> String {
        let length = try count()
        defer { offset += length }
        guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
            throw .malformed("text is not UTF-8")
        }
        return text
    }

    mutating func bytes(_ length: Int) throws(FactsCodecError) -> ArraySlice<UInt8> {
        guard end - offset >= length else { throw .truncated }
        defer { offset += length }
        return bytes[offset..<offset + length]
    }
}

/// Why a facts file was not used (it is then rebuilt from the exports).
public enum FactsCodecError: Error, Equatable, CustomStringConvertible {
    /// Not a facts file (the magic bytes differ).
    case foreign
    /// A facts file of another format version.
    case version(UInt32)
    /// Written while the id key function was different (`IDSpace.keyProbe`).
    case keyFunction
    /// Shorter than its content says.
    case truncated
    /// The checksum does not match the content.
    case checksum
    /// Well-formed bytes that do not describe facts.
    case malformed(String)

    public var description: String {
        switch self {
        case .foreign: "not a facts file"
        case .version(let version): "facts format version \(version), not \(FactsCodec.version)"
        case .keyFunction: "written with another id key function"
        case .truncated: "truncated"
        case .checksum: "checksum mismatch"
        case .malformed(let what): "malformed: \(what)"
        }
    }
}
