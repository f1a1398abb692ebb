import RobinModel

/// A group of one date's facts: what kind of group, and its names (the
/// building, floor, department, ... as exported, placeholders included).
struct FactGroupKey: Hashable, Sendable {
    /// Desk groups: 0 total, 1 building, 2 floor (building, floor), 3 department,
    /// 4 type, 5 work area (building, work area). Room groups: see `RoomGroupKind`.
    var kind: UInt8
    var names: [String]

    init(_ kind: UInt8, _ names: [String] = []) {
        self.kind = kind
        self.names = names
    }
}

/// The desk group kinds of `FactGroupKey`.
enum DeskGroupKind: UInt8, CaseIterable {
    case total, building, floor, department, type, workArea
}

/// A desk group's counts and exact sums (METRICS.md "Desks"): of one date in
/// the facts, of the period in the combiner; they add exactly.
struct DeskCounts: Sendable, Equatable {
    var reservations = 0
    var canceledInAdvance = 0
    var released = 0
    var checkedIn = 0
    /// Rows not canceled, attended or not (bookings as exported: `forward`).
    var booked = 0
    /// `Hour Duration` of attended rows.
    var bookedHours = ExactSum()

    mutating func add(_ other: DeskCounts) {
        reservations += other.reservations
        canceledInAdvance += other.canceledInAdvance
        released += other.released
        checkedIn += other.checkedIn
        booked += other.booked
        bookedHours.add(other.bookedHours)
    }
}

/// What one desk group's reservations of one local date add to its figures:
/// exact counts and sums, and the sets that distinct counts need.
struct DeskGroupFacts: Sendable, Equatable {
    var key: FactGroupKey
    var counts = DeskCounts()
    /// Every desk of the group's rows.
    var desks = IDSet.empty
    /// Desks with an attended row.
    var attendedDesks = IDSet.empty
    /// Persons with an attended row.
    var people = IDSet.empty
}

/// One local date's desk facts from one source (a table, or one export file):
/// every group the date's rows belong to. A date may have facts from several
/// files (a row's local date can be a day off its file's); the combiner
/// merges them (sums and unions), as it merges dates.
public struct DeskDayFacts: Sendable {
    /// The local date (days since 1970-01-01).
    let day: Int
    /// What the sets' ids stand for.
    let ids: IDSpace
    /// The groups, the total first.
    var groups: [DeskGroupFacts]

    /// The local date.
    public var date: LocalDate { LocalDate(daysSinceEpoch: day) }

    /// The buildings of the date's rows.
    var buildings: [String] {
        groups.filter { $0.key.kind == DeskGroupKind.building.rawValue }.map { $0.key.names[0] }
    }
}
