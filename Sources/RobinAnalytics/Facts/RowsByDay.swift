/// A table's rows by local date: each date's row indexes, dates ascending,
/// so that the builders hold the working sets of one date at a time.
struct RowsByDay {
    /// Row indexes, grouped by date (ascending), in table order within a date.
    private(set) var order: [Int32] = []
    /// Each date with rows, and where its rows are in `order`.
    private(set) var days: [(day: Int, rows: Range<Int>)] = []

    /// A row's local date in days since 1970-01-01, or `skipped`.
    static let skipped = Int32.min

    /// - Parameter days: each row's local date, or `skipped` for a row the facts leave out.
    init(days rowDays: [Int32]) {
        var low = Int32.max, high = Int32.min
        for day in rowDays where day != Self.skipped {
            low = min(low, day)
            high = max(high, day)
        }
        guard low <= high else { return }
        let span = Int(high) - Int(low) + 1
        if span <= max(1 << 16, rowDays.count) {
            // Counting sort: stable, one pass to count and one to place.
            var starts = [Int](repeating: 0, count: span + 1)
            for day in rowDays where day != Self.skipped { starts[Int(day - low) + 1] += 1 }
            for index in 0..<span { starts[index + 1] += starts[index] }
            var next = starts
            order = [Int32](repeating: 0, count: starts[span])
            for (row, day) in rowDays.enumerated() where day != Self.skipped {
                order[next[Int(day - low)]] = Int32(row)
                next[Int(day - low)] += 1
            }
            for index in 0..<span where starts[index] < starts[index + 1] {
                days.append((Int(low) + index, starts[index]..<starts[index + 1]))
            }
        } else {
            // Dates far apart (a stray row decades away): sort instead of counting.
            order = rowDays.indices.filter { rowDays[$0] != Self.skipped }.map(Int32.init)
                .sorted { (rowDays[Int($0)], $0) < (rowDays[Int($1)], $1) }
            var start = 0
            while start < order.count {
                let day = rowDays[Int(order[start])]
                var end = start + 1
                while end < order.count, rowDays[Int(order[end])] == day { end += 1 }
                days.append((Int(day), start..<end))
                start = end
            }
        }
    }
}

/// Local wall-clock arithmetic on absolute dates (days since 1970-01-01).
enum LocalClock {
    static let dayMillis: Int64 = 86_400_000
    static let hourMillis: Int64 = 3_600_000

    /// The date of a local wall-clock instant in milliseconds.
    @inline(__always)
    static func day(localMillis: Int64) -> Int {
        Int(localMillis >= 0 ? localMillis / dayMillis : (localMillis - dayMillis + 1) / dayMillis)
    }

    /// Local wall-clock milliseconds at the start of `day`.
    @inline(__always)
    static func startMillis(ofDay day: Int) -> Int64 { Int64(day) * dayMillis }

    /// A date as a row's `Int32` day, or `RowsByDay.skipped` when `wanted` leaves it out.
    @inline(__always)
    static func rowDay(_ day: Int, wanted: ClosedRange<Int>?) -> Int32 {
        if let wanted, !wanted.contains(day) { return RowsByDay.skipped }
        return Int32(clamping: day)
    }
}
