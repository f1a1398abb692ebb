/// Room figures of METRICS.md ("Rooms").
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
    /// table; smallest band first. Not part of metrics.json (schema 1 is METRICS.md's).
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

/// One group's room figures. Ratios are 0...1, nil when their denominator is 0.
public struct RoomFigures: Sendable, Equatable {
    public var events = 0
    public var meetings = 0
    public var canceled = 0
    public var declined = 0
    public var autoUnbooked = 0
    public var checkedIn = 0
    public var ghostRate: Double?
    public var checkInRate: Double?
    public var bookedHours = 0.0
    public var roomsSeen = 0
    public var utilization: Double?
    public var avgAttendees: Double?
    public var avgFill: Double?
    public var oversizedShare: Double?
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
