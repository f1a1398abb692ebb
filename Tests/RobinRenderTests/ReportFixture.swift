import Foundation
import RobinAnalytics
import RobinConfig
import RobinExports
import RobinModel
import RobinPipeline
import RobinRender
import Testing

/// Report inputs made from real export files through the real reader and analyzer.
enum ReportFixture {
    /// The synthetic week shipped with the analytics tests.
    static let weekFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../RobinAnalyticsTests/Fixtures/week").standardized

    static func files(_ folder: URL, _ kind: String) throws -> [String] {
        let directory = folder.appendingPathComponent(kind)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { directory.appendingPathComponent($0).path }
    }

    /// Week 47 of 2026 from the fixture files, with an empty week 46 as the previous period.
    static func week() async throws -> ReportInput {
        let settings = try ConfigLoader.load(path: weekFolder.appendingPathComponent("robin-report.toml").path)
        let exports = try await Exports.read(desks: files(weekFolder, "desks"), spaces: files(weekFolder, "spaces"))
        return try input(exports, settings: settings, period: .week(year: 2026, week: 47)!)
    }

    /// The report input the pipeline assembles (`ReportAssembly`) for `period`:
    /// the period analysed with the one before as its trend (`previous`,
    /// insights); the other trend periods are not at hand.
    static func input(_ exports: Exports, settings: Settings, period: ReportPeriod) throws -> ReportInput {
        let analyzer = Analyzer(settings: settings)
        let analysed = try analyzer.trendMetrics(desks: exports.desks, events: exports.events, period: period.period,
                                                 trend: [period.previous.period, period.period])
        let metrics = try #require(analysed.last ?? nil), previous = try #require(analysed.first ?? nil)
        let trend = (0..<8).reversed().map { period.earlier(by: $0) }
        let days = period.period.dates
        return ReportAssembly(period: period, trend: trend, settings: settings, desksRead: days, spacesRead: days)
            .input(exports: exports, metrics: trend.map { $0 == period ? metrics : $0 == period.previous ? previous : nil })
    }
}

extension ReportFixture {
    /// The fixture week with eight weeks of history: `people` in the office per week,
    /// oldest first, the last being this week's (every other figure as this week's).
    static func weekWithHistory(people: [Int]) async throws -> ReportInput {
        precondition(people.count == 8)
        var input = try await week()
        input.metrics.desks.total.people = people[7]
        input.trend = input.trend.enumerated().map { index, entry in
            var metrics = input.metrics
            metrics.desks.total.people = people[index]
            metrics.previous = nil
            return (entry.period, entry.period == input.period ? input.metrics : metrics)
        }
        return input
    }
}

extension ReportFixture {
    /// The fixture week with an insight of every kind: targets (met, near, missed) and
    /// capacity as the analytics finds them with `[targets]` set, and planted where the
    /// fixture's single week cannot show them: movers (a department, a floor, a
    /// building's rooms), a low day, and the week ahead with one busy day.
    static func weekWithInsights() async throws -> ReportInput {
        var settings = try ConfigLoader.load(path: weekFolder.appendingPathComponent("robin-report.toml").path)
        settings.targets = [.deskUtilization: 0.7, .checkInRate: 0.8, .roomUtilization: 0.3]
        settings.closedDates = [LocalDate("2026-11-21")!]
        let exports = try await Exports.read(desks: files(weekFolder, "desks"), spaces: files(weekFolder, "spaces"))
        var input = try input(exports, settings: settings, period: .week(year: 2026, week: 47)!)
        let movers: [Insight] = [
            .mover(.init(measure: .avgDailyPeople, group: GroupKey([.init("department", "Sales")]),
                         value: 30.2, previous: 41.0, baseline: 40.1)),
            .mover(.init(measure: .deskUtilization, group: GroupKey([.init("building", "HQ New York"), .init("floor", "Floor 2")]),
                         value: 0.52, previous: 0.44, baseline: nil)),
            .mover(.init(measure: .utilization, group: GroupKey([.init("building", "London")]),
                         value: 0.21, previous: 0.3, baseline: 0.28)),
        ]
        let low = Insight.lowDay(.init(date: LocalDate("2026-11-20")!, people: 3, usual: 9.5))
        let ahead = Period(from: LocalDate("2026-11-23")!, to: LocalDate("2026-11-29")!)!
        let desks = Dictionary(uniqueKeysWithValues: input.metrics.capacity.byBuilding.map { ($0.key["building"]!, $0.figures.desks) })
        let booked = ["HQ New York": [9, 12, 11, 10, 4, 0, 0], "London": [5, 9, 6, 6, 2, 0, 0], "Singapore": [4, 6, 7, 5, 3, 1, 0]]
        let days = desks.keys.sorted().flatMap { building in
            ahead.dates.enumerated().map { index, date in
                ForwardDay(building: building, date: date, booked: booked[building]![index], desks: desks[building]!,
                           bookedShare: Double(booked[building]![index]) / Double(desks[building]!))
            }
        }
        input.metrics.forward = Forward(period: ahead, byBuilding: days)
        let busy = days.filter { ($0.bookedShare ?? 0) >= 0.9 }.map {
            Insight.busyDay(.init(group: GroupKey([.init("building", $0.building)]), date: $0.date, bookedShare: $0.bookedShare!))
        }
        let found = input.metrics.insights
        input.metrics.insights = movers + found.filter { $0.kind == .target } + [low] + found.filter { $0.kind == .capacity } + busy
        return input
    }
}
