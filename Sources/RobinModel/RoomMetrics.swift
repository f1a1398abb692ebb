/// Room figures of docs/metrics.md ("Rooms").
public struct RoomMetrics: Sendable, Equatable {
    public var total: RoomFigures
    public var byBuilding: [Group<RoomFigures>]
    public var byFloor: [Group<RoomFigures>]
    public var bySpace: [Group<RoomFigures>]
    /// Small departments folded into `(small teams)`.
    public var byDepartment: [Group<RoomFigures>]
    /// 7 x 24 cells, Monday 00h first.
    public var heatmap: [HeatmapCell]
    /// By the booked room's `Capacity` band (`CapacityBand`), for the report's right-sizing
    /// table; smallest band first. Not part of metrics.json (schema 1 is docs/metrics.md's).
    public var byCapacity: [Group<RoomFigures>]

    public init(total: RoomFigures, byBuilding: [Group<RoomFigures>], byFloor: [Group<RoomFigures>],
                bySpace: [Group<RoomFigures>], byDepartment: [Group<RoomFigures>], heatmap: [HeatmapCell],
                byCapacity: [Group<RoomFigures>] = []) {
        self.total = total
        self.byBuilding = byBuilding
        self.byFloor = byFloor
        self.bySpace = bySpace
        self.byDepartment = byDepartment
        self.heatmap = heatmap
        self.byCapacity = byCapacity
    }
}

/// Room capacity bands for right-sizing: who books rooms of which size.
public enum CapacityBand {
    /// Band labels, smallest first, then rooms with no capacity in the export.
    public static let labels = ["1-4", "5-8", "9-12", "13-20", "21+", "unknown"]

    /// The band index of a capacity (-1 or 0 = unknown).
    public static func index(capacity: Int) -> Int {
        switch capacity {
        case 1...4: 0
        case 5...8: 1
        case 9...12: 2
        case 13...20: 3
        case 21...: 4
        default: 5
        }
    }
}

/// One group's room figures (docs/metrics.md "Rooms", over the group's de-duplicated
/// events in the period). Ratios are 0...1, nil when their denominator is 0.
public struct RoomFigures: Sendable, Equatable {
    /// `events`: rows.
    public var events = 0
    /// `meetings`: events neither canceled nor declined.
    public var meetings = 0
    /// `canceled`: events whose Event Status is canceled/cancelled.
    public var canceled = 0
    /// `declined`: events whose Event Status is resource declined.
    public var declined = 0
    /// `auto_unbooked` (ghost meetings): meetings with `Automatically Unbooked At` set.
    public var autoUnbooked = 0
    /// `checked_in`: meetings with `Checked In At` set.
    public var checkedIn = 0
    /// `all_day`: meetings with `All Day Event` true.
    public var allDay = 0
    /// `ghost_rate`: `auto_unbooked / meetings`.
    public var ghostRate: Double?
    /// `check_in_rate`: `checked_in / meetings`.
    public var checkInRate: Double?
    /// `booked_hours`: sum of meeting durations in hours (an all-day meeting: its date's business hours).
    public var bookedHours = 0.0
    /// `avg_meeting_minutes`: `booked_hours` * 60 / `meetings`, the mean meeting duration in minutes.
    public var avgMeetingMinutes: Double?
    /// `rooms_seen`: distinct `Space ID` over all the group's rows, or its configured inventory.
    public var roomsSeen = 0
    /// `utilization`: meeting time inside business hours on workdays / (`rooms_seen` *
    /// business-hour length * workdays), Robin's definition.
    public var utilization: Double?
    /// `avg_attendees`: mean attendees over meetings where known.
    public var avgAttendees: Double?
    /// `avg_fill`: mean attendees / `Capacity` over meetings with both known and capacity > 0.
    public var avgFill: Double?
    /// `oversized_share`: share of those meetings with attendees * 2 <= capacity.
    public var oversizedShare: Double?
    /// `avg_minutes_delayed`: mean `Minutes Delayed` over checked-in meetings where set.
    public var avgMinutesDelayed: Double?

    public init() {}
}

/// The mean share of rooms booked in one weekday-hour.
public struct HeatmapCell: Sendable, Equatable {
    /// 1 = Monday ... 7 = Sunday.
    public var weekday: Int
    /// 0...23, local time of each room's building.
    public var hour: Int
    /// nil when the period has no date with this weekday (or no rooms).
    public var share: Double?

    public init(weekday: Int, hour: Int, share: Double?) {
        self.weekday = weekday
        self.hour = hour
        self.share = share
    }
}
