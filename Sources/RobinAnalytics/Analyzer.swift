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

    /// Every metric of METRICS.md for `period` (previous = nil).
    public func metrics(desks: DeskTable, events: EventTable, period: Period) throws(AnalysisError) -> Metrics {
        let calendar = PeriodCalendar(period: period, workweek: settings.workweek)
        return Metrics(
            period: period, workdays: calendar.workdays,
            desks: try DeskAnalysis(table: desks, calendar: calendar, settings: settings).run(),
            rooms: try RoomAnalysis(table: events, calendar: calendar, settings: settings).run())
    }
}
