/// How hard the fetcher retries what may succeed on a second try.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per request (POST or GET) on 5xx, timeouts, resets and
    /// truncated bodies, counting the first; then the fetch fails.
    public var maxAttempts: Int
    /// First backoff; it doubles on each further failure.
    public var baseDelay: Duration
    /// Cap on one backoff.
    public var maxDelay: Duration
    /// 429 answers tolerated per export before giving up.
    public var maxRateLimited: Int

    /// Defaults: 5 attempts, backoff from 1 s doubling up to 60 s, 20 answers 429 per export.
    public init(maxAttempts: Int = 5, baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(60), maxRateLimited: Int = 20) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRateLimited = maxRateLimited
    }

    /// The wait after the `failure`-th consecutive failure (1-based):
    /// exponential with "equal jitter", i.e. uniformly between half and all of
    /// `baseDelay * 2^(failure-1)`, capped at `maxDelay`. Jitter keeps many
    /// exports that failed together from retrying together.
    public func backoff(afterFailure failure: Int) -> Duration {
        let exponent = Double(min(max(failure - 1, 0), 30))
        let base = min(baseDelay.seconds * pow2(exponent), maxDelay.seconds)
        return .seconds(base / 2 + Double.random(in: 0...(base / 2)))
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(exponent) { value *= 2 }
        return value
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
