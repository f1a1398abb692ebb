import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics

/// Movers (docs/metrics.md "Movers") over five ISO weeks ending 2026-11-16..22, the
/// week before (11-09..15) being `previous`. Mon-Fri workweek, min_group_size 5.
///
/// | group                       | weeks 1-3          | previous   | this week  |
/// | Sales, HQ floor 1, 10 people | Mon-Wed (avg 6)   | Mon-Fri (10) | Mon (2)  |
/// | Ops, HQ floor 2, 10 people   | Mon-Fri (10)      | Mon-Fri (10) | Mon-Thu (8) |
/// | Tiny, Annex floor 1, 3 people | Mon-Fri          | Mon-Fri    | Mon        |
///
/// Each person keeps one desk, so a floor's desk utilization is its share of
/// person-days: Sales 0.6 / 1.0 / 0.2, Ops 1.0 / 1.0 / 0.8.
@Suite("Insights: movers")
struct MoverTests {
    static func desks() -> ExportCSV {
        var rows = DeskRows()
        for (index, period) in weeks(5).enumerated() {
            let monday = period.from.description
            let sales = index < 3 ? [0, 1, 2] : index == 3 ? [0, 1, 2, 3, 4] : [0]
            let ops = index == 4 ? [0, 1, 2, 3] : [0, 1, 2, 3, 4]
            let tiny = index == 4 ? [0] : [0, 1, 2, 3, 4]
            rows.add(people: 10, prefix: "sales", desk: "S", on: dates(week: monday, sales), department: "Sales")
            rows.add(people: 10, prefix: "ops", desk: "O", on: dates(week: monday, ops), department: "Ops", floor: "2")
            rows.add(people: 3, prefix: "tiny", desk: "T", on: dates(week: monday, tiny), department: "Tiny",
                     building: "Annex")
        }
        return rows.csv
    }

    static func movers(isAtHand: (Period) -> Bool = { _ in true }) throws -> [Insight.Mover] {
        let metrics = try #require(try analyzeTrend(desks: desks(), trend: weeks(5), isAtHand: isAtHand).last ?? nil)
        return metrics.insights.compactMap { if case .mover(let mover) = $0 { mover } else { nil } }
    }

    @Test("which groups move, by how much, against which baseline, in which order")
    func movers() throws {
        let movers = try Self.movers()
        let listed = movers.map { "\($0.measure.rawValue) \($0.group.fields.map(\.value).joined(separator: "/"))" }
        // |relative change| 0.8 (Sales: avg 10 -> 2, utilization 1.0 -> 0.2), then 0.5 (HQ: avg 20 -> 10,
        // utilization 1.0 -> 0.5), then 0.2 (Ops: utilization 1.0 -> 0.8; its avg moves by 2 < 5 people).
        // Ties: avg_daily_people before desk_utilization, then keys (HQ/1 before Sales).
        // Annex, Annex/1 and (small teams) (Tiny, 3 people) move too but are under 5 people.
        #expect(listed == [
            "avg_daily_people HQ/1", "avg_daily_people Sales", "desk_utilization HQ/1", "desk_utilization Sales",
            "avg_daily_people HQ", "desk_utilization HQ", "desk_utilization HQ/2", "desk_utilization Ops",
        ])
        let sales = try #require(movers.first { $0.group == GroupKey([.init("department", "Sales")]) && $0.measure == .avgDailyPeople })
        #expect(sales.value == 2 && sales.previous == 10 && sales.change == -8 && sales.relativeChange == -0.8)
        #expect(sales.baseline == 6)  // weeks 1-3: 30 person-days / 5 workdays each
        let hq = try #require(movers.first { $0.group == GroupKey([.init("building", "HQ")]) && $0.measure == .deskUtilization })
        #expect(hq.value == 0.5 && hq.previous == 1 && hq.relativeChange == -0.5)
        #expect(hq.baseline.isClose(to: 0.8))  // (30 Sales + 50 Ops desk-days) / (20 desks x 5 workdays)
        #expect(!movers.contains { $0.group.fields.contains { $0.value == "Annex" || $0.value == "(small teams)" } })
    }

    @Test("a baseline needs 3 earlier periods at hand; a previous period not at hand means no movers")
    func baselineAndPrevious() throws {
        let early = weeks(5)[0]
        #expect(try Self.movers(isAtHand: { $0 != early }).allSatisfy { $0.baseline == nil })
        #expect(try Self.movers(isAtHand: { $0 != weeks(5)[3] }).isEmpty)
    }

    @Test("the thresholds: 5 people and 20% for avg_daily_people, 0.05 for a ratio, both ways, computed doubles included")
    func thresholds() {
        #expect(MoverSearch.moves(.avgDailyPeople, from: 25, to: 20))    // 5, exactly 20%
        #expect(!MoverSearch.moves(.avgDailyPeople, from: 30, to: 25))   // 5 but 16.7%
        #expect(!MoverSearch.moves(.avgDailyPeople, from: 4, to: 0))     // 100% but 4 people
        #expect(MoverSearch.moves(.avgDailyPeople, from: 10, to: 15))
        #expect(MoverSearch.moves(.deskUtilization, from: 0.30, to: 0.35))  // 0.35 - 0.30 is 0.04999... in doubles
        #expect(MoverSearch.moves(.utilization, from: 0.5, to: 0.45))
        #expect(!MoverSearch.moves(.utilization, from: 0.5, to: 0.451))
        #expect(Insight.Mover(measure: .utilization, group: GroupKey([]), value: 0.1, previous: 0, baseline: nil)
            .relativeChange == nil)
    }

    @Test("a change from 0 (no relative change) sorts after every other, then by measure and keys")
    func order() {
        func mover(_ measure: Insight.Mover.Measure, _ previous: Double, _ key: [GroupKey.Field]) -> Insight.Mover {
            Insight.Mover(measure: measure, group: GroupKey(key), value: 1, previous: previous, baseline: nil)
        }
        let fromZero = mover(.utilization, 0, [.init("building", "A")])
        let small = mover(.deskUtilization, 0.9, [.init("building", "B")])   // +11%
        let big = mover(.deskUtilization, 0.5, [.init("department", "A")])   // +100%
        let bigFloor = mover(.deskUtilization, 0.5, [.init("building", "A"), .init("floor", "1")])
        let bigBuilding = mover(.deskUtilization, 0.5, [.init("building", "A")])
        let sorted = [fromZero, small, big, bigFloor, bigBuilding].sorted(by: MoverSearch.precedes)
        // Equal changes: key values first (["A"] before ["A", "1"]), then field names (building before department).
        #expect(sorted == [bigBuilding, big, bigFloor, small, fromZero])
    }
}
