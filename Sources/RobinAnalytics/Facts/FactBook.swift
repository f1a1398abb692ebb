import RobinModel

/// The day facts at hand, by local date: what every period's metrics are
/// combined from (`Analyzer.metrics(facts:period:)`). A date may hold facts
/// from several sources (the export files whose rows fall on it).
public struct FactBook: Sendable {
    var desks: [Int: [DeskDayFacts]] = [:]
    var rooms: [Int: [RoomDayFacts]] = [:]
    /// The organisation's desk facts, whose totals' attended days count toward
    /// policy adherence (METRICS.md: "in the whole org") when the book is an
    /// audience's; nil = the book's own.
    var policy: [Int: [DeskDayFacts]]?

    public init() {}

    /// Adds desk facts (any dates).
    public mutating func add(desks facts: [DeskDayFacts]) {
        for day in facts { desks[day.day, default: []].append(day) }
    }

    /// Adds room facts (any dates).
    public mutating func add(rooms facts: [RoomDayFacts]) {
        for day in facts { rooms[day.day, default: []].append(day) }
    }

    /// Makes `organization`'s desk facts the ones policy adherence counts attended days in.
    public mutating func setPolicy(_ organization: FactBook) {
        policy = organization.desks
    }

    /// True unless `setPolicy` gave the book the organisation's facts for policy adherence.
    public var countsOwnDaysForPolicy: Bool { policy == nil }

    /// The local dates with desk facts and with room facts, in order.
    public var dates: (desks: [LocalDate], rooms: [LocalDate]) {
        (desks.keys.sorted().map(LocalDate.init(daysSinceEpoch:)), rooms.keys.sorted().map(LocalDate.init(daysSinceEpoch:)))
    }

    /// The buildings of the desk rows and of the room events the book holds, sorted.
    public var buildings: [String] {
        Set(desks.values.joined().flatMap(\.buildings) + rooms.values.joined().flatMap(\.buildings)).sorted()
    }

    /// The departments of the desk rows and the room events (hosts') the book holds, sorted.
    public var departments: [String] {
        let desk = desks.values.joined().flatMap { $0.groups.filter { $0.key.kind == DeskGroupKind.department.rawValue } }
            .map { $0.key.names[0] }
        let room = rooms.values.joined().flatMap { $0.groups.filter { $0.key.kind == RoomGroupKind.department.rawValue } }
            .map { $0.key.names[0] }
        return Set(desk + room).sorted()
    }

    /// The facts of `period`'s dates, each with its date index.
    func desks(in period: Period, from days: [Int: [DeskDayFacts]]) -> [(date: Int, facts: DeskDayFacts)] {
        let first = period.from.daysSinceEpoch
        return (0..<period.dayCount).flatMap { index in (days[first + index] ?? []).map { (index, $0) } }
    }

    /// The room facts of `period`'s dates, each with its date index.
    func rooms(in period: Period) -> [(date: Int, facts: RoomDayFacts)] {
        let first = period.from.daysSinceEpoch
        return (0..<period.dayCount).flatMap { index in (rooms[first + index] ?? []).map { (index, $0) } }
    }

    /// One id space per kind for everything the book holds.
    var combinedIDs: (desks: CombinedIDs, rooms: CombinedIDs) {
        let deskSpaces = desks.values.joined().map(\.ids) + (policy?.values.joined().map(\.ids) ?? [])
        return (CombinedIDs(deskSpaces), CombinedIDs(rooms.values.joined().map(\.ids)))
    }
}
