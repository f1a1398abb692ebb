/// Desk figures of METRICS.md ("Desks").
public struct DeskMetrics: Sendable, Equatable {
    public var total: DeskFigures
    public var byBuilding: [Group<DeskFigures>]
    public var byFloor: [Group<DeskFigures>]
    /// Small departments folded into `(small teams)`.
    public var byDepartment: [Group<DeskFigures>]
    public var byType: [Group<DeskFigures>]
    public var daily: [DailyAttendance]
    /// Mon..Sun: mean of `daily.people` over the period's dates with that weekday; nil when none.
    public var byWeekday: [Double?]

    public init(total: DeskFigures, byBuilding: [Group<DeskFigures>], byFloor: [Group<DeskFigures>],
                byDepartment: [Group<DeskFigures>], byType: [Group<DeskFigures>],
                daily: [DailyAttendance], byWeekday: [Double?]) {
        self.total = total
        self.byBuilding = byBuilding
        self.byFloor = byFloor
        self.byDepartment = byDepartment
        self.byType = byType
        self.daily = daily
        self.byWeekday = byWeekday
    }
}

/// One group's desk figures. Ratios are 0...1, nil when their denominator is 0.
public struct DeskFigures: Sendable, Equatable {
    public var reservations = 0
    public var canceledInAdvance = 0
    public var released = 0
    public var checkedIn = 0
    public var kept = 0
    public var checkInRate: Double?
    public var noShowRate: Double?
    public var people = 0
    public var personDays = 0
    public var avgDaysPerPerson: Double?
    public var desksSeen = 0
    public var deskDays = 0
    public var deskUtilization: Double?
    public var avgDailyPeople: Double?
    public var peakDate: LocalDate?
    public var peakPeople = 0
    public var bookedHours = 0.0
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
