import RobinExports
import RobinModel

/// The analytics stage: exports in, `Metrics` out. Names, emails and titles do
/// not get past this point (the tables hold ids only; departments below
/// `min_group_size` are folded).
public struct Analyzer: Sendable {
    public let settings: Settings

    public init(settings: Settings) {
        self.settings = settings
    }

    /// Every metric of METRICS.md for `period` alone, with its `capacity` and
    /// `colocation` (previous = nil, no insights, forward = nil: see
    /// `metrics(desks:events:period:trend:isAtHand:forward:)`).
    public func metrics(desks: DeskTable, events: EventTable, period: Period) throws(AnalysisError) -> Metrics {
        let calendar = PeriodCalendar(period: period, settings: settings)
        let desk = try DeskAnalysis(table: desks, calendar: calendar, settings: settings).run()
        return Metrics(
            period: period, workdays: calendar.workdays, desks: desk.metrics,
            rooms: try RoomAnalysis(table: events, calendar: calendar, settings: settings).run(),
            colocation: desk.colocation, capacity: desk.capacity)
    }
}
