/// The privacy rule of METRICS.md: departments with fewer than `min_group_size`
/// people are merged into one `(small teams)` group before any figure leaves
/// the analytics stage. (An empty department is already `(no department)` in
/// the tables, and folds like any other.)
enum DepartmentFold {
    static let smallTeams = "(small teams)"

    /// Keeps departments with at least `minGroupSize` people and merges the rest
    /// into `(small teams)` (present only when something was folded).
    static func fold<Accumulator>(
        _ departments: [(name: String, accumulator: Accumulator, people: Int)],
        minGroupSize: Int,
        merge: (inout Accumulator, Accumulator) -> Void
    ) -> [(name: String, accumulator: Accumulator)] {
        var kept: [(name: String, accumulator: Accumulator)] = []
        var small: Accumulator?
        for department in departments {
            if department.people >= minGroupSize {
                kept.append((department.name, department.accumulator))
            } else if small == nil {
                small = department.accumulator
            } else {
                merge(&small!, department.accumulator)
            }
        }
        if let small { kept.append((smallTeams, small)) }
        return kept
    }
}
