import RobinExports
import RobinModel

/// The facts of one cached daily export file: its rows, de-duplicated
/// against the files of the dates before and after it ("windowed",
/// docs/metrics.md), as day facts of every local date they fall on, with what
/// reading the file found. This is the unit the derived cache stores.
public struct ExportFileFacts: Sendable {
    /// Which export.
    public let kind: ExportKind
    /// The date the file exports.
    public let date: LocalDate
    /// Data rows in the file (before de-duplication).
    public var rowsRead = 0
    /// Rows that lost to another copy of the same reservation or event, in the
    /// file or in a neighbouring one.
    public var duplicates = 0
    /// Values in optional columns taken as empty.
    public var badOptionalValues = 0
    /// What the sets' ids stand for.
    let ids: IDSpace
    /// Desk facts by local date (desk files).
    var desks: [DeskDayFacts] = []
    /// Room facts by local date (spaces files).
    var rooms: [RoomDayFacts] = []

    /// False when some room facts were read without their `by_space` groups
    /// (`FactsCodec.decode(_:spaceDays:)`): such facts are never encoded.
    public var isComplete: Bool { rooms.allSatisfy(\.hasSpaces) }

    init(kind: ExportKind, date: LocalDate, ids: IDSpace) {
        self.kind = kind
        self.date = date
        self.ids = ids
    }

    /// Facts of a file read with `stats`, of which `lost` more rows lost to a neighbouring file's copy.
    init(kind: ExportKind, date: LocalDate, ids: IDSpace, stats: ReadStats, lost: Int) {
        self.init(kind: kind, date: date, ids: ids)
        rowsRead = stats.rowsRead
        duplicates = stats.duplicates + lost
        badOptionalValues = stats.badOptionalValues
    }

    /// The local dates the file's rows fall on.
    public var dates: [LocalDate] { (kind == .desks ? desks.map(\.date) : rooms.map(\.date)) }
}

extension FactBook {
    /// Adds a file's facts.
    public mutating func add(_ file: ExportFileFacts) {
        switch file.kind {
        case .desks: add(desks: file.desks)
        case .spaces: add(rooms: file.rooms)
        }
    }
}
