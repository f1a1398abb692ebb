import RobinSynthetic

/// Faults drawn at random: each request misbehaves with probability `rate`,
/// showing one of `kinds` (a download-body fault only on the GET of a ready
/// export). Seeded, so a run's sequence of draws is reproducible; which request
/// gets which draw still depends on the order requests arrive in.
public struct RandomFaults: Sendable {
    /// Probability per request, 0...1.
    public var rate: Double
    /// What a faulty request shows.
    public var kinds: [SimulatedFault]
    private var random: SplitMix64

    /// The faults a whole-job test survives by retrying: 429 (Retry-After 1),
    /// 500, 503, resets, cut bodies with and without Content-Length, and
    /// HTML, JSON and empty 200 bodies.
    public static let transientKinds: [SimulatedFault] = [
        .tooManyRequests(retryAfter: 1), .serverError, .status(503), .connectionReset, .truncatedBody,
        .cutWithoutLength, .htmlBody, .jsonBody, .emptyBody,
    ]

    /// Faults at `rate` from `kinds`, drawn from `seed`.
    public init(rate: Double, seed: UInt64, kinds: [SimulatedFault] = RandomFaults.transientKinds) {
        self.rate = min(max(rate, 0), 1)
        self.kinds = kinds
        self.random = SplitMix64(state: seed)
    }

    /// The fault for the next request of `target`, if it draws one.
    mutating func draw(_ target: SimulatedFault.Target, exportReady: Bool) -> SimulatedFault? {
        let roll = Double(random.next() >> 11) / Double(1 << 53)
        let candidates = kinds.filter { kind in
            switch kind {
            case .slowReadiness: target == .post
            case .truncatedBody: target == .post || exportReady
            default: !kind.replacesBody || (target == .get && exportReady)
            }
        }
        guard roll < rate, !candidates.isEmpty else { return nil }
        return candidates[Int(random.next() % UInt64(candidates.count))]
    }
}
