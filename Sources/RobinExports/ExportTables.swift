/// What reading the export files found, for the report's data-window footer.
public struct ReadStats: Sendable, Equatable {
    /// Files read, in order.
    public var files: [String] = []
    /// Data rows read (before de-duplication).
    public var rowsRead = 0
    /// Rows replaced by a later copy of the same reservation or event.
    public var duplicates = 0
    /// Values in optional columns that could not be read and were taken as empty.
    public var badOptionalValues = 0

    public init() {}
}

/// The desk export, de-duplicated by `Reservation ID` (the last row read wins).
public struct DeskTable: Sendable {
    public var records: [DeskRecord] = []
    public var buildings: [String] = []
    public var floors: [String] = []
    public var departments: [String] = []
    public var types: [String] = []
    /// `Work Area` names; empty when no file read had the column (then there is
    /// no `by_work_area` breakdown).
    public var workAreas: [String] = []
    /// Distinct `Desk ID` values (ids are dense below this).
    public var deskCount = 0
    /// Distinct persons (ids are dense below this).
    public var personCount = 0
    /// Each desk id's stable key (`ByteInterner.key` of the `Desk ID`), the same in every file.
    public var deskKeys: [UInt64] = []
    /// Each person id's stable key (`ByteInterner.key` of the lower-cased email, or of the name).
    public var personKeys: [UInt64] = []
    /// Each record's `ByteInterner.key` of its `Reservation ID`; 0 when it has none
    /// (empty in a table made by `filtered`).
    public var rowKeys: [UInt64] = []
    public var stats = ReadStats()

    public init() {}
}

/// The spaces (room events) export, de-duplicated by (`Event ID`, `Space ID`)
/// keeping the row with the latest `Updated At (UTC)` (on a tie the last read).
public struct EventTable: Sendable {
    public var records: [EventRecord] = []
    public var buildings: [String] = []
    public var floors: [String] = []
    public var spaceNames: [String] = []
    public var spaceIDs: [String] = []
    public var departments: [String] = []
    /// Distinct hosts (ids are dense below this).
    public var hostCount = 0
    /// Each host id's stable key (`ByteInterner.key` of the lower-cased email, or of the name).
    public var hostKeys: [UInt64] = []
    /// Each record's `ByteInterner.key` of its `Event ID`; 0 when it has none
    /// (empty in a table made by `filtered`).
    public var rowKeys: [UInt64] = []
    public var stats = ReadStats()

    public init() {}
}
