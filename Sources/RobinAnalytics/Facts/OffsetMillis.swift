/// A room group's business-hour milliseconds by date offset (0 = the facts'
/// date, 1 = the next, ...), the first held inline: a meeting rarely runs
/// past its own date, and an array per group and date was an allocation
/// each (most of them `by_space` groups: about 5,000 a day for 20,000 people).
struct OffsetMillis: RandomAccessCollection, MutableCollection, Sendable, Equatable {
    private(set) var count = 0
    /// Offset 0's value (0 while `count` is 0).
    private var head: Int64 = 0
    /// Offsets 1 ..< count.
    private var later: [Int64] = []

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(offset: Int) -> Int64 {
        get {
            precondition(offset >= 0 && offset < count, "offset out of range")
            return offset == 0 ? head : later[offset - 1]
        }
        set {
            precondition(offset >= 0 && offset < count, "offset out of range")
            if offset == 0 { head = newValue } else { later[offset - 1] = newValue }
        }
    }

    /// Adds `value` at offset `count`.
    mutating func append(_ value: Int64) {
        if count == 0 { head = value } else { later.append(value) }
        count += 1
    }

    /// Zeros up to `newCount` offsets (nothing when there are as many).
    mutating func extend(to newCount: Int) {
        while count < newCount { append(0) }
    }
}
