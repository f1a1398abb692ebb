import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics

/// The new keys of metrics.json, in docs/metrics.md's order and shapes, and the same bytes for the same inputs.
@Suite("Insights in metrics.json")
struct InsightJSONTests {
    @Test("previous, insights, colocation, capacity and forward end the document; entries carry docs/metrics.md's fields in order")
    func shape() throws {
        let (desks, spaces) = TargetAndLowDayTests.targetWeek()
        var settings = Settings()
        settings.targets = [.deskUtilization: 0.5]
        let metrics = try #require(try analyzeTrend(
            desks: desks, spaces: spaces, trend: weeks(2), settings: settings,
            forward: .init(after: week, complete: true)).last ?? nil)
        let json = metrics.json
        let keys = ["\"schema_version\"", "\"period\"", "\"desks\"", "\"rooms\"", "\"previous\"", "\"insights\"",
                    "\"colocation\"", "\"capacity\"", "\"forward\""]
        // The top level's keys are the only ones indented by two spaces.
        let topLevel = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(2).prefix { $0 != ":" } }
        #expect(topLevel.map(String.init) == keys)
        // previous is the same object, with empty insights and no forward.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let previous = try #require(object["previous"] as? [String: Any])
        #expect((previous["insights"] as? [Any])?.isEmpty == true && previous["forward"] is NSNull)
        #expect((previous["capacity"] as? [String: Any])?["by_floor"] != nil && previous["colocation"] != nil)

        let entries = Metrics(
            period: week, workdays: 5, desks: metrics.desks, rooms: metrics.rooms,
            insights: [
                .mover(.init(measure: .avgDailyPeople, group: GroupKey([.init("department", "Sales")]),
                             value: 30.25, previous: 40, baseline: nil)),
                .target(.init(measure: .policyAdherence, group: GroupKey([]), value: 0.5, target: 0.55)),
                .lowDay(.init(date: LocalDate("2026-11-19")!, people: 3, usual: 9)),
                .capacity(.init(group: GroupKey([.init("building", "HQ"), .init("floor", "1")]), status: .atRisk,
                                peakOccupancy: 1)),
                .busyDay(.init(group: GroupKey([.init("building", "HQ")]), date: LocalDate("2026-11-24")!, bookedShare: 0.95)),
            ]).json
        let insights = try #require(entries.range(of: "\"insights\": ["))
        let end = try #require(entries.range(of: "\n  ],", range: insights.upperBound..<entries.endIndex))
        #expect(String(entries[insights.lowerBound..<end.upperBound]) == """
            "insights": [
                {
                  "kind": "mover",
                  "measure": "avg_daily_people",
                  "group": {
                    "department": "Sales"
                  },
                  "value": 30.25,
                  "previous": 40.0,
                  "change": -9.75,
                  "relative_change": -0.24375,
                  "baseline": null
                },
                {
                  "kind": "target",
                  "measure": "policy_adherence",
                  "group": {},
                  "value": 0.5,
                  "target": 0.55,
                  "status": "near"
                },
                {
                  "kind": "low_day",
                  "date": "2026-11-19",
                  "people": 3,
                  "usual": 9.0
                },
                {
                  "kind": "capacity",
                  "group": {
                    "building": "HQ",
                    "floor": "1"
                  },
                  "status": "at_risk",
                  "peak_occupancy": 1.0
                },
                {
                  "kind": "busy_day",
                  "group": {
                    "building": "HQ"
                  },
                  "date": "2026-11-24",
                  "booked_share": 0.95
                }
              ],
            """)
    }

    @Test("the reader (MetricsDocument) reads the new keys back typed, signs and nulls included")
    func readBack() throws {
        let (desks, spaces) = TargetAndLowDayTests.targetWeek()
        var metrics = try #require(try analyzeTrend(
            desks: desks, spaces: spaces, trend: weeks(2), settings: Settings(),
            forward: .init(after: week, complete: true)).last ?? nil)
        metrics.insights = [
            .mover(.init(measure: .avgDailyPeople, group: GroupKey([.init("department", "Sales")]),
                         value: 30.25, previous: 40, baseline: nil)),
            .lowDay(.init(date: LocalDate("2026-11-19")!, people: 3, usual: 9)),
            .busyDay(.init(group: GroupKey([.init("building", "HQ")]), date: LocalDate("2026-11-24")!, bookedShare: 0.95)),
        ]
        let document = try MetricsDocument(metrics)
        let insights = try #require(document.insights)
        #expect(insights.map(\.kind) == ["mover", "low_day", "busy_day"])
        #expect(insights[0].group == GroupKey([.init("department", "Sales")]) && insights[0].change == -9.75)
        #expect(insights[0].relativeChange == -0.24375 && insights[0].baseline == nil && insights[0].measure == "avg_daily_people")
        #expect(insights[1].date == LocalDate("2026-11-19") && insights[1].people == 3 && insights[1].usual == 9)
        #expect(insights[2].group["building"] == "HQ" && insights[2].bookedShare == 0.95)
        let capacity = try #require(document.capacity)
        #expect(capacity.byFloor.first?.key == GroupKey([.init("building", "Annex"), .init("floor", "1")]))
        #expect(capacity.byBuilding.last?.peakDesksUsed == 6 && capacity.byBuilding.last?.status == "at_risk")
        let forward = try #require(document.forward)
        #expect(forward.period.from == LocalDate("2026-11-23") && forward.byBuilding.count == 14)
        #expect(document.colocation?.byDepartment.first?.weekdayShare.map(\.weekday) == ["Mon", "Tue", "Wed", "Thu", "Fri"])
        #expect(document.previous?.insights == [] && document.previous?.forward == nil)
    }

    @Test("without a trend: insights empty, previous and forward null, capacity and colocation filled")
    func alone() throws {
        let (desks, spaces) = TargetAndLowDayTests.targetWeek()
        let json = try analyze(desks: desks, spaces: spaces).json
        #expect(json.contains("\n  \"previous\": null,\n  \"insights\": [],\n  \"colocation\": {"))
        #expect(json.hasSuffix("\n  \"forward\": null\n}\n"))
        #expect(json.contains("\"peak_desks_used\": 6"))
    }

    @Test("the same inputs give the same bytes, every insight kind included")
    func deterministic() throws {
        var settings = CapacityTests.settings
        settings.targets = [.deskUtilization: 0.5, .checkInRate: 0.1]
        settings.minGroupSize = 2
        let runs = try (0..<3).map { _ in
            try #require(try analyzeTrend(desks: MoverTests.desks(), trend: weeks(5), settings: settings,
                                          forward: .init(after: week, complete: true)).last ?? nil).json
        }
        #expect(runs[0] == runs[1] && runs[1] == runs[2])
        for kind in ["mover", "target", "capacity"] { #expect(runs[0].contains("\"kind\": \"\(kind)\"")) }
    }
}
