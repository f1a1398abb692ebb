import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics

/// Capacity (docs/metrics.md "Capacity") on the week 2026-11-16..22, HQ floor 2
/// configured with 20 desks:
///
/// | floor    | who, where, when                                                     |
/// | HQ 1     | a0..a3 at D0..D3 Mon; a4 at D0 Tue                                   |
/// | HQ 2     | b0..b2 at E0..E2 Mon; b3..b5 at E0..E2 Wed; b0..b4 at E0..E4 Sat     |
/// | Annex 1  | c0, c1 at F0, F1 Mon                                                 |
@Suite("Insights: capacity")
struct CapacityTests {
    static func desks() -> ExportCSV {
        var rows = DeskRows()
        for index in 0..<4 { rows.add("a\(index)@x.com", desk: "D\(index)", on: "2026-11-16") }
        rows.add("a4@x.com", desk: "D0", on: "2026-11-17")
        for index in 0..<3 {
            rows.add("b\(index)@x.com", desk: "E\(index)", on: "2026-11-16", floor: "2")
            rows.add("b\(index + 3)@x.com", desk: "E\(index)", on: "2026-11-18", floor: "2")
        }
        for index in 0..<5 { rows.add("b\(index)@x.com", desk: "E\(index)", on: "2026-11-21", floor: "2") }
        for index in 0..<2 { rows.add("c\(index)@x.com", desk: "F\(index)", on: "2026-11-16", building: "Annex") }
        return rows.csv
    }

    static var settings: Settings {
        var settings = Settings()
        settings.buildings["HQ"] = .init(floors: ["2": .init(desks: 20)])
        return settings
    }

    @Test("desks, the busiest workday's desks and date, occupancy, sharing ratio and status per building and floor")
    func figures() throws {
        let capacity = try analyze(desks: Self.desks(), settings: Self.settings).capacity
        #expect(capacity.byBuilding.map { $0.key["building"] } == ["Annex", "HQ"])
        #expect(capacity.byFloor.map { "\($0.key["building"]!)/\($0.key["floor"]!)" } == ["Annex/1", "HQ/1", "HQ/2"])
        let monday = LocalDate("2026-11-16")!
        // HQ: 4 seen on floor 1 + 20 configured on floor 2 = 24 desks; Monday used 4 + 3 = 7; 11 people.
        #expect(capacity.byBuilding[1].figures == CapacityFigures(
            desks: 24, peakDesksUsed: 7, peakDate: monday, peakOccupancy: 7.0 / 24, sharingRatio: 11.0 / 24,
            status: .consolidate))
        // HQ floor 1: 4 of 4 desks on Monday; 5 people.
        #expect(capacity.byFloor[1].figures == CapacityFigures(
            desks: 4, peakDesksUsed: 4, peakDate: monday, peakOccupancy: 1, sharingRatio: 1.25, status: .atRisk))
        // HQ floor 2: Saturday's 5 desks are not a workday's; Monday and Wednesday tie at 3, Monday first.
        #expect(capacity.byFloor[2].figures == CapacityFigures(
            desks: 20, peakDesksUsed: 3, peakDate: monday, peakOccupancy: 0.15, sharingRatio: 0.3, status: .consolidate))
        #expect(capacity.byFloor[0].figures.status == .atRisk)  // Annex: 2 of 2
    }

    @Test("an insight for each group not ok, buildings then floors, none for a group under min_group_size people")
    func insights() throws {
        let metrics = try #require(try analyzeTrend(desks: Self.desks(), trend: [week], settings: Self.settings).last ?? nil)
        let alerts = metrics.insights.compactMap { if case .capacity(let alert) = $0 { alert } else { nil } }
        #expect(alerts == [
            Insight.CapacityAlert(group: GroupKey([.init("building", "HQ")]), status: .consolidate, peakOccupancy: 7.0 / 24),
            Insight.CapacityAlert(group: GroupKey([.init("building", "HQ"), .init("floor", "1")]), status: .atRisk,
                                  peakOccupancy: 1),
            Insight.CapacityAlert(group: GroupKey([.init("building", "HQ"), .init("floor", "2")]), status: .consolidate,
                                  peakOccupancy: 0.15),
        ])
    }

    @Test("a period without a workday has no peak occupancy and no status; the thresholds are 0.5 and 0.9")
    func noWorkday() throws {
        let weekend = Period(from: LocalDate("2026-11-21")!, to: LocalDate("2026-11-22")!)!
        let floor = try #require(try analyze(desks: Self.desks(), period: weekend, settings: Self.settings).capacity.byFloor.first)
        #expect(floor.figures.peakDesksUsed == 0 && floor.figures.peakDate == nil)
        #expect(floor.figures.peakOccupancy == nil && floor.figures.status == nil && floor.figures.sharingRatio == 0.25)
        #expect(CapacityStatus(peakOccupancy: 0.4999) == .consolidate && CapacityStatus(peakOccupancy: 0.5) == .ok)
        #expect(CapacityStatus(peakOccupancy: 0.8999) == .ok && CapacityStatus(peakOccupancy: 0.9) == .atRisk)
    }
}
