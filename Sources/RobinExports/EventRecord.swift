/// One room event (a row of the spaces export), compact: titles are never read,
/// hosts are reduced to ids.
public struct EventRecord: Sendable, Equatable {
    /// Event Status, compared case-insensitively.
    public enum Status: UInt8, Sendable {
        case meeting, canceled, declined
    }

    /// `Started At (UTC)`, milliseconds since 1970.
    public var start: Int64
    /// `Ended At (UTC)` in milliseconds, or `Timestamp.missing` (also when before
    /// the start or more than 366 days after it).
    public var end: Int64
    /// `Updated At (UTC)` in milliseconds, or `Timestamp.missing`.
    public var updatedAt: Int64
    /// `Minute Duration` (0...366 days), or NaN when empty or out of range.
    public var minuteDuration: Double
    /// `Minutes Delayed`, or NaN when empty.
    public var minutesDelayed: Double
    /// `Attendees` as a count (0...100,000), -1 when unknown.
    public var attendees: Int32
    /// `Capacity` (0...100,000), -1 when unknown.
    public var capacity: Int32
    /// Canceled, declined or a meeting (METRICS.md "Rooms").
    public var status: Status
    /// `Checked In At (UTC)` is set.
    public var checkedIn: Bool
    /// `Automatically Unbooked At (UTC)` is set.
    public var autoUnbooked: Bool
    /// `All Day Event` is true (false when empty or the column is absent).
    public var allDay: Bool
    /// Index into `EventTable.buildings` (`(no building)` for an empty one).
    public var building: Int32
    /// Index into `EventTable.floors` (`(no floor)` for an empty one).
    public var floor: Int32
    /// Index into `EventTable.spaceNames`.
    public var spaceName: Int32
    /// Index into `EventTable.spaceIDs`; -1 when `Space ID` is empty (not a room).
    public var space: Int32
    /// Index into `EventTable.departments` (`Host Department`, `(no department)` for an empty one).
    public var department: Int32
    /// Dense host id (`Host Robin Email`, else `Host Robin Name`), -1 when none.
    public var host: Int32

    /// Meeting length in minutes: `Minute Duration`, else `Ended At - Started At`, else 0.
    public var durationMinutes: Double {
        if !minuteDuration.isNaN { return minuteDuration }
        if end != Timestamp.missing { return Double(end - start) / 60_000 }
        return 0
    }
}
