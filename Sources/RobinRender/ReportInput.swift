import RobinModel

/// Everything a report is made from: the analytics stage's metrics plus what
/// the footer says about the data.
public struct ReportInput: Sendable {
    public var period: ReportPeriod
    /// The period's metrics, with `previous` filled when its data was at hand.
    public var metrics: Metrics
    /// Up to eight periods ending with this one (oldest first) for the trends; nil where the cache lacks data.
    public var trend: [(period: ReportPeriod, metrics: Metrics?)]
    /// What reading the exports found.
    public var desksRead: DataWindow
    public var eventsRead: DataWindow
    /// Time zone per building (and the org's), as used.
    public var timeZones: [(building: String, zone: String)]
    public var organizationTimeZone: String
    public var settings: Settings
    /// Cached days read for this report that were fetched before Robin settled
    /// them (or are today or later), per export kind, in date order; fetched
    /// again by the next run.
    public var provisionalDays: [(kind: ExportKind, dates: [LocalDate])]

    /// The audience the report is for (`metrics.audience`); nil = the whole organisation.
    public var audience: AudienceLabel? { metrics.audience }

    public init(period: ReportPeriod, metrics: Metrics, trend: [(period: ReportPeriod, metrics: Metrics?)],
                desksRead: DataWindow, eventsRead: DataWindow, timeZones: [(building: String, zone: String)],
                organizationTimeZone: String, settings: Settings,
                provisionalDays: [(kind: ExportKind, dates: [LocalDate])] = []) {
        self.period = period
        self.metrics = metrics
        self.trend = trend
        self.desksRead = desksRead
        self.eventsRead = eventsRead
        self.timeZones = timeZones
        self.organizationTimeZone = organizationTimeZone
        self.settings = settings
        self.provisionalDays = provisionalDays
    }
}

/// What was read from one kind of export (for the data-window footer).
public struct DataWindow: Sendable, Equatable {
    /// Export files (daily exports) read.
    public var files: Int
    /// Rows read, before de-duplication.
    public var rows: Int
    /// Rows that repeated an earlier one (overlapping daily exports).
    public var duplicates: Int
    /// First and last date of the exports read.
    public var first: LocalDate?
    public var last: LocalDate?

    public init(files: Int, rows: Int, duplicates: Int, first: LocalDate? = nil, last: LocalDate? = nil) {
        self.files = files
        self.rows = rows
        self.duplicates = duplicates
        self.first = first
        self.last = last
    }
}
