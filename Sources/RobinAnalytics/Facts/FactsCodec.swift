import RobinModel

/// The bytes of a facts file (the derived cache, docs/metrics.md "Derived
/// facts"):
///
///     "RRFACTS\0"  u32 format version  u64 key probe (IDSpace.keyProbe)
///     header (`FactsKey`: kind, date, settings, scope, source files)
///     payload (ExportFileFacts)
///     u64 XXH64 checksum of every byte before it
///
/// Little-endian; counts and sums as LEB128 varints. Reading checks the
/// magic, the version, the key probe and the checksum before it looks at the
/// header, and every count, id and name index while it decodes, so a
/// damaged, truncated, foreign or outdated file is refused, never trusted.
public enum FactsCodec {
    /// The format version; bump it with any change to the bytes or to what facts mean.
    public static let version: UInt32 = 2
    static let magic: [UInt8] = Array("RRFACTS\0".utf8)

    /// A file of `facts` built from what `key` says.
    public static func encode(_ facts: ExportFileFacts, key: FactsKey) -> [UInt8] {
        precondition(facts.isComplete, "facts read without their by_space groups cannot be saved")
        var out = ByteWriter()
        out.append(magic)
        out.u32(version)
        out.u64(IDSpace.keyProbe)
        key.write(to: &out)
        FactsPayload.write(facts, to: &out)
        let checksum = XXHash64.hash(out.bytes)
        out.u64(checksum)
        return out.bytes
    }

    /// The key of a checked file (its facts are not decoded).
    public static func key(of bytes: [UInt8]) throws(FactsCodecError) -> FactsKey {
        var reader = try checked(bytes)
        return try FactsKey.read(&reader)
    }

    /// The key and the facts of a checked file.
    /// - Parameter spaceDays: the local dates whose room facts keep their
    ///   `by_space` groups; nil = all. A report needs them for its period and
    ///   the previous one only, and they are most of a file's groups: leaving
    ///   the others out saves most of the memory and time of the trend's facts.
    ///   Facts read without them are marked (`RoomDayFacts.hasSpaces`) and must
    ///   not be saved again.
    public static func decode(_ bytes: [UInt8], spaceDays: ClosedRange<LocalDate>? = nil)
        throws(FactsCodecError) -> (key: FactsKey, facts: ExportFileFacts) {
        var reader = try checked(bytes)
        let key = try FactsKey.read(&reader)
        let facts = try FactsPayload.read(
            &reader, spaceDays: spaceDays.map { $0.lowerBound.daysSinceEpoch...$0.upperBound.daysSinceEpoch })
        guard reader.isAtEnd else { throw .malformed("bytes after the facts") }
        guard facts.kind == key.kind, facts.date == key.date else { throw .malformed("facts of another file") }
        return (key, facts)
    }

    /// A reader past the fixed start, after every check that needs no decoding.
    private static func checked(_ bytes: [UInt8]) throws(FactsCodecError) -> ByteReader {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { throw .foreign }
        guard bytes.count >= magic.count + 4 + 8 + 8 else { throw .truncated }
        var reader = ByteReader(bytes, from: magic.count, to: bytes.count - 8)
        let fileVersion = try reader.u32()
        guard fileVersion == version else { throw .version(fileVersion) }
        var tail = ByteReader(bytes, from: bytes.count - 8)
        guard try tail.u64() == bytes.withUnsafeBytes({ XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[..<(bytes.count - 8)])) })
        else { throw .checksum }
        guard try reader.u64() == IDSpace.keyProbe else { throw .keyFunction }
        return reader
    }
}
