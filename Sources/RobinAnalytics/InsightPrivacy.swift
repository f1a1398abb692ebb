import RobinModel

/// Which groups an insight may name (METRICS.md "Insights"): none under
/// `min_group_size` people, and never `(small teams)` or `(no department)`.
///
/// A group's people are its desk group's `people` in the period: a building's
/// or floor's distinct persons who sat there, a department's persons. Rooms
/// have no people per building, so a building's room figures are named only
/// when its desk group is large enough (docs/metrics.md). The org as a whole
/// (an empty key) is always allowed: the report shows its figures anyway.
struct InsightPrivacy {
    let minGroupSize: Int

    /// `(small teams)` and `(no department)`: mixes of people, never the subject of an insight.
    static func isPlaceholder(_ department: String) -> Bool {
        department == DepartmentFold.smallTeams || department == noDepartment
    }

    /// The reader's name for rows with an empty department (RobinExports' `emptyLabel`).
    static let noDepartment = "(no department)"

    /// Whether `key` (org, building, floor or department) may appear in an insight about `metrics`.
    func allows(_ key: GroupKey, in metrics: Metrics) -> Bool {
        if key.fields.isEmpty { return true }
        if let department = key["department"], Self.isPlaceholder(department) { return false }
        return (Self.deskGroup(key, in: metrics.desks)?.people ?? 0) >= minGroupSize
    }

    /// The desk group with exactly `key`: a department, a floor or a building.
    static func deskGroup(_ key: GroupKey, in desks: DeskMetrics) -> DeskFigures? {
        let groups = key["department"] != nil ? desks.byDepartment : key["floor"] != nil ? desks.byFloor : desks.byBuilding
        return groups.first { $0.key == key }?.figures
    }
}
