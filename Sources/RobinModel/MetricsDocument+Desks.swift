extension MetricsDocument {
    /// `desks` of metrics.json: each list is empty when absent.
    public struct Desks: Sendable, Equatable, Decodable {
        /// `desks.total`; every figure nil when absent.
        public var total = DeskGroup()
        /// `by_building`, keyed by `building`.
        public var byBuilding: [DeskGroup] = []
        /// `by_floor`, keyed by `building`, `floor`.
        public var byFloor: [DeskGroup] = []
        /// `by_department`, keyed by `department` (small ones folded into `(small teams)`).
        public var byDepartment: [DeskGroup] = []
        /// `by_type`, keyed by `type`.
        public var byType: [DeskGroup] = []
        /// `by_work_area`, keyed by `building`, `work_area`; empty in reports written before it existed.
        public var byWorkArea: [DeskGroup] = []
        /// `daily`: the whole org on each date of the period.
        public var daily: [Day] = []
        /// `by_weekday`: Mon..Sun.
        public var byWeekday: [WeekdayMean] = []

        /// An empty section.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case total, byBuilding = "by_building", byFloor = "by_floor", byDepartment = "by_department"
            case byType = "by_type", byWorkArea = "by_work_area", daily, byWeekday = "by_weekday"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            total = try c.decodeIfPresent(DeskGroup.self, forKey: .total) ?? DeskGroup()
            byBuilding = try c.list(.byBuilding)
            byFloor = try c.list(.byFloor)
            byDepartment = try c.list(.byDepartment)
            byType = try c.list(.byType)
            byWorkArea = try c.list(.byWorkArea)
            daily = try c.list(.daily)
            byWeekday = try c.list(.byWeekday)
        }
    }

    /// One desk group (or `total`): docs/metrics.md "Desks". Ratios are 0...1;
    /// every figure is nil when absent from the file or null in it.
    public struct DeskGroup: Sendable, Equatable, Decodable {
        /// The key fields (`building`, `floor`, `department`, `type`, `work_area`); empty for `total`.
        public var key = GroupKey([])
        /// Rows.
        public var reservations: Int?
        /// Canceled before their start.
        public var canceledInAdvance: Int?
        /// Released unused after the start (no-shows).
        public var released: Int?
        /// Checked in.
        public var checkedIn: Int?
        /// `reservations - canceled_in_advance`.
        public var kept: Int?
        /// `checked_in / kept`.
        public var checkInRate: Double?
        /// `released / kept`.
        public var noShowRate: Double?
        /// Distinct people with an attended reservation.
        public var people: Int?
        /// Distinct (person, date) attended.
        public var personDays: Int?
        /// `person_days / people`.
        public var avgDaysPerPerson: Double?
        /// Desks seen in the rows, or the configured inventory.
        public var desksSeen: Int?
        /// Distinct (desk, date) attended on workdays.
        public var deskDays: Int?
        /// `desk_days / (desks_seen * workdays)`.
        public var deskUtilization: Double?
        /// People in the office per workday, on average.
        public var avgDailyPeople: Double?
        /// The date with most people (earliest on a tie); nil when nobody came.
        public var peakDate: LocalDate?
        /// People on `peak_date`.
        public var peakPeople: Int?
        /// Hours of attended reservations.
        public var bookedHours: Double?
        /// Share of `people` meeting the office-days policy.
        public var policyAdherence: Double?

        /// A group with no key and every figure absent.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case building, floor, department, type, workArea = "work_area"
            case reservations, canceledInAdvance = "canceled_in_advance", released, checkedIn = "checked_in", kept
            case checkInRate = "check_in_rate", noShowRate = "no_show_rate", people, personDays = "person_days"
            case avgDaysPerPerson = "avg_days_per_person", desksSeen = "desks_seen", deskDays = "desk_days"
            case deskUtilization = "desk_utilization", avgDailyPeople = "avg_daily_people", peakDate = "peak_date"
            case peakPeople = "peak_people", bookedHours = "booked_hours", policyAdherence = "policy_adherence"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.groupKey([.building, .floor, .department, .type, .workArea])
            reservations = try c.count(.reservations)
            canceledInAdvance = try c.count(.canceledInAdvance)
            released = try c.count(.released)
            checkedIn = try c.count(.checkedIn)
            kept = try c.count(.kept)
            checkInRate = try c.figure(.checkInRate)
            noShowRate = try c.figure(.noShowRate)
            people = try c.count(.people)
            personDays = try c.count(.personDays)
            avgDaysPerPerson = try c.figure(.avgDaysPerPerson)
            desksSeen = try c.count(.desksSeen)
            deskDays = try c.count(.deskDays)
            deskUtilization = try c.figure(.deskUtilization)
            avgDailyPeople = try c.figure(.avgDailyPeople)
            peakDate = try c.date(.peakDate)
            peakPeople = try c.count(.peakPeople)
            bookedHours = try c.figure(.bookedHours)
            policyAdherence = try c.figure(.policyAdherence)
        }
    }

    /// One date of `desks.daily`.
    public struct Day: Sendable, Equatable, Decodable {
        /// The local date.
        public var date: LocalDate
        /// Distinct people attended; nil when absent.
        public var people: Int?
        /// Distinct desks attended; nil when absent.
        public var desks: Int?

        /// A date with its figures.
        public init(date: LocalDate, people: Int?, desks: Int? = nil) {
            self.date = date
            self.people = people
            self.desks = desks
        }

        enum CodingKeys: String, CodingKey {
            case date, people, desks
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            date = try c.requiredDate(.date)
            people = try c.count(.people)
            desks = try c.count(.desks)
        }
    }

    /// One weekday of `desks.by_weekday`.
    public struct WeekdayMean: Sendable, Equatable, Decodable {
        /// `Mon`..`Sun`; nil when absent.
        public var weekday: String?
        /// Mean people over the period's dates with that weekday; nil when there is none.
        public var people: Double?

        enum CodingKeys: String, CodingKey {
            case weekday, people
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            weekday = try c.decodeIfPresent(String.self, forKey: .weekday)
            people = try c.figure(.people)
        }
    }
}
