/// Finds the record already read for a de-duplication key (`Reservation ID`, or
/// `Event ID` with a space id). Robin's ids are mostly decimal numbers: those
/// are kept as integers, which is several times faster and smaller than
/// interning a million id strings; anything else goes through a `ByteInterner`
/// into a separate key space.
///
/// Memory is what bounds a month's peak (docs/performance.md): the table holds
/// 8 bytes a slot (a 32-bit fingerprint of the key and the record index), and the
/// keys themselves are stored once per record (12 bytes), indexed by record, so
/// a probe that matches a fingerprint checks the key where the record is.
struct RowKeyIndex {
    /// Per record: its id (`decimal` value, or bit 63 + string id) and qualifier;
    /// a record without a key has a placeholder that no slot points at.
    private var ids: [UInt64] = []
    private var qualifiers: [Int32] = []
    /// Slot -> fingerprint (high 32 bits of the hash) | record index + 1 (0 = empty).
    /// Filled to at most 70%: with the fingerprints, longer probe runs cost
    /// little, and a million keys fit in 2^21 slots instead of 2^22.
    private var slots: [UInt64] = Array(repeating: 0, count: 1 << 12)
    private var mask = (1 << 12) - 1
    private var keyed = 0
    private var strings = ByteInterner(expectedCount: 256)

    /// Records a record without a key (keeps the per-record arrays aligned).
    mutating func skip() {
        ids.append(0)
        qualifiers.append(0)
    }

    /// The record index stored for (`id`, `qualifier`), or nil after storing
    /// `newIndex` (the next record's index) for it.
    @inline(__always)
    mutating func existing(id: UnsafeBufferPointer<UInt8>, qualifier: Int32, newIndex: Int32) -> Int32? {
        let value = RowKeyIndex.decimal(id) ?? (UInt64(UInt32(bitPattern: strings.intern(id))) | 1 << 63)
        let hash = RowKeyIndex.hash(value, qualifier)
        let fingerprint = hash & 0xFFFF_FFFF_0000_0000
        let mask = self.mask
        let found: Int32? = ids.withUnsafeBufferPointer { ids in
            qualifiers.withUnsafeBufferPointer { qualifiers in
                slots.withUnsafeMutableBufferPointer { slots in
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { break }
                        if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                            let record = Int(entry & 0xFFFF_FFFF) - 1
                            if ids[record] == value, qualifiers[record] == qualifier { return Int32(record) }
                        }
                        slot = (slot + 1) & mask
                    }
                    slots[slot] = fingerprint | UInt64(newIndex + 1)
                    return nil
                }
            }
        }
        if found != nil { return found }
        ids.append(value)
        qualifiers.append(qualifier)
        keyed += 1
        if keyed * 10 > slots.count * 7 { rehash(slots.count * 2) }
        return nil
    }

    /// Room for `count` records without rehashing.
    mutating func reserve(_ count: Int) {
        ids.reserveCapacity(count)
        qualifiers.reserveCapacity(count)
        var size = slots.count
        while size * 7 < count * 10 { size <<= 1 }
        if size > slots.count { rehash(size) }
    }

    private mutating func rehash(_ size: Int) {
        let old = slots
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for entry in old where entry != 0 {
            let record = Int(entry & 0xFFFF_FFFF) - 1
            let hash = RowKeyIndex.hash(ids[record], qualifiers[record])
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(record + 1)
        }
    }

    @inline(__always)
    private static func hash(_ id: UInt64, _ qualifier: Int32) -> UInt64 {
        var hash = (id &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(UInt32(bitPattern: qualifier)) &* 0xC2B2_AE3D_27D4_EB4F)
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
