/// Everything the configuration file can set (README "Configuration"); every
/// field has a default, so `Settings()` is a valid configuration.
public struct Settings: Sendable, Equatable {
    /// Robin organization id (`org_id`).
    public var organizationID: Int?
    /// Robin location ids to export (`location_ids`); nil = all locations.
    public var locationIDs: [Int]?
    /// The org's time zone, an IANA id (`timezone`, default UTC).
    public var timeZone = "UTC"
    /// Per-building settings by building name as exported (`[buildings."NAME"]`).
    public var buildings: [String: Building] = [:]
    /// ISO weekdays that are workdays, 1 = Monday (`workweek`, default Mon-Fri).
    public var workweek: Set<Int> = [1, 2, 3, 4, 5]
    /// Org-wide closure dates such as public holidays (`closed_dates`, default none): never
    /// workdays, though their rows still count for people and reservations.
    public var closedDates: Set<LocalDate> = []
    /// Business hours in minutes after local midnight (`business_hours`, default 09:00-17:00).
    public var businessHours = BusinessHours(start: 9 * 60, end: 17 * 60)
    /// `policy.days_per_week` (default 3).
    public var daysPerWeek = 3.0
    /// Goals the report compares figures with (`[targets]`); a measure without one is not checked.
    public var targets: [TargetMeasure: Double] = [:]
    /// Departments with fewer people are folded into `(small teams)` (`min_group_size`, default 5).
    public var minGroupSize = 5
    /// Output folder (`output`, default `Output`).
    public var outputDirectory = "Output"
    /// Export cache folder (`cache`, default `.robin-cache`).
    public var cacheDirectory = ".robin-cache"
    /// Defaults of `robin-report email` (`[email]`).
    public var email = EmailSettings()
    /// report.pdf (`pdf = true`, or `[pdf]` with `enabled` and `browser`).
    public var pdf = PDF()
    /// Reports of some buildings and/or departments, each for its own list
    /// (`[[audiences]]`), in the file's order; names and slugs are unique.
    public var audiences: [Audience] = []

    // The fetch stage's setting.
    /// Hours after a day's export window ends (its next local midnight) before
    /// a fetch of it is final; a day fetched sooner is provisional and fetched
    /// again (`fetch.settle_hours`, default 6).
    public var settleHours = 6.0

    public init() {}

    /// Whether `date` is a workday: its weekday is in `workweek` and it is not a closed date.
    public func isWorkday(_ date: LocalDate) -> Bool {
        workweek.contains(date.isoWeekday) && !closedDates.contains(date)
    }

    /// The time zone of `building`: its own, else the org's.
    public func timeZone(ofBuilding building: String) -> String {
        buildings[building]?.timeZone ?? timeZone
    }

    /// Settings of one building.
    public struct Building: Sendable, Equatable {
        /// IANA time zone id; nil = the org's.
        public var timeZone: String?
        /// Desk inventory (overrides the desks seen in the export).
        public var desks: Int?
        /// Room inventory (overrides the rooms seen in the export).
        public var rooms: Int?
        /// Per-floor inventory by floor name as exported.
        public var floors: [String: Floor] = [:]

        public init(timeZone: String? = nil, desks: Int? = nil, rooms: Int? = nil, floors: [String: Floor] = [:]) {
            self.timeZone = timeZone
            self.desks = desks
            self.rooms = rooms
            self.floors = floors
        }
    }

    /// Inventory of one floor.
    public struct Floor: Sendable, Equatable {
        public var desks: Int?
        public var rooms: Int?

        public init(desks: Int? = nil, rooms: Int? = nil) {
            self.desks = desks
            self.rooms = rooms
        }
    }

    /// Whether `report` also prints report.pdf, and with which browser.
    public struct PDF: Sendable, Equatable {
        /// Print report.pdf on every `report` run (`pdf = true` or `pdf.enabled`; `--pdf` for one run).
        public var enabled = false
        /// The headless Chromium to print with (`pdf.browser`): a name looked up on PATH, or a
        /// path; nil = the first of chromium, chromium-browser, google-chrome found on PATH.
        public var browser: String?

        public init(enabled: Bool = false, browser: String? = nil) {
            self.enabled = enabled
            self.browser = browser
        }
    }

    /// A daily window in local time, `[start, end)` in minutes after midnight.
    public struct BusinessHours: Sendable, Equatable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        /// Length in minutes.
        public var minutes: Int { end - start }
    }
}
