import RobinExports
import RobinModel

extension Analyzer {
    /// The 7 local dates after a period, whose desk bookings `forward` reports.
    public struct ForwardWindow: Sendable, Equatable {
        /// The dates: the 7 days after the period.
        public var period: Period
        /// Whether the desk exports of all 7 days are at hand; when not, `forward` is null.
        public var complete: Bool

        /// The window after `period`.
        public init(after period: Period, complete: Bool) {
            self.period = Period(from: period.to.adding(days: 1), to: period.to.adding(days: 7))!
            self.complete = complete
        }
    }

    /// The period's metrics with `previous`, `insights` and `forward` filled
    /// (METRICS.md "Insights"); see `trendMetrics` for the parameters.
    public func metrics(desks: DeskTable, events: EventTable, period: Period, trend: [Period],
                        isAtHand: (Period) -> Bool = { _ in true },
                        forward: ForwardWindow? = nil) throws(AnalysisError) -> Metrics {
        try trendMetrics(desks: desks, events: events, period: period, trend: trend, isAtHand: isAtHand,
                         forward: forward).last!!
    }

    /// Every trend period's metrics, the last being the period's own with
    /// `previous`, `insights` and `forward` filled. The periods before
    /// `previous` have no `rooms.by_space` (nothing reads their room list).
    ///
    /// The rows are analysed once, into the facts of every date the trend
    /// needs; each period is combined from its dates (the insights use their
    /// figures only).
    /// - Parameters:
    ///   - period: the report's period.
    ///   - trend: the trend periods, oldest first, ending with `period` (appended when it
    ///     does not); the caller chooses the steps (calendar weeks or months, or
    ///     same-length ranges). `previous` is the one before `period`; movers' baselines
    ///     use those before `previous`; low days use them all.
    ///   - isAtHand: whether a trend period's exports are all at hand; one that is not
    ///     is nil in the result and left out (`period` itself is always analysed).
    ///   - forward: the window after the period, for `forward` and busy days; nil or
    ///     incomplete = `forward` null.
    /// - Returns: one entry per trend period (with `period` last), nil where not at hand.
    public func trendMetrics(desks: DeskTable, events: EventTable, period: Period, trend: [Period],
                             isAtHand: (Period) -> Bool = { _ in true },
                             forward: ForwardWindow? = nil) throws(AnalysisError) -> [Metrics?] {
        let periods = trend.last == period ? trend : trend + [period]
        var needed = periods.dropLast().filter(isAtHand) + [period]
        if let forward, forward.complete { needed.append(forward.period) }
        let days = needed.map(\.from).min()!...needed.map(\.to).max()!
        return trendMetrics(facts: try facts(desks: desks, events: events, days: days), period: period, trend: trend,
                            isAtHand: isAtHand, forward: forward)
    }

    /// The trend periods whose rooms are combined one by one (`by_space`): the
    /// period and the one before it (metrics.json's `previous`); nothing reads
    /// the other periods' room lists. A caller that loads facts without their
    /// `by_space` groups (`FactsCodec.decode(_:spaceDays:)`) must keep these periods' dates.
    public static func periodsWithSpaces(period: Period, trend: [Period]) -> [Period] {
        Array((trend.last == period ? trend : trend + [period]).suffix(2))
    }

    /// Every trend period's metrics combined from `book` (see
    /// `trendMetrics(desks:events:period:trend:isAtHand:forward:)`): no row is
    /// read again, each period is the combination of its dates' facts.
    public func trendMetrics(facts book: FactBook, period: Period, trend: [Period],
                             isAtHand: (Period) -> Bool = { _ in true },
                             forward: ForwardWindow? = nil) -> [Metrics?] {
        let periods = trend.last == period ? trend : trend + [period]
        let ids = book.combinedIDs
        // Each period is combined on its own, so they are combined on every core.
        let wanted = periods.dropLast().filter(isAtHand) + [period]
        let withSpaces = Self.periodsWithSpaces(period: period, trend: trend)
        let combined = ParallelMap.map(wanted) { candidate in
            metrics(facts: book, period: candidate, ids: ids, spaces: withSpaces.contains(candidate))
        }
        var results: [Metrics?] = periods.map { candidate in wanted.firstIndex(of: candidate).map { combined[$0] } }
        var current = results.removeLast()!
        current.previous = results.last.flatMap { $0.map(Metrics.Previous.init) }
        if let forward, forward.complete {
            current.forward = ForwardAnalysis(window: forward.period, settings: settings)
                .run(desks: current.desks, days: book.desks(in: forward.period, from: book.desks))
        }
        current.insights = InsightSearch(settings: settings).insights(current: current, trend: results + [current])
        results.append(current)
        return results
    }
}
