/// A set of local ids (persons, desks, rooms, hosts of one `IDSpace`), kept
/// in the smaller of two forms: the bit words over the whole space (a
/// department's people on a busy day) or the sorted members (a floor's desks).
struct IDSet: Sendable, Equatable {
    enum Storage: Sendable, Equatable {
        /// Bit `i` of word `i / 64` set for member `i`.
        case words([UInt64])
        /// Members, ascending.
        case sorted([UInt32])
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
        let count = bits.count
        self.count = count
        if count * 32 >= bits.words.count * 64 {
            storage = .words(bits.words)
        } else {
            var members: [UInt32] = []
            members.reserveCapacity(count)
            bits.forEach { members.append(UInt32($0)) }
            storage = .sorted(members)
        }
    }

    /// The members, ascending.
    init(sorted members: [UInt32]) {
        self.init(storage: .sorted(members), count: members.count)
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
