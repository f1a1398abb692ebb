import Foundation
import RobinModel

/// What a fetch of a period will request, worked out from the cache before
/// any request: every missing or provisional day of each kind. `report
/// --history` shows it first ("N exports, about M minutes").
public struct FetchPlan: Sendable, Hashable {
    /// One export to request.
    public struct Export: Sendable, Hashable {
        /// desks or spaces.
        public var kind: ExportKind
        /// The local day.
        public var date: LocalDate
        /// Its state in the cache now: `.missing` or `.provisional`.
        public var state: DayState
    }

    /// The exports to request, earlier days first.
    public var exports: [Export]
    /// Exports of the period that are final in the cache and not requested.
    public var final: Int
    /// POSTs allowed per `postWindow` (the fetch's budget).
    public var postLimit: Int
    /// The rolling window of `postLimit`.
    public var postWindow: Duration

    /// Number of exports to request (one POST each, retries aside).
    public var exportCount: Int { exports.count }

    /// Of those, the provisional days fetched again.
    public var provisionalCount: Int {
        exports.filter { if case .provisional = $0.state { return true } else { return false } }.count
    }

    /// Roughly how long the POSTs take at the budget: `exportCount` POSTs at
    /// `postLimit` per window (the limiter's 1/60 margin included), the first
    /// window's worth at once. Robin's time to prepare the last exports comes on top.
    public var estimatedDuration: Duration {
        guard exportCount > postLimit else { return .zero }
        let windows = (exportCount - 1) / postLimit
        return (postWindow + postWindow / 60) * windows
    }

    /// The line shown before a fetch, e.g. `fetching 126 daily exports
    /// (2026-09-27 to 2026-11-30; 3 provisional, fetched again): about 4
    /// minutes at 30 POSTs a minute`; nil when there is nothing to fetch.
    public var announcement: String? {
        guard let first = exports.first?.date, let last = exports.last?.date else { return nil }
        let seconds = Double(estimatedDuration.components.seconds)
        let minutes = Int((seconds / 60).rounded())
        let time = seconds < 60 ? "under a minute" : minutes == 1 ? "about a minute" : "about \(minutes) minutes"
        let window = postWindow.components.seconds
        let rate = window == 60 ? "\(postLimit) POSTs a minute" : "\(postLimit) POSTs per \(window) s"
        let again = provisionalCount == 0 ? "" : "; \(provisionalCount) provisional, fetched again"
        return "fetching \(exportCount) daily export\(exportCount == 1 ? "" : "s") (\(first) to \(last)\(again)): \(time) at \(rate)"
    }
}
