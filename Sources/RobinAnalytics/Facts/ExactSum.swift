/// A sum of doubles kept exactly, so that the order in which rows, days and
/// files are added cannot change a bit of the result: `value` is the exact sum
/// rounded once (to nearest, ties to even), whatever the grouping.
///
/// Values that are whole multiples of 2^-20 (whole minutes and hours, halves,
/// quarters: nearly every duration) add to a fixed-point integer; any other
/// value goes to Shewchuk's non-overlapping partials (the algorithm of
/// Python's `math.fsum`), which hold the exact remainder in a few doubles.
/// Every input is finite (the reader caps each value, docs/metrics.md "Ranges").
struct ExactSum: Sendable, Equatable {
    /// The fixed-point part, in units of 2^-20.
    private(set) var fixed: Int64 = 0
    /// The rest, exactly: non-overlapping, increasing in magnitude.
    private(set) var partials: [Double] = []

    static let scale = 1_048_576.0  // 2^20
    /// Whole multiples of 2^-20 below this magnitude use the fixed-point part (2^40 in units).
    static let fixedLimit = 1_099_511_627_776.0

    init() {}

    /// A sum restored from its parts (the facts cache).
    init(fixed: Int64, partials: [Double]) {
        self.fixed = fixed
        self.partials = partials
    }

    /// True when nothing but zeros was added.
    var isZero: Bool { fixed == 0 && partials.allSatisfy { $0 == 0 } }

    @inline(__always)
    mutating func add(_ x: Double) {
        let scaled = x * Self.scale
        if scaled.magnitude < Self.fixedLimit, scaled == scaled.rounded(.towardZero) {
            let (sum, overflow) = fixed.addingReportingOverflow(Int64(scaled))
            if !overflow {
                fixed = sum
                return
            }
        }
        addPartial(x)
    }

    mutating func add(_ other: ExactSum) {
        let (sum, overflow) = fixed.addingReportingOverflow(other.fixed)
        if overflow {
            addFixed(other.fixed)
        } else {
            fixed = sum
        }
        for partial in other.partials where partial != 0 { addPartial(partial) }
    }

    /// The exact sum, rounded once.
    var value: Double {
        var copy = self
        copy.addFixed(copy.fixed)
        copy.fixed = 0
        return Self.rounded(copy.partials)
    }

    /// Moves `units` (2^-20 each) into the partials, in two exact doubles.
    private mutating func addFixed(_ units: Int64) {
        let high = units & ~0xFFFF_FFFF, low = units & 0xFFFF_FFFF
        addPartial(Double(high) / Self.scale)
        addPartial(Double(low) / Self.scale)
    }

    /// Shewchuk's grow-expansion: every `two-sum` error term is kept.
    private mutating func addPartial(_ value: Double) {
        var x = value
        var kept = 0
        for index in partials.indices {
            var y = partials[index]
            if x.magnitude < y.magnitude { swap(&x, &y) }
            let high = x + y
            let low = y - (high - x)
            if low != 0 {
                partials[kept] = low
                kept += 1
            }
            x = high
        }
        partials.removeSubrange(kept...)
        partials.append(x)
    }

    /// The correctly rounded sum of non-overlapping partials (CPython's `math_fsum` ending).
    private static func rounded(_ partials: [Double]) -> Double {
        var n = partials.count
        guard n > 0 else { return 0 }
        n -= 1
        var high = partials[n]
        var low = 0.0
        while n > 0 {
            let x = high
            n -= 1
            let y = partials[n]
            high = x + y
            low = y - (high - x)
            if low != 0 { break }
        }
        // Half-way cases: the partials below decide the direction of the rounding.
        if n > 0, (low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0) {
            let y = low * 2
            let x = high + y
            if y == x - high { high = x }
        }
        return high
    }
}
