import RobinModel

/// The headline figures of one period, read from metrics.json (`desks.total`,
/// `rooms.total`). Ratios are in 0...1; nil where metrics.json has null.
public struct Headline: Sendable, Equatable {
    /// Distinct people with an attended desk booking (`desks.total.people`).
    public var people: Int
    /// Mean distinct people a workday (`avg_daily_people`).
    public var avgDailyPeople: Double?
    /// The busiest date (`peak_date`); nil when nobody came.
    public var peakDate: LocalDate?
    /// Distinct people on the busiest date (`peak_people`).
    public var peakPeople: Int
    /// `desks.total.desk_utilization`.
    public var deskUtilization: Double?
    /// `desks.total.check_in_rate`.
    public var deskCheckInRate: Double?
    /// `desks.total.no_show_rate`.
    public var noShowRate: Double?
    /// `desks.total.policy_adherence`.
    public var policyAdherence: Double?
    /// Meetings held (`rooms.total.meetings`).
    public var meetings: Int
    /// `rooms.total.utilization` (Robin's definition).
    public var roomUtilization: Double?
    /// `rooms.total.ghost_rate`.
    public var ghostRate: Double?
    /// `rooms.total.check_in_rate`.
    public var roomCheckInRate: Double?

    public init(people: Int = 0, avgDailyPeople: Double? = nil, peakDate: LocalDate? = nil, peakPeople: Int = 0,
                deskUtilization: Double? = nil, deskCheckInRate: Double? = nil, noShowRate: Double? = nil,
                policyAdherence: Double? = nil, meetings: Int = 0, roomUtilization: Double? = nil,
                ghostRate: Double? = nil, roomCheckInRate: Double? = nil) {
        self.people = people
        self.avgDailyPeople = avgDailyPeople
        self.peakDate = peakDate
        self.peakPeople = peakPeople
        self.deskUtilization = deskUtilization
        self.deskCheckInRate = deskCheckInRate
        self.noShowRate = noShowRate
        self.policyAdherence = policyAdherence
        self.meetings = meetings
        self.roomUtilization = roomUtilization
        self.ghostRate = ghostRate
        self.roomCheckInRate = roomCheckInRate
    }
}
