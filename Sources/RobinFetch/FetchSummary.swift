import Foundation

/// What a finished fetch did.
public struct FetchSummary: Sendable, Hashable, CustomStringConvertible {
    /// Exports in the period (days x kinds).
    public var total: Int
    /// Exports final in the cache and not requested.
    public var fromCache: Int
    /// Exports downloaded and stored by this run.
    public var fetched: Int
    /// Of the exports requested, those that were cached but provisional.
    public var refetched: Int
    /// POSTs sent, including ones answered 429 or retried.
    public var postsSent: Int
    /// GETs sent, including 404 polls.
    public var getsSent: Int
    /// Requests retried after 429, 5xx or a transport error.
    public var retries: Int
    /// Bytes written to the cache.
    public var bytesWritten: Int
    /// Wall time of the fetch.
    public var elapsed: Duration
    /// The cache folder of this organisation and location set.
    public var cacheRoot: String

    public var description: String {
        "\(total) exports: \(fetched) fetched (\(refetched) provisional again), \(fromCache) from cache; \(postsSent) POSTs, \(getsSent) GETs, "
            + "\(retries) retries, \(bytesWritten) bytes in \(String(format: "%.1f", elapsed.seconds)) s -> \(cacheRoot)"
    }
}
