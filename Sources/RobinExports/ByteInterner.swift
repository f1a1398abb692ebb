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
    /// The id returned last, -1 before the first, and its bytes' first word and
    /// length: exports repeat a value on consecutive rows (same building, floor,
    /// room), and most values differ from the last one in their first 8 bytes.
    private var last: Int32 = -1
    private var lastPrefix: UInt64 = 0
    private var lastCount = -1

    public init(expectedCount: Int = 64) {
        var size = 16
        while size < expectedCount * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Number of distinct values interned.
    public var count: Int { offsets.count - 1 }

    /// The id of `bytes`, adding it when new.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let prefix = ByteInterner.prefix(bytes)
        if bytes.count == lastCount, prefix == lastPrefix, bytes.count <= 8 || equals(Int(last), bytes) {
            return last
        }
        return lookUp(bytes, prefix: prefix)
    }

    private mutating func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, prefix: UInt64) -> Int32 {
        let hash = ByteInterner.hash(bytes)
        let mask = self.mask
        let found: Int32 = slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return -1 - Int32(slot) }
                    let id = Int(entry - 1)
                    if hashes[id] == hash, equals(id, bytes) { return Int32(id) }
                    slot = (slot + 1) & mask
                }
            }
        }
        let id: Int32
        if found >= 0 {
            id = found
        } else {
            id = Int32(count)
            arena.append(contentsOf: bytes)
            offsets.append(arena.count)
            hashes.append(hash)
            slots[Int(-1 - found)] = id + 1
            if count * 2 > slots.count { grow() }
        }
        last = id
        lastPrefix = prefix
        lastCount = bytes.count
        return id
    }

    /// The value of `id` as a string.
    public func string(_ id: Int32) -> String {
        let range = offsets[Int(id)]..<offsets[Int(id) + 1]
        return String(decoding: arena[range], as: UTF8.self)
    }

    /// Every value, in id order.
    public var strings: [String] { (0..<count).map { string(Int32($0)) } }

    /// The id of each of `other`'s values here (interning the new ones), by
    /// `other`'s id: how a file's names join the table of all files.
    mutating func ids(of other: ByteInterner) -> [Int32] {
        other.arena.withUnsafeBufferPointer { arena in
            (0..<other.count).map { id in
                let start = other.offsets[id]
                return intern(UnsafeBufferPointer(rebasing: arena[start..<other.offsets[id + 1]]))
            }
        }
    }

    /// Every value's `key(of:)`, in id order (computed when interned).
    public var keys: [UInt64] { hashes }

    /// A 64-bit key of `bytes`, the same in every run: the derived facts cache
    /// (RobinAnalytics' `IDSpace`) stores it to recognise a person, desk or row
    /// across files, and checks that the function has not changed
    /// (`IDSpace.keyProbe`) before it trusts a stored key.
    public static func key(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { hash(bytes) }

    @inline(__always)
    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        offsets.withUnsafeBufferPointer { offsets in
            let start = offsets[id], length = offsets[id + 1] - start
            guard length == bytes.count else { return false }
            return length == 0 || arena.withUnsafeBufferPointer { arena in
                ByteInterner.same(arena.baseAddress! + start, bytes.baseAddress!, length)
            }
        }
    }

    /// Whether `count` bytes at `a` and `b` are equal: word by word (values are
    /// short, a `memcmp` call costs more than the compare).
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// The first (up to) 8 bytes as a word, zero-padded.
    @inline(__always)
    static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        if bytes.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        var word: UInt64 = 0
        for i in 0..<bytes.count { word |= UInt64(base[i]) << (8 * UInt64(i)) }
        return word
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
