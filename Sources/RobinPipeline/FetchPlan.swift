import RobinFetch
import RobinModel

/// What a report run asks Robin for before it reads the cache: one range of
/// days (the trend's periods, the previous one and this one, a day more on
/// each side, up to today), and how many daily exports of it are to fetch.
public struct FetchPlan: Sendable, Equatable {
    /// The days handed to the fetcher; nil when none is on or before today.
    public var days: Period?
    /// Daily exports (days x kinds) the fetcher will request.
    public var exports: Int

    /// The plan for `days` against `cache` on `today`.
    public init(days: Period?, cache: ExportCache, today: LocalDate) {
        self.days = days
        self.exports = days.map { Self.exportsToFetch(in: $0, cache: cache, today: today) } ?? 0
    }

    /// The daily exports a fetch of `days` requests: the days the cache lacks,
    /// and today and later days, which the fetcher always fetches again. The
    /// one place that counts them, to follow the fetcher's rule for which
    /// cached days it fetches again.
    static func exportsToFetch(in days: Period, cache: ExportCache, today: LocalDate) -> Int {
        ExportKind.allCases.reduce(0) { count, kind in
            let missing = cache.missingDays(kind: kind, in: days)
            let refetched = days.dates.filter { $0 >= today && cache.contains(kind: kind, date: $0) }
            return count + missing.count + refetched.count
        }
    }

    /// The line printed before fetching, e.g. `fetching 126 daily exports
    /// (2026-09-27 to 2026-11-23) the cache lacks: about 5 minutes at 30 POSTs
    /// a minute`. `postLimit` POSTs per `postWindow` is the fetcher's budget.
    public func announcement(postLimit: Int, postWindow: Duration) -> String? {
        guard exports > 0, let days else { return nil }
        let windows = Double(exports) / Double(max(postLimit, 1))
        let seconds = windows * Double(postWindow.components.seconds)
        let minutes = Int((seconds / 60).rounded())
        let rate = postWindow == .seconds(60) ? "\(postLimit) POSTs a minute" : "\(postLimit) POSTs per \(postWindow.components.seconds) s"
        let time = seconds < 60 ? "under a minute" : minutes == 1 ? "about a minute" : "about \(minutes) minutes"
        return "fetching \(exports) daily exports (\(days.from) to \(days.to)) the cache lacks: \(time) at \(rate)"
    }
}
