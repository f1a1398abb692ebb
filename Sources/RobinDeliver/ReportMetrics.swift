import RobinModel

/// What delivery needs of a report's metrics.json (METRICS.md): the period,
/// the headline figures against the previous period, and a few breakdowns.
public struct ReportMetrics: Sendable, Equatable {
    /// The period reported.
    public var period: Period
    /// Workdays in the period.
    public var workdays: Int
    /// This period's headline figures.
    public var current: Headline
    /// The previous period's (`previous`), nil when metrics.json has null.
    public var previous: Headline?
    /// `desks.by_building[].desk_utilization`, in metrics.json's order.
    public var deskUtilizationByBuilding: [GroupFigure]
    /// `rooms.by_building[].utilization`.
    public var roomUtilizationByBuilding: [GroupFigure]
    /// `desks.by_department[].avg_daily_people`.
    public var dailyPeopleByDepartment: [GroupFigure]
    /// `desks.daily[].people`: distinct people in the office each date of the period.
    public var daily: [(date: LocalDate, people: Int)]

    public init(period: Period, workdays: Int, current: Headline, previous: Headline? = nil,
                deskUtilizationByBuilding: [GroupFigure] = [], roomUtilizationByBuilding: [GroupFigure] = [],
                dailyPeopleByDepartment: [GroupFigure] = [], daily: [(date: LocalDate, people: Int)] = []) {
        self.period = period
        self.workdays = workdays
        self.current = current
        self.previous = previous
        self.deskUtilizationByBuilding = deskUtilizationByBuilding
        self.roomUtilizationByBuilding = roomUtilizationByBuilding
        self.dailyPeopleByDepartment = dailyPeopleByDepartment
        self.daily = daily
    }

    /// How the period is named ("week 47, 2026") and filed ("2026-W47").
    public var name: PeriodName { PeriodName(period) }

    public static func == (lhs: ReportMetrics, rhs: ReportMetrics) -> Bool {
        lhs.period == rhs.period && lhs.workdays == rhs.workdays && lhs.current == rhs.current
            && lhs.previous == rhs.previous && lhs.deskUtilizationByBuilding == rhs.deskUtilizationByBuilding
            && lhs.roomUtilizationByBuilding == rhs.roomUtilizationByBuilding
            && lhs.dailyPeopleByDepartment == rhs.dailyPeopleByDepartment
            && lhs.daily.map(\.date) == rhs.daily.map(\.date) && lhs.daily.map(\.people) == rhs.daily.map(\.people)
    }
}
