/// Desk capacity per building and floor (docs/metrics.md "Capacity"): how full the
/// busiest workday got, to tell which floors could be consolidated and which
/// are at risk of running out of desks.
public struct Capacity: Sendable, Equatable {
    /// Keyed by `building`, sorted like `desks.by_building`.
    public var byBuilding: [Group<CapacityFigures>]
    /// Keyed by `building`, `floor`, sorted like `desks.by_floor`.
    public var byFloor: [Group<CapacityFigures>]

    public init(byBuilding: [Group<CapacityFigures>] = [], byFloor: [Group<CapacityFigures>] = []) {
        self.byBuilding = byBuilding
        self.byFloor = byFloor
    }
}

/// One building's or floor's capacity figures.
public struct CapacityFigures: Sendable, Equatable {
    /// `desks`: the group's `desks_seen` (its configured inventory, else the desks in its rows).
    public var desks: Int
    /// `peak_desks_used`: the most distinct desks with an attended row on one workday (0 when none).
    public var peakDesksUsed: Int
    /// `peak_date`: that workday, the earliest on a tie; nil when no desk was used on a workday.
    public var peakDate: LocalDate?
    /// `peak_occupancy`: `peak_desks_used / desks`; nil when `desks` is 0 or the period has no workday.
    public var peakOccupancy: Double?
    /// `sharing_ratio`: the group's `people / desks` (people per desk); nil when `desks` is 0.
    public var sharingRatio: Double?
    /// `status` from `peak_occupancy`; nil when it is nil.
    public var status: CapacityStatus?

    public init(desks: Int, peakDesksUsed: Int, peakDate: LocalDate?, peakOccupancy: Double?,
                sharingRatio: Double?, status: CapacityStatus?) {
        self.desks = desks
        self.peakDesksUsed = peakDesksUsed
        self.peakDate = peakDate
        self.peakOccupancy = peakOccupancy
        self.sharingRatio = sharingRatio
        self.status = status
    }
}

/// What a group's peak occupancy says (docs/metrics.md thresholds).
public enum CapacityStatus: String, Sendable, Equatable {
    /// `peak_occupancy` < 0.5: even the busiest workday left half the desks free.
    case consolidate
    /// In between.
    case ok
    /// `peak_occupancy` >= 0.9: the busiest workday nearly ran out of desks.
    case atRisk = "at_risk"

    /// The status of a peak occupancy (0.5 and 0.9 as docs/metrics.md sets them).
    public init(peakOccupancy: Double) {
        self = peakOccupancy < 0.5 ? .consolidate : peakOccupancy >= 0.9 ? .atRisk : .ok
    }
}
