import RobinModel

/// Movers (METRICS.md "Movers"): desk groups by building, floor and department
/// (`avg_daily_people`, `desk_utilization`) and room groups by building
/// (`utilization`) whose figure changed markedly since the previous period.
struct MoverSearch {
    let privacy: InsightPrivacy

    /// The candidate group lists, each with the measures it is checked on.
    enum Candidates: CaseIterable {
        case deskBuildings, deskFloors, deskDepartments, roomBuildings

        var measures: [Insight.Mover.Measure] {
            self == .roomBuildings ? [.utilization] : [.avgDailyPeople, .deskUtilization]
        }

        /// Each group's key and its value of `measure` in `metrics`.
        func values(_ measure: Insight.Mover.Measure, in metrics: Metrics) -> [(key: GroupKey, value: Double?)] {
            let desks: [Group<DeskFigures>]
            switch self {
            case .roomBuildings: return metrics.rooms.byBuilding.map { ($0.key, $0.figures.utilization) }
            case .deskBuildings: desks = metrics.desks.byBuilding
            case .deskFloors: desks = metrics.desks.byFloor
            case .deskDepartments: desks = metrics.desks.byDepartment
            }
            return desks.map { ($0.key, measure == .avgDailyPeople ? $0.figures.avgDailyPeople : $0.figures.deskUtilization) }
        }
    }

    /// - Parameters:
    ///   - earlier: the trend periods before `previous`, oldest first (nil = not at hand), for the baseline.
    func movers(current: Metrics, previous: Metrics, earlier: [Metrics?]) -> [Insight.Mover] {
        var movers: [Insight.Mover] = []
        for candidates in Candidates.allCases {
            for measure in candidates.measures {
                func valueMap(_ metrics: Metrics) -> [GroupKey: Double] {
                    var map: [GroupKey: Double] = [:]
                    for entry in candidates.values(measure, in: metrics) { map[entry.key] = entry.value }
                    return map
                }
                let before = valueMap(previous)
                let history = earlier.compactMap { $0.map(valueMap) }
                for (key, value) in candidates.values(measure, in: current) {
                    guard let value, let old = before[key],
                          privacy.allows(key, in: current), privacy.allows(key, in: previous),
                          Self.moves(measure, from: old, to: value) else { continue }
                    // The group's value in each earlier period that has it, oldest first.
                    let values = history.compactMap { $0[key] }
                    let baseline = values.count >= 3 ? values.reduce(0, +) / Double(values.count) : nil
                    movers.append(Insight.Mover(measure: measure, group: key, value: value, previous: old,
                                                baseline: baseline))
                }
            }
        }
        return movers.sorted(by: Self.precedes)
    }

    /// METRICS.md's thresholds: 5 people and 20% for `avg_daily_people`, 0.05 for a ratio.
    /// A change is a difference of two computed figures, so it is compared with
    /// `Insight.tolerance` to spare: 0.30 to 0.35 moves by 0.05 (in doubles, 0.0499...).
    static func moves(_ measure: Insight.Mover.Measure, from previous: Double, to value: Double) -> Bool {
        let change = abs(value - previous), slack = Insight.tolerance
        return measure.isRatio ? change >= 0.05 - slack : change >= 5 - slack && change >= 0.2 * previous - slack
    }

    /// Largest `|relative_change|` first (a change from 0, which has none, after every
    /// other), then by measure, then by the group's key values and names.
    static func precedes(_ a: Insight.Mover, _ b: Insight.Mover) -> Bool {
        let left = a.relativeChange.map(abs) ?? -1, right = b.relativeChange.map(abs) ?? -1
        if left != right { return left > right }
        if a.measure != b.measure { return a.measure.rawValue < b.measure.rawValue }
        return InsightSort.precedes(a.group, b.group)
    }
}

/// Orders group keys of different shapes: by their values field by field
/// (UTF-8), a key that is a prefix of another first, then by field names.
enum InsightSort {
    static func precedes(_ a: GroupKey, _ b: GroupKey) -> Bool {
        let values = (a.fields.map(\.value), b.fields.map(\.value))
        if values.0 != values.1 { return lexicographic(values.0, values.1) }
        return lexicographic(a.fields.map(\.name), b.fields.map(\.name))
    }

    private static func lexicographic(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x.utf8.lexicographicallyPrecedes(y.utf8) }
        return a.count < b.count
    }
}
