/// A map from 64-bit keys that are already hashes (row keys are
/// `ByteInterner.key`s, event keys are mixed again) to values, by open
/// addressing on the key's own low bits. Swift's `Set` and `Dictionary`
/// hash every key again with SipHash: the windowed de-duplication, which
/// indexes each neighbouring file's 40,000-odd rows, spent most of its time
/// there (docs/performance.md).
struct KeyTable<Value> {
    /// Slot keys; `empty` marks a free slot.
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    /// Keys in slots; the table doubles past half full.
    private var count = 0
    /// The value of the key equal to `empty`, which cannot live in a slot.
    private var emptyKeyValue: Value?
    private static var empty: UInt64 { 0 }

    /// Room for `count` keys without growing.
    init(capacity count: Int) {
        var size = 16
        while size < 2 * count { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    /// The value stored for `key`, nil when none.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        get {
            if key == Self.empty { return emptyKeyValue }
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == Self.empty { return nil }
                slot = (slot + 1) & mask
            }
        }
        set {
            if key == Self.empty {
                emptyKeyValue = newValue
                return
            }
            precondition(newValue != nil, "KeyTable does not remove keys")
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != Self.empty, keys[slot] != key { slot = (slot + 1) & mask }
            if keys[slot] == Self.empty {
                keys[slot] = key
                count += 1
            }
            values[slot] = newValue
            if 2 * count > keys.count { grow() }
        }
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = Array(repeating: Self.empty, count: 2 * oldKeys.count)
        values = Array(repeating: nil, count: 2 * oldKeys.count)
        mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty {
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
