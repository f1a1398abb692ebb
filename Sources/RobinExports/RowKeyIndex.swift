/// Finds the record already read for a de-duplication key (`Reservation ID`, or
/// `Event ID` with a space id). Robin's ids are mostly decimal numbers: those
/// are kept as integers in an open-addressing table, which is several times
/// faster and smaller than interning a million id strings; anything else goes
/// through a `ByteInterner` into a separate key space.
struct RowKeyIndex {
    /// Every key with its record index (`high` has bit 63 set for non-numeric ids).
    private var keys: [(high: UInt64, low: UInt64, record: Int32)] = []
    /// Slot -> 32 bits of the key's hash (so most probes never touch `keys`),
    /// then the index into `keys` + 1 (0 = empty). Filled to at most 70%: with
    /// the fingerprints, longer probe runs cost little, and a million keys fit
    /// in 2^21 slots instead of 2^22.
    private var slots: [UInt64] = Array(repeating: 0, count: 1 << 12)
    private var mask = (1 << 12) - 1
    private var strings = ByteInterner(expectedCount: 256)

    /// The record index stored for (`id`, `qualifier`), or nil after storing `newIndex` for it.
    mutating func existing(id: UnsafeBufferPointer<UInt8>, qualifier: UInt64, newIndex: Int32) -> Int32? {
        let high = RowKeyIndex.decimal(id) ?? (UInt64(bitPattern: Int64(strings.intern(id))) | 1 << 63)
        let hash = RowKeyIndex.hash(high, qualifier)
        let fingerprint = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let key = keys[Int(entry & 0xFFFF_FFFF) - 1]
                if key.high == high, key.low == qualifier { return key.record }
            }
            slot = (slot + 1) & mask
        }
        keys.append((high, qualifier, newIndex))
        slots[slot] = fingerprint | UInt64(keys.count)
        if keys.count * 10 > slots.count * 7 { grow() }
        return nil
    }

    /// Room for `count` keys without rehashing.
    mutating func reserve(_ count: Int) {
        keys.reserveCapacity(count)
        var size = slots.count
        while size * 7 < count * 10 { size <<= 1 }
        if size > slots.count { rehash(size) }
    }

    private mutating func grow() { rehash(slots.count * 2) }

    private mutating func rehash(_ size: Int) {
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for (index, key) in keys.enumerated() {
            let hash = RowKeyIndex.hash(key.high, key.low)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
        }
    }

    @inline(__always)
    private static func hash(_ high: UInt64, _ low: UInt64) -> UInt64 {
        var hash = (high &* 0x9E37_79B9_7F4A_7C15) ^ (low &* 0xC2B2_AE3D_27D4_EB4F)
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }

    /// The value of up to 18 decimal digits with no leading zero (so the text is
    /// the number's only spelling); nil otherwise.
    @inline(__always)
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes[0] != 0x30 || bytes.count == 1 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + UInt64(digit)
        }
        return value
    }
}
