import RobinModel

/// The headline figures of one period, read from metrics.json (`desks.total`,
/// `rooms.total`). Ratios are in 0...1; nil where metrics.json has null.
public struct Headline: Sendable, Equatable {
    /// Distinct people with an attended desk booking (`desks.total.people`).
    public var people: Int
    /// Mean distinct people a workday (`avg_daily_people`).
    public var avgDailyPeople: Double?
    /// The busiest date and its people (`peak_date`, `peak_people`).
    public var peakDate: LocalDate?
    public var peakPeople: Int
    /// `desk_utilization`, `check_in_rate`, `no_show_rate`, `policy_adherence` of desks.
    public var deskUtilization: Double?
    public var deskCheckInRate: Double?
    public var noShowRate: Double?
    public var policyAdherence: Double?
    /// Meetings held (`rooms.total.meetings`).
    public var meetings: Int
    /// `utilization`, `ghost_rate`, `check_in_rate` of rooms.
    public var roomUtilization: Double?
    public var ghostRate: Double?
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
