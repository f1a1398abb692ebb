/// The privacy rule of METRICS.md: departments with fewer than `min_group_size`
/// people are merged into one `(small teams)` group before any figure leaves
/// the analytics stage.
enum DepartmentFold {
    static let smallTeams = "(small teams)"
    static let noDepartment = "(no department)"

    /// A department's label: its name, or `(no department)` when empty.
    static func label(_ name: String) -> String {
        name.isEmpty ? noDepartment : name
    }

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
