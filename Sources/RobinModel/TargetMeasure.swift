/// A figure the configuration can set a goal for (`[targets]`, docs/metrics.md
/// "Targets"): its config key, which is also the `measure` of its insight.
public enum TargetMeasure: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Desks' `avg_days_per_person` (days per person in the period).
    case avgDaysPerPerson = "avg_days_per_person"
    /// Desks' `check_in_rate` (ratio): the desk one, since desks are what people check in to every day.
    case checkInRate = "check_in_rate"
    /// Desks' `desk_utilization` (ratio).
    case deskUtilization = "desk_utilization"
    /// Desks' `policy_adherence` (ratio).
    case policyAdherence = "policy_adherence"
    /// Rooms' `utilization` (ratio).
    case roomUtilization = "room_utilization"

    /// The largest goal that makes sense: 1 for a ratio, 7 days for `avg_days_per_person`.
    public var maximum: Double { self == .avgDaysPerPerson ? 7 : 1 }

    /// Ordered by key, the order target insights are sorted in.
    public static func < (lhs: TargetMeasure, rhs: TargetMeasure) -> Bool { lhs.rawValue < rhs.rawValue }
}
