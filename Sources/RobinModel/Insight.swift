/// One notable finding (docs/metrics.md "Insights"), about the org, a building, a
/// floor or a department, never a person. metrics.json lists them sorted by
/// kind in the order of `Kind`, then as each kind says.
public enum Insight: Sendable, Equatable {
    /// A group's figure changed markedly since the previous period.
    case mover(Mover)
    /// A figure against its configured target.
    case target(TargetCheck)
    /// A workday with under half the usual attendance.
    case lowDay(LowDay)
    /// A building or floor to consolidate or at risk of running out of desks.
    case capacity(CapacityAlert)
    /// A building nearly fully booked on a day ahead.
    case busyDay(BusyDay)

    /// The `kind` field, in the order insights are listed.
    public enum Kind: String, Sendable, CaseIterable {
        /// `mover`.
        case mover
        /// `target`.
        case target
        /// `low_day`.
        case lowDay = "low_day"
        /// `capacity`.
        case capacity
        /// `busy_day`.
        case busyDay = "busy_day"
    }

    /// Slack for thresholds met by a difference or a product of figures (a mover's
    /// change, 20% of the previous value, 90% of a target), which doubles may land
    /// a hair under: 1e-9, far below any shown precision.
    public static let tolerance = 1e-9

    /// This insight's kind.
    public var kind: Kind {
        switch self {
        case .mover: .mover
        case .target: .target
        case .lowDay: .lowDay
        case .capacity: .capacity
        case .busyDay: .busyDay
        }
    }

    /// A group's measure against the previous period.
    public struct Mover: Sendable, Equatable {
        /// Which figure moved.
        public enum Measure: String, Sendable, CaseIterable {
            /// Desks' `avg_daily_people`.
            case avgDailyPeople = "avg_daily_people"
            /// Desks' `desk_utilization`.
            case deskUtilization = "desk_utilization"
            /// Rooms' `utilization`.
            case utilization

            /// Whether the measure is a ratio (moves by 0.05) rather than a count of people (by 5 and 20%).
            public var isRatio: Bool { self != .avgDailyPeople }
        }

        /// Which figure moved.
        public var measure: Measure
        /// The group's key fields (`building`; `building`, `floor`; or `department`).
        public var group: GroupKey
        /// This period's value.
        public var value: Double
        /// The previous period's value.
        public var previous: Double
        /// `value - previous`.
        public var change: Double
        /// `change / previous`; nil when `previous` is 0.
        public var relativeChange: Double?
        /// Mean of the measure over the trend periods before `previous` that have it; nil when fewer than 3.
        public var baseline: Double?

        public init(measure: Measure, group: GroupKey, value: Double, previous: Double, baseline: Double?) {
            self.measure = measure
            self.group = group
            self.value = value
            self.previous = previous
            change = value - previous
            relativeChange = previous == 0 ? nil : (value - previous) / previous
            self.baseline = baseline
        }
    }

    /// A figure of the org (empty `group`) or a building against its target.
    public struct TargetCheck: Sendable, Equatable {
        /// How a value compares with its target.
        public enum Status: String, Sendable {
            /// `value >= target`.
            case met
            /// `value >= 0.9 * target`.
            case near
            /// Below that.
            case missed

            /// `near` allows `Insight.tolerance` for the rounding of `0.9 * target`.
            public init(value: Double, target: Double) {
                self = value >= target ? .met : value >= 0.9 * target - Insight.tolerance ? .near : .missed
            }
        }

        /// The figure checked (its `[targets]` key).
        public var measure: TargetMeasure
        /// Empty for the org; `building` otherwise.
        public var group: GroupKey
        /// The group's figure in the period.
        public var value: Double
        /// The configured target.
        public var target: Double
        /// `met`, `near` or `missed`.
        public var status: Status

        public init(measure: TargetMeasure, group: GroupKey, value: Double, target: Double) {
            self.measure = measure
            self.group = group
            self.value = value
            self.target = target
            status = Status(value: value, target: target)
        }
    }

    /// A workday whose attendance was under half of its usual.
    public struct LowDay: Sendable, Equatable {
        /// The workday.
        public var date: LocalDate
        /// `daily.people` of the date.
        public var people: Int
        /// Median `daily.people` over the trend's workdays with the same weekday (this period's included).
        public var usual: Double

        public init(date: LocalDate, people: Int, usual: Double) {
            self.date = date
            self.people = people
            self.usual = usual
        }
    }

    /// A building or floor whose capacity status is not `ok`.
    public struct CapacityAlert: Sendable, Equatable {
        /// `building`, or `building`, `floor`.
        public var group: GroupKey
        /// `consolidate` or `at_risk`.
        public var status: CapacityStatus
        /// The group's `peak_occupancy`.
        public var peakOccupancy: Double

        public init(group: GroupKey, status: CapacityStatus, peakOccupancy: Double) {
            self.group = group
            self.status = status
            self.peakOccupancy = peakOccupancy
        }
    }

    /// A building with at least 90% of its desks booked on a date ahead.
    public struct BusyDay: Sendable, Equatable {
        /// `building`.
        public var group: GroupKey
        /// The local date ahead.
        public var date: LocalDate
        /// `booked / desks` on that date.
        public var bookedShare: Double

        public init(group: GroupKey, date: LocalDate, bookedShare: Double) {
            self.group = group
            self.date = date
            self.bookedShare = bookedShare
        }
    }
}
