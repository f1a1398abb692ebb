import Foundation
import RobinAnalytics
import RobinConfig
import RobinExports
import RobinModel
import RobinRender

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

    static func input(_ exports: Exports, settings: Settings, period: ReportPeriod) throws -> ReportInput {
        let analyzer = Analyzer(settings: settings)
        var metrics = try analyzer.metrics(desks: exports.desks, events: exports.events, period: period.period)
        let previous = try analyzer.metrics(desks: exports.desks, events: exports.events, period: period.previous.period)
        metrics.previous = Metrics.Previous(previous)
        let trend = (0..<8).reversed().map { period.earlier(by: $0) }
        return ReportInput(
            period: period, metrics: metrics,
            trend: trend.map { ($0, $0 == period ? metrics : $0 == period.previous ? previous : nil) },
            desksRead: DataWindow(files: exports.desks.stats.files.count, rows: exports.desks.stats.rowsRead,
                                  duplicates: exports.desks.stats.duplicates, first: period.period.from, last: period.period.to),
            eventsRead: DataWindow(files: exports.events.stats.files.count, rows: exports.events.stats.rowsRead,
                                   duplicates: exports.events.stats.duplicates, first: period.period.from, last: period.period.to),
            timeZones: settings.buildings.keys.sorted().map { ($0, settings.timeZone(ofBuilding: $0)) },
            organizationTimeZone: settings.timeZone, settings: settings)
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
