import RobinModel

/// The room group kinds of `FactGroupKey`: total; building; floor (building,
/// floor); space (building, floor, space, space id); department; capacity
/// band (its label).
enum RoomGroupKind: UInt8, CaseIterable {
    case total, building, floor, space, department, capacity
}

/// A room group's counts and exact sums (METRICS.md "Rooms"): of one date in
/// the facts, of the period in the combiner; they add exactly.
struct RoomCounts: Sendable, Equatable {
    var events = 0
    var meetings = 0
    var canceled = 0
    var declined = 0
    var autoUnbooked = 0
    var checkedIn = 0
    var allDay = 0
    /// Meeting durations in minutes (all-day meetings: the business-hour window).
    var bookedMinutes = ExactSum()
    /// Known attendees, summed (whole numbers).
    var attendeesSum = 0
    var attendeesCount = 0
    /// attendees / capacity of meetings with both known and capacity > 0.
    var fillSum = ExactSum()
    var fillCount = 0
    var oversized = 0
    /// `Minutes Delayed` of checked-in meetings where set.
    var delayedSum = ExactSum()
    var delayedCount = 0

    mutating func add(_ other: RoomCounts) {
        events += other.events
        meetings += other.meetings
        canceled += other.canceled
        declined += other.declined
        autoUnbooked += other.autoUnbooked
        checkedIn += other.checkedIn
        allDay += other.allDay
        bookedMinutes.add(other.bookedMinutes)
        attendeesSum += other.attendeesSum
        attendeesCount += other.attendeesCount
        fillSum.add(other.fillSum)
        fillCount += other.fillCount
        oversized += other.oversized
        delayedSum.add(other.delayedSum)
        delayedCount += other.delayedCount
    }
}

/// What one room group's events of one local date add to its figures.
///
/// A meeting's occupancy can run past midnight into the following dates;
/// what falls on each is kept by its offset from the facts' date, and the
/// combiner counts it only when that date is in the period (METRICS.md: a
/// meeting is clipped to the period's local dates).
struct RoomGroupFacts: Sendable, Equatable {
    var key: FactGroupKey
    var counts = RoomCounts()
    /// Meeting milliseconds inside the business-hour window, by date offset
    /// (0 = the facts' date), on every date (the combiner keeps workdays).
    var businessMillis = OffsetMillis()
    /// Every room (`Space ID`) of the group's rows.
    var rooms = IDSet.empty
    /// Hosts of the group's meetings: department groups only (the small-department
    /// fold); empty in every other group (version 2 on; version 1 kept them everywhere).
    var hosts = IDSet.empty
}

/// One local date's room facts from one source: every group its events
/// belong to, and the organisation's meeting milliseconds per local clock
/// hour (the heatmap), by date offset, 24 per date.
public struct RoomDayFacts: Sendable {
    /// The local date (days since 1970-01-01).
    let day: Int
    /// What the sets' ids stand for (`persons` = hosts, `places` = rooms).
    let ids: IDSpace
    /// The groups, the total first.
    var groups: [RoomGroupFacts]
    /// Meeting milliseconds per (date offset * 24 + local hour), all rooms.
    var hourMillis: [Int64]
    /// False when read without the `by_space` groups (`FactsCodec.decode(_:spaceDays:)`):
    /// combined only where `by_space` is not wanted, and never saved.
    var hasSpaces = true

    /// The local date.
    public var date: LocalDate { LocalDate(daysSinceEpoch: day) }

    /// The buildings of the date's events.
    var buildings: [String] {
        groups.filter { $0.key.kind == RoomGroupKind.building.rawValue }.map { $0.key.names[0] }
    }
}
