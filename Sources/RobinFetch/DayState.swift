import Foundation

/// What the cache holds for one day of one export kind.
public enum DayState: Sendable, Hashable {
    /// Not cached (or not as a regular file).
    case missing
    /// Cached, but fetched too early to be final (or today or later); the next
    /// fetch requests it again. `fetchedAt` is nil when its record is unreadable.
    case provisional(fetchedAt: Date?)
    /// Cached and settled: never fetched again.
    case final(fetchedAt: Date)

    /// True when the day's CSV is in the cache (provisional or final).
    public var isCached: Bool { self != .missing }

    /// True for a day a fetch requests (missing or provisional).
    public var needsFetch: Bool {
        if case .final = self { return false }
        return true
    }
}
