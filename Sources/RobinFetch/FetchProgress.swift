/// A snapshot of a running fetch, for a progress display.
public struct FetchProgress: Sendable, Hashable {
    /// Exports in the period (days x kinds).
    public var total: Int
    /// Exports taken from the cache without a request.
    public var fromCache: Int
    /// Exports Robin accepted (POST answered with an export id).
    public var requested: Int
    /// Exports downloaded and stored.
    public var ready: Int
    /// Time until the limiter allows the next POST; zero when a slot is free.
    public var nextPostIn: Duration

    /// A snapshot with these counts.
    public init(total: Int, fromCache: Int, requested: Int, ready: Int, nextPostIn: Duration) {
        self.total = total
        self.fromCache = fromCache
        self.requested = requested
        self.ready = ready
        self.nextPostIn = nextPostIn
    }

    /// Exports neither cached nor stored yet.
    public var remaining: Int { total - fromCache - ready }
}
