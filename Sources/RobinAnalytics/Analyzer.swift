import RobinExports
import RobinModel

/// The analytics stage: exports in, `Metrics` out. Names, emails and titles do
/// not get past this point (the tables hold ids only; departments below
/// `min_group_size` are folded).
public struct Analyzer: Sendable {
    public let settings: Settings
    /// The desk rows whose attended days count toward `policy_adherence`
    /// (METRICS.md: days "in the whole org"); nil = the rows analysed. An
    /// audience's report analyses its own rows but passes the organisation's
    /// here, so that a person in London two days and in Singapore one is
    /// judged on three days, as in the organisation's report.
    public var policyDesks: DeskTable?

    public init(settings: Settings, policyDesks: DeskTable? = nil) {
        self.settings = settings
        self.policyDesks = policyDesks
    }

    /// Every metric of METRICS.md for `period` alone, with its `capacity` and
    /// `colocation` (previous = nil, no insights, forward = nil: see
    /// `metrics(desks:events:period:trend:isAtHand:forward:)`).
    public func metrics(desks: DeskTable, events: EventTable, period: Period) throws(AnalysisError) -> Metrics {
        let calendar = PeriodCalendar(period: period, settings: settings)
        let desk = try DeskAnalysis(table: desks, calendar: calendar, settings: settings, policyTable: policyDesks).run()
        return Metrics(
            period: period, workdays: calendar.workdays, desks: desk.metrics,
            rooms: try RoomAnalysis(table: events, calendar: calendar, settings: settings).run(),
            colocation: desk.colocation, capacity: desk.capacity)
    }
}
