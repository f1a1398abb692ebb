import RobinAnalytics
import RobinExports
import RobinModel
import RobinRender

/// Puts one report's input together from what the stages before the renderer
/// produced: the trend's metrics, the tables read and the days they came from.
/// `ReportJob` uses it for every report it renders, and the render tests for
/// their fixtures, so both hand the renderer the same shape of input.
public struct ReportAssembly: Sendable {
    /// The report's period.
    public var period: ReportPeriod
    /// The trend periods, oldest first, ending with `period`.
    public var trend: [ReportPeriod]
    /// The settings the figures were computed with.
    public var settings: Settings
    /// The local dates of the desk files read, in date order (the data-window footer).
    public var desksRead: [LocalDate]
    /// The local dates of the spaces files read, in date order.
    public var spacesRead: [LocalDate]
    /// Days read that are still provisional, per kind (see `ReportInput.provisionalDays`).
    public var provisionalDays: [(kind: ExportKind, dates: [LocalDate])]

    public init(period: ReportPeriod, trend: [ReportPeriod], settings: Settings, desksRead: [LocalDate],
                spacesRead: [LocalDate], provisionalDays: [(kind: ExportKind, dates: [LocalDate])] = []) {
        self.period = period
        self.trend = trend
        self.settings = settings
        self.desksRead = desksRead
        self.spacesRead = spacesRead
        self.provisionalDays = provisionalDays
    }

    /// The input of the report on `exports` whose trend metrics are `metrics`
    /// (one per `trend` period, the last the period's own), for `audience`
    /// (nil = the organisation).
    public func input(exports: Exports, metrics: [Metrics?], audience: AudienceLabel? = nil) -> ReportInput {
        // The buildings of the rows read (an audience's only), each with the time zone it was read in.
        let buildings = Set(exports.desks.records.map { exports.desks.buildings[Int($0.building)] }
                            + exports.events.records.map { exports.events.buildings[Int($0.building)] }).sorted()
        return input(buildings: buildings, desksRead: Self.window(exports.desks.stats, days: desksRead),
                     eventsRead: Self.window(exports.events.stats, days: spacesRead), metrics: metrics, audience: audience)
    }

    /// The input of the report whose trend metrics are `metrics`, combined from
    /// `facts` (the organisation's or an audience's), the day facts of the
    /// export files `desks` and `spaces` (the organisation's: what was read).
    public func input(facts: FactBook, desks: [ExportFileFacts], spaces: [ExportFileFacts], metrics: [Metrics?],
                      audience: AudienceLabel? = nil) -> ReportInput {
        input(buildings: facts.buildings, desksRead: Self.window(desks, days: desksRead),
              eventsRead: Self.window(spaces, days: spacesRead), metrics: metrics, audience: audience)
    }

    private func input(buildings: [String], desksRead: DataWindow, eventsRead: DataWindow, metrics: [Metrics?],
                       audience: AudienceLabel?) -> ReportInput {
        precondition(metrics.count == trend.count && metrics.last! != nil, "one metrics per trend period, the period's own last")
        var current = metrics.last!!
        current.audience = audience
        return ReportInput(
            period: period, metrics: current, trend: Array(zip(trend, metrics)).map { ($0.0, $0.1) },
            desksRead: desksRead, eventsRead: eventsRead,
            timeZones: buildings.map { ($0, settings.timeZone(ofBuilding: $0)) },
            organizationTimeZone: settings.timeZone, settings: settings, provisionalDays: provisionalDays)
    }

    static func window(_ stats: ReadStats, days: [LocalDate]) -> DataWindow {
        DataWindow(files: stats.files.count, rows: stats.rowsRead, duplicates: stats.duplicates,
                   first: days.first, last: days.last)
    }

    static func window(_ files: [ExportFileFacts], days: [LocalDate]) -> DataWindow {
        DataWindow(files: files.count, rows: files.reduce(0) { $0 + $1.rowsRead },
                   duplicates: files.reduce(0) { $0 + $1.duplicates }, first: days.first, last: days.last)
    }
}
