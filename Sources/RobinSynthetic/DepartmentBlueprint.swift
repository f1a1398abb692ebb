/// Departments of very different sizes. The three tiny ones (fixed head
/// counts under 5) and the people with no department exist so the privacy
/// fold and the `(no department)` group are always exercised.
enum DepartmentBlueprint {
    /// (name, weight in percent of the remaining head count).
    static let weighted: [(String, Int)] = [
        ("Engineering", 26), ("Sales", 15), ("Customer Success", 10), ("Operations", 8), ("Marketing", 7),
        ("Research, Data & AI", 6), ("Product", 6), ("Finance", 5), ("People & Culture", 4), ("Design", 3),
        ("IT", 3), ("Legal", 2), ("Workplace", 2),
    ]

    /// (name, exact head count), whatever the organisation's size.
    static let tiny: [(String, Int)] = [("Executive Office", 3), ("Internal Audit", 2), ("Treasury", 4)]

    /// People with an empty department: at least 2, about 1 in 150.
    static func unassignedCount(people: Int) -> Int {
        max(2, people / 150)
    }

    /// The department whose first member acts as facilities admin.
    static let facilities = "Workplace"
}
