import Foundation
import RobinAnalytics
import RobinConfig
import RobinExports
import RobinModel
import RobinPipeline
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

    /// The report input the pipeline assembles (`ReportAssembly`) for `period`, whose
    /// metrics and the previous period's are computed here (no insights: the
    /// figures alone); the other trend periods are not at hand.
    static func input(_ exports: Exports, settings: Settings, period: ReportPeriod) throws -> ReportInput {
        let analyzer = Analyzer(settings: settings)
        var metrics = try analyzer.metrics(desks: exports.desks, events: exports.events, period: period.period)
        let previous = try analyzer.metrics(desks: exports.desks, events: exports.events, period: period.previous.period)
        metrics.previous = Metrics.Previous(previous)
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
