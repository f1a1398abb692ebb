/// A fixed discrete distribution over `values`, sampled with one random draw.
struct WeightedTable<Value: Sendable>: Sendable {
    private let values: [Value]
    private let cumulative: [Int]

    /// `entries`: (value, integer weight > 0), in a fixed order (the order is part of determinism).
    init(_ entries: [(Value, Int)]) {
        var total = 0
        var cumulative: [Int] = []
        for (_, weight) in entries {
            total += weight
            cumulative.append(total)
        }
        self.values = entries.map(\.0)
        self.cumulative = cumulative
    }

    @inline(__always)
    func pick(_ rng: inout SplitMix64) -> Value {
        let draw = rng.below(cumulative[cumulative.count - 1])
        var index = 0
        while cumulative[index] <= draw { index += 1 }
        return values[index]
    }
}
