#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps byte strings to dense ids 0, 1, 2, ... without creating a `String` per
/// lookup: an open-addressing hash table over a flat byte arena. Reading a month
/// of exports interns millions of field values (ids, emails, names), so this is
/// on the hot path.
public struct ByteInterner: Sendable {
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slot -> id + 1 (0 = empty).
    private var slots: [Int32]
    private var mask: Int
    /// The id returned last, -1 before the first.
    private var last: Int32 = -1

    public init(expectedCount: Int = 64) {
        var size = 16
        while size < expectedCount * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Number of distinct values interned.
    public var count: Int { offsets.count - 1 }

    /// The id of `bytes`, adding it when new.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        // Exports repeat a value on consecutive rows (same building, floor, room):
        // checking the last value first skips the hash for most of them.
        if last >= 0, equals(Int(last), bytes) { return last }
        let hash = ByteInterner.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == hash, equals(id, bytes) {
                last = Int32(id)
                return last
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        hashes.append(hash)
        slots[slot] = id + 1
        if count * 2 > slots.count { grow() }
        last = id
        return id
    }

    /// The value of `id` as a string.
    public func string(_ id: Int32) -> String {
        let range = offsets[Int(id)]..<offsets[Int(id) + 1]
        return String(decoding: arena[range], as: UTF8.self)
    }

    /// Every value, in id order.
    public var strings: [String] { (0..<count).map { string(Int32($0)) } }

    /// Every value's `key(of:)`, in id order (computed when interned).
    public var keys: [UInt64] { hashes }

    /// A 64-bit key of `bytes`, the same in every run: the derived facts cache
    /// (RobinAnalytics' `IDSpace`) stores it to recognise a person, desk or row
    /// across files, and checks that the function has not changed
    /// (`IDSpace.keyProbe`) before it trusts a stored key.
    public static func key(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { hash(bytes) }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[id], length = offsets[id + 1] - start
        guard length == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            length == 0 || memcmp(arena.baseAddress! + start, bytes.baseAddress!, length) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for id in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }

    /// FNV-1a over 8-byte words with a final mix: fast for the short values of
    /// exports (ids, emails) and well spread for open addressing.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            h = (h ^ word) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        while i < n {
            h = (h ^ UInt64(base[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}
