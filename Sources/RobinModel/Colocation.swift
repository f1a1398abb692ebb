/// Anchor days (docs/metrics.md "Anchor days"): on which weekday each department
/// comes in together, and how much its people overlap.
public struct Colocation: Sendable, Equatable {
    /// Departments of at least `min_group_size` people (never `(small teams)` or
    /// `(no department)`), keyed by `department`, sorted by it.
    public var byDepartment: [Group<AnchorDays>]

    public init(byDepartment: [Group<AnchorDays>] = []) {
        self.byDepartment = byDepartment
    }
}

/// One department's weekday pattern.
public struct AnchorDays: Sendable, Equatable {
    /// `people`: the department's `people` (distinct persons attended in the period).
    public var people: Int
    /// `weekday_share`: for each workweek weekday (ISO 1 = Monday, ascending), the mean over
    /// the period's workdays with that weekday of (the department's people attended that date
    /// / `people`); nil when the period has no such workday.
    public var weekdayShare: [WeekdayShare]
    /// `anchor_weekday`: the weekday with the highest share, the earliest on a tie; nil when every share is nil.
    public var anchorWeekday: Int?
    /// `anchor_share`: that weekday's share.
    public var anchorShare: Double?
    /// `co_presence`: the mean, over the department's attended (person, date) pairs on
    /// workdays, of (its other people attended that date) / (`people` - 1); nil when
    /// there is no such pair or `people` is 1.
    public var coPresence: Double?

    public init(people: Int, weekdayShare: [WeekdayShare], anchorWeekday: Int?, anchorShare: Double?,
                coPresence: Double?) {
        self.people = people
        self.weekdayShare = weekdayShare
        self.anchorWeekday = anchorWeekday
        self.anchorShare = anchorShare
        self.coPresence = coPresence
    }

    /// One weekday's share.
    public struct WeekdayShare: Sendable, Equatable {
        /// ISO weekday, 1 = Monday.
        public var weekday: Int
        /// Mean share of the department present; nil when the period has no workday with this weekday.
        public var share: Double?

        public init(weekday: Int, share: Double?) {
            self.weekday = weekday
            self.share = share
        }
    }
}
