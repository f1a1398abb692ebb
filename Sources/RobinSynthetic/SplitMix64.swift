/// Sebastiano Vigna's SplitMix64: tiny, fast, and fully specified, so the same
/// seed gives the same numbers on every machine and Swift version (unlike the
/// standard library's `random(in:using:)`, whose algorithm is not promised).
///
/// The project's one deterministic generator: the synthetic organisation, the
/// simulator's sample data and the property tests all draw from it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    public init(state: UInt64) {
        self.state = state
    }

    /// An independent stream for a tuple of keys (seed, purpose, building, day...):
    /// each key is folded in through the SplitMix finaliser, so neighbouring keys
    /// give unrelated streams.
    public init(keys: UInt64...) {
        var mixed: UInt64 = 0x5851_F42D_4C95_7F2D
        for key in keys {
            mixed = SplitMix64.finalize(mixed ^ SplitMix64.finalize(key &+ 0x9E37_79B9_7F4A_7C15))
        }
        self.state = mixed
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.finalize(state)
    }

    /// Uniform in `0..<bound` (Lemire's multiply-high; the tiny bias is irrelevant here).
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in `range`.
    @inline(__always)
    public mutating func between(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1).
    @inline(__always)
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    @inline(__always)
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
