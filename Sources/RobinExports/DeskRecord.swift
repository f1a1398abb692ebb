/// One desk reservation, compact: names and emails are reduced to ids so they
/// never travel further than the reader.
public struct DeskRecord: Sendable, Equatable {
    /// `Start (UTC)`, milliseconds since 1970.
    public var start: Int64
    /// `Canceled At (UTC)` in milliseconds, or `Timestamp.missing`.
    public var canceledAt: Int64
    /// `Checked In At (UTC)` in milliseconds, or `Timestamp.missing`.
    public var checkedInAt: Int64
    /// `Hour Duration`; 0 when empty or out of range (0...366 days).
    public var hours: Double
    /// Index into `DeskTable.buildings` (`(no building)` for an empty one).
    public var building: Int32
    /// Index into `DeskTable.floors` (the floor's name, `(no floor)` for an empty one;
    /// group by building and floor).
    public var floor: Int32
    /// Index into `DeskTable.departments` (`Assignee Department`, `(no department)` for an empty one).
    public var department: Int32
    /// Index into `DeskTable.types`.
    public var type: Int32
    /// Index into `DeskTable.workAreas` when the export has `Work Area`
    /// (`(no work area)` for an empty one or a file without the column).
    public var workArea: Int32
    /// Dense id of `Desk ID`, below `DeskTable.deskCount`; -1 when empty (not a desk).
    public var desk: Int32
    /// Dense id of the person (METRICS.md), below `DeskTable.personCount`; -1 when none.
    public var person: Int32
}

/// Timestamp sentinels.
public enum Timestamp {
    /// An empty (or unreadable optional) timestamp.
    public static let missing = Int64.min
}
