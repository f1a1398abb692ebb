import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinRender

/// The rendered report of the fixture week against golden files (RECORD_SNAPSHOTS=1 to accept changes).
@Suite("Report golden files")
struct ReportGoldenTests {
    @Test("report.md, report.html and every chart match their golden files")
    func golden() async throws {
        let report = try ReportRenderer(templates: .builtIn()).render(try await ReportFixture.week())
        #expect(report.slug == "2026-W47")
        var problems: [String] = []
        problems += [await Golden.mismatch(report.markdown, name: "week/report.md")].compactMap { $0 }
        problems += [await Golden.mismatch(report.html, name: "week/report.html")].compactMap { $0 }
        for chart in report.charts {
            problems += [await Golden.mismatch(chart.svg, name: "week/charts/\(chart.fileName)")].compactMap { $0 }
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
        #expect(report.charts.map(\.fileName).sorted() == ["daily-attendance.svg", "room-heatmap.svg",
                                                            "trend-desk-utilization.svg", "trend-people.svg",
                                                            "weekday-attendance.svg"])
    }

    @Test("a week with an insight of every kind: report.md and report.html match their golden files")
    func goldenInsights() async throws {
        let report = try ReportRenderer(templates: .builtIn()).render(try await ReportFixture.weekWithInsights())
        let problems = [await Golden.mismatch(report.markdown, name: "week-insights/report.md"),
                        await Golden.mismatch(report.html, name: "week-insights/report.html")].compactMap { $0 }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    @Test("the same input renders the same bytes")
    func deterministic() async throws {
        let input = try await ReportFixture.weekWithInsights()
        let renderer = ReportRenderer(templates: try .builtIn())
        let first = try renderer.render(input), second = try renderer.render(input)
        #expect(first.markdown == second.markdown)
        #expect(first.html == second.html)
        #expect(first.charts.map(\.svg) == second.charts.map(\.svg))
        #expect(first.tables.map(\.csv) == second.tables.map(\.csv))
    }

    @Test("the HTML page is self-contained: no scripts, no external assets but the charts")
    func selfContained() async throws {
        let html = try ReportRenderer(templates: .builtIn()).render(try await ReportFixture.week()).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("<style"))
        #expect(html.contains("prefers-color-scheme"))
        #expect(html.contains("@media print"))
        let sources = html.components(separatedBy: "src=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!sources.isEmpty)
        #expect(sources.allSatisfy { $0.hasPrefix("charts/") && $0.hasSuffix(".svg") })
    }
}
