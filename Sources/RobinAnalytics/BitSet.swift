/// A fixed-size set of small integers: the distinct-counting workhorse
/// (persons, desks, person-days, desk-days per group) at one bit each.
struct BitSet: Sendable {
    private(set) var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    @inline(__always)
    mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Members in `range`.
    func count(in range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        var total = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let word = index >> 6, bit = index & 63
            let take = min(64 - bit, range.upperBound - index)
            let mask: UInt64 = take == 64 ? ~0 : ((1 << UInt64(take)) - 1) << UInt64(bit)
            total += (words[word] & mask).nonzeroBitCount
            index += take
        }
        return total
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    mutating func formUnion(_ other: BitSet) {
        formUnion(words: other.words)
    }

    /// Adds the members of `other`'s words (a set over the same ids, possibly shorter).
    mutating func formUnion(words other: [UInt64]) {
        words.withUnsafeMutableBufferPointer { words in
            for index in other.indices { words[index] |= other[index] }
        }
    }

    /// Removes every member, keeping the size.
    mutating func removeAll() {
        words.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// True when there is no member.
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Calls `body` with each member, ascending.
    func forEach(_ body: (Int) -> Void) {
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                body(wordIndex << 6 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
    }
}
