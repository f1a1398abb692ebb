/// Desk figures of docs/metrics.md ("Desks").
public struct DeskMetrics: Sendable, Equatable {
    public var total: DeskFigures
    public var byBuilding: [Group<DeskFigures>]
    public var byFloor: [Group<DeskFigures>]
    /// Small departments folded into `(small teams)`.
    public var byDepartment: [Group<DeskFigures>]
    public var byType: [Group<DeskFigures>]
    /// By (Building, Work Area) when the export has `Work Area` (empty = `(no work area)`); else empty.
    public var byWorkArea: [Group<DeskFigures>]
    public var daily: [DailyAttendance]
    /// Mon..Sun: mean of `daily.people` over the period's dates with that weekday; nil when none.
    public var byWeekday: [Double?]

    public init(total: DeskFigures, byBuilding: [Group<DeskFigures>], byFloor: [Group<DeskFigures>],
                byDepartment: [Group<DeskFigures>], byType: [Group<DeskFigures>],
                byWorkArea: [Group<DeskFigures>] = [], daily: [DailyAttendance], byWeekday: [Double?]) {
        self.total = total
        self.byBuilding = byBuilding
        self.byFloor = byFloor
        self.byDepartment = byDepartment
        self.byType = byType
        self.byWorkArea = byWorkArea
        self.daily = daily
        self.byWeekday = byWeekday
    }
}

/// One group's desk figures (docs/metrics.md "Desks", over the group's de-duplicated
/// rows in the period). Ratios are 0...1, nil when their denominator is 0.
public struct DeskFigures: Sendable, Equatable {
    /// `reservations`: rows.
    public var reservations = 0
    /// `canceled_in_advance`: rows with `Canceled At` set and earlier than `Start`.
    public var canceledInAdvance = 0
    /// `released` (no-show): rows canceled at or after `Start` with `Checked In At` empty.
    public var released = 0
    /// `checked_in`: rows with `Checked In At` set.
    public var checkedIn = 0
    /// `kept`: `reservations - canceled_in_advance`.
    public var kept = 0
    /// `check_in_rate`: `checked_in / kept`.
    public var checkInRate: Double?
    /// `no_show_rate`: `released / kept`.
    public var noShowRate: Double?
    /// `people`: distinct persons with an attended row (checked in, or not canceled).
    public var people = 0
    /// `person_days`: distinct (person, local date) with an attended row.
    public var personDays = 0
    /// `avg_days_per_person`: `person_days / people`.
    public var avgDaysPerPerson: Double?
    /// `desks_seen`: distinct `Desk ID` over all the group's rows, or its configured inventory.
    public var desksSeen = 0
    /// `desk_days`: distinct (`Desk ID`, local date) with an attended row, on workdays.
    public var deskDays = 0
    /// `desk_utilization`: `desk_days / (desks_seen * workdays)`.
    public var deskUtilization: Double?
    /// `avg_daily_people`: distinct (person, date) attended on workdays / workdays.
    public var avgDailyPeople: Double?
    /// `peak_date`: the date with most distinct attended persons (earliest on a tie); nil when nobody attended.
    public var peakDate: LocalDate?
    /// `peak_people`: distinct attended persons on `peak_date` (0 when nobody attended).
    public var peakPeople = 0
    /// `booked_hours`: sum of `Hour Duration` over attended rows, in hours.
    public var bookedHours = 0.0
    /// `policy_adherence`: share of `people` whose org-wide attended days / (period days / 7)
    /// reach `policy.days_per_week`.
    public var policyAdherence: Double?

    public init() {}
}

/// Whole-org attendance on one date.
public struct DailyAttendance: Sendable, Equatable {
    public var date: LocalDate
    /// Distinct persons with an attended reservation.
    public var people: Int
    /// Distinct desks with an attended reservation.
    public var desks: Int

    public init(date: LocalDate, people: Int, desks: Int) {
        self.date = date
        self.people = people
        self.desks = desks
    }
}
