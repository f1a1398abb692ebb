/// A set of local ids (persons, desks, rooms, hosts of one `IDSpace`), kept
/// in the smaller of two forms: the bit words over the whole space (a
/// department's people on a busy day) or the sorted members (a floor's desks);
/// a single member without an array (a room's own id in its `by_space` group:
/// most of a day's sets, and an allocation each).
struct IDSet: Sendable, Equatable {
    enum Storage: Sendable, Equatable {
        /// Bit `i` of word `i / 64` set for member `i`.
        case words([UInt64])
        /// Members, ascending (never exactly one: that is `one`).
        case sorted([UInt32])
        /// The only member.
        case one(UInt32)
    }

    private(set) var storage: Storage
    /// Number of members.
    let count: Int

    static let empty = IDSet(storage: .sorted([]), count: 0)

    init(storage: Storage, count: Int) {
        self.storage = storage
        self.count = count
    }

    /// The members of `bits`, in whichever form is smaller.
    init(_ bits: BitSet) {
        self.init(words: bits.words)
    }

    /// The members of bit words (bit `i` of word `i / 64` for member `i`), in whichever form is smaller.
    init(words: [UInt64]) {
        let dense = IDSet(storage: .words(words), count: words.reduce(0) { $0 + $1.nonzeroBitCount })
        guard !Self.wordsAreSmaller(count: dense.count, wordCount: words.count) else {
            self = dense
            return
        }
        var members: [UInt32] = []
        members.reserveCapacity(dense.count)
        dense.forEach { members.append(UInt32($0)) }
        self.init(sorted: members)
    }

    /// Distinct members, ascending, below `capacity`, in whichever form is smaller.
    init(sortedDistinct members: [UInt32], capacity: Int) {
        let wordCount = (capacity + 63) / 64
        if Self.wordsAreSmaller(count: members.count, wordCount: wordCount) {
            self.init(storage: .words(Self.words(of: members, wordCount: wordCount)), count: members.count)
        } else {
            self.init(sorted: members)
        }
    }

    /// The members, ascending.
    init(sorted members: [UInt32]) {
        self.init(storage: members.count == 1 ? .one(members[0]) : .sorted(members), count: members.count)
    }

    /// Whether `count` members take no more room as bit words (8 bytes per 64 ids) than as a list (4 bytes each).
    static func wordsAreSmaller(count: Int, wordCount: Int) -> Bool { count * 32 >= wordCount * 64 }

    /// The bit words of `members` over `wordCount` words.
    static func words(of members: [UInt32], wordCount: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: wordCount)
        for member in members { words[Int(member) >> 6] |= 1 << UInt64(member & 63) }
        return words
    }

    /// Calls `body` with each member, ascending.
    @inline(__always)
    func forEach(_ body: (Int) -> Void) {
        switch storage {
        case .words(let words):
            for (wordIndex, word) in words.enumerated() where word != 0 {
                var remaining = word
                while remaining != 0 {
                    body(wordIndex << 6 + remaining.trailingZeroBitCount)
                    remaining &= remaining - 1
                }
            }
        case .sorted(let members):
            for member in members { body(Int(member)) }
        case .one(let member):
            body(Int(member))
        }
    }

    /// Adds the members to `bits` through `map` (local id -> combined id); with
    /// no map (the ids are already the combined ones) whole words at a time.
    @inline(__always)
    func insert(into bits: inout BitSet, map: UnsafeBufferPointer<Int32>?) {
        if let map {
            forEach { bits.insert(Int(map[$0])) }
        } else if case .words(let words) = storage {
            bits.formUnion(words: words)
        } else {
            forEach { bits.insert($0) }
        }
    }
}

/// Collects one group's ids on one date for its `IDSet`: a short list while
/// the group is small (a room's own id, a quiet floor's desks), bit words over
/// the whole id space once it is not. A day has thousands of small groups
/// (`by_space`): a bit set each over every room was most of the time and
/// memory of building facts (docs/performance.md).
struct IDCollector {
    /// Ids below this.
    let capacity: Int
    /// While sparse: the ids inserted, unsorted, repeats possible (not of the last one).
    private var members: [UInt32] = []
    /// Once dense: bit `i` of word `i / 64` set for member `i`.
    private var words: [UInt64] = []
    private var last = -1
    /// Appends before the list is compacted; dense when half of it is distinct.
    private static let limit = 32

    init(capacity: Int) {
        self.capacity = capacity
    }

    @inline(__always)
    mutating func insert(_ id: Int) {
        if !words.isEmpty {
            words[id >> 6] |= 1 << UInt64(id & 63)
            return
        }
        guard id != last else { return }
        last = id
        members.append(UInt32(truncatingIfNeeded: id))
        if members.count >= Self.limit { compact() }
    }

    /// Drops repeats; bit words when the distinct members still fill half the list.
    private mutating func compact() {
        Self.sortDistinct(&members)
        guard members.count >= Self.limit / 2 else { return }
        words = IDSet.words(of: members, wordCount: (capacity + 63) / 64)
        members = []
    }

    /// The members, in the form `IDSet(BitSet)` of the same members has.
    func finished() -> IDSet {
        if !words.isEmpty {
            return IDSet(words: words)
        }
        var distinct = members
        Self.sortDistinct(&distinct)
        return IDSet(sortedDistinct: distinct, capacity: capacity)
    }

    /// Sorts a short list (at most `limit`: insertion sort) and drops repeats.
    private static func sortDistinct(_ ids: inout [UInt32]) {
        ids.withUnsafeMutableBufferPointer { ids in
            for index in ids.indices.dropFirst() {
                let id = ids[index]
                var slot = index
                while slot > 0, ids[slot - 1] > id {
                    ids[slot] = ids[slot - 1]
                    slot -= 1
                }
                ids[slot] = id
            }
        }
        var kept = 0
        for index in ids.indices where kept == 0 || ids[index] != ids[kept - 1] {
            ids[kept] = ids[index]
            kept += 1
        }
        ids.removeLast(ids.count - kept)
    }
}
