/// Turns a person's identifying fields into a dense id: the lower-cased trimmed
/// email when present, else the trimmed name (METRICS.md). Only the id leaves
/// the reader; names and emails do not.
struct PersonKeys {
    private var interner = ByteInterner(expectedCount: 1024)
    private var scratch: [UInt8] = []

    var count: Int { interner.count }

    /// Each id's stable key (`ByteInterner.key` of the lower-cased email, or of 0x01 and the name).
    var keys: [UInt64] { interner.keys }

    /// The id for the first non-empty of `emails` (lower-cased), else `name`; -1 when all are empty.
    mutating func id(email: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>,
                     fallbackEmail: UnsafeBufferPointer<UInt8>? = nil) -> Int32 {
        let email = FieldParsing.trimmed(email)
        if !email.isEmpty { return emailID(email) }
        let name = FieldParsing.trimmed(name)
        if !name.isEmpty {
            // A 0x01 prefix keeps names and emails apart.
            scratch.removeAll(keepingCapacity: true)
            scratch.append(0x01)
            scratch.append(contentsOf: name)
            return scratch.withUnsafeBufferPointer { interner.intern($0) }
        }
        if let fallbackEmail {
            let fallback = FieldParsing.trimmed(fallbackEmail)
            if !fallback.isEmpty { return emailID(fallback) }
        }
        return -1
    }

    private mutating func emailID(_ email: UnsafeBufferPointer<UInt8>) -> Int32 {
        // Most emails are already lower-case ASCII: intern them as they stand.
        var flags: UInt8 = 0  // 1: an upper-case ASCII letter, 0x80: a non-ASCII byte
        for byte in email {
            flags |= (byte &- 0x41 < 26 ? 1 : 0) | (byte & 0x80)
        }
        if flags == 0 { return interner.intern(email) }
        if flags & 0x80 != 0 {
            scratch = Array(String(decoding: email, as: UTF8.self).lowercased().utf8)
        } else {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: email)
            scratch.withUnsafeMutableBufferPointer { bytes in
                for i in bytes.indices where bytes[i] &- 0x41 < 26 { bytes[i] |= 0x20 }
            }
        }
        return scratch.withUnsafeBufferPointer { interner.intern($0) }
    }
}
