/// Every figure of docs/metrics.md for one period: what the analytics stage hands to
/// the renderer and what metrics.json holds. Groups only, never individuals.
public struct Metrics: Sendable, Equatable {
    public var period: Period
    /// Dates of the period whose weekday is in the workweek.
    public var workdays: Int
    public var desks: DeskMetrics
    public var rooms: RoomMetrics
    /// The same figures for the previous period (the one before in the trend), when its data is at hand.
    public var previous: Previous?
    /// What a leader should read first (docs/metrics.md "Insights"), sorted; empty unless computed
    /// with the trend (`Analyzer.metrics(desks:events:trend:...)`), and always empty in `previous`.
    public var insights: [Insight]
    /// Anchor days per department.
    public var colocation: Colocation
    /// Desk capacity per building and floor.
    public var capacity: Capacity
    /// Bookings of the 7 days after the period; nil unless all 7 desk exports were at hand.
    public var forward: Forward?
    /// The audience whose rows these are (metrics.json `audience`); nil = the whole organisation.
    public var audience: AudienceLabel?

    public init(period: Period, workdays: Int, desks: DeskMetrics, rooms: RoomMetrics, previous: Metrics? = nil,
                insights: [Insight] = [], colocation: Colocation = Colocation(), capacity: Capacity = Capacity(),
                forward: Forward? = nil) {
        self.period = period
        self.workdays = workdays
        self.desks = desks
        self.rooms = rooms
        self.previous = previous.map(Previous.init)
        self.insights = insights
        self.colocation = colocation
        self.capacity = capacity
        self.forward = forward
    }

    /// Boxes the previous period's metrics (a struct cannot hold itself).
    public final class Previous: Sendable, Equatable {
        public let metrics: Metrics
        public init(_ metrics: Metrics) { self.metrics = metrics }
        public static func == (lhs: Previous, rhs: Previous) -> Bool { lhs.metrics == rhs.metrics }
    }
}

/// A group's key, e.g. `[("building", "HQ"), ("floor", "3")]`, in metrics.json order.
public struct GroupKey: Sendable, Hashable {
    public var fields: [Field]

    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(_ fields: [Field]) { self.fields = fields }

    /// The value of the key field `name`, e.g. `key["building"]`.
    public subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Orders keys field by field, by Unicode code point (the same as UTF-8 byte order).
    public static func precedes(_ lhs: GroupKey, _ rhs: GroupKey) -> Bool {
        for (left, right) in zip(lhs.fields, rhs.fields) where left.value != right.value {
            return left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
        }
        return lhs.fields.count < rhs.fields.count
    }
}

/// A group and its figures.
public struct Group<Value: Sendable & Equatable>: Sendable, Equatable {
    public var key: GroupKey
    public var figures: Value

    public init(key: GroupKey, figures: Value) {
        self.key = key
        self.figures = figures
    }
}

/// A weekday (1 = Monday ... 7 = Sunday) as metrics.json spells it.
public enum Weekday {
    public static let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    public static func name(_ isoWeekday: Int) -> String { names[isoWeekday - 1] }
}
