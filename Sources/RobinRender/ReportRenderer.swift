import RobinCharts
import RobinMarkdown
import RobinModel

/// The render stage: metrics in, Markdown (Mustache templates), HTML (cmark),
/// SVG charts and CSV tables out. Output depends only on the input: no clocks, no randomness.
public struct ReportRenderer: Sendable {
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func render(_ input: ReportInput) throws -> RenderedReport {
        let charts = Self.charts(for: input)
        let references = charts.mapValues { ChartReference(fileName: $0.fileName, title: $0.title, summary: $0.summary) }
        let headline = HeadlineTable(documents: try HeadlineDocuments(input), input: input)
        let context = ReportContext(input: input, charts: references, headline: headline)
        let template: String
        if case .month = input.period.kind { template = "monthly" } else { template = "weekly" }
        let markdown = Self.tidy(try templates.render(template, context.values()))
        // The headline's text sparklines become inline SVG with a text alternative.
        let body = try MarkdownHTML.render(markdown, cellHTML: headline.sparklineHTML)
        let html = HTMLPage.document(title: "Workplace report: \(Self.title(input))", bodyHTML: body)
        return RenderedReport(
            slug: input.audience?.slug ?? input.period.slug, markdown: markdown, html: html, metricsJSON: input.metrics.json,
            charts: charts.values.sorted { $0.fileName < $1.fileName }.map { ($0.fileName, $0.svg) },
            tables: context.tables.map { ($0.name + ".csv", $0.csv) })
    }

    /// What the report is about: the period, after the audience's name for an
    /// audience ("London site, Week 47, 2026"). Plain text: escape it for markup.
    static func title(_ input: ReportInput) -> String {
        input.audience.map { "\($0.name), \(input.period.title)" } ?? input.period.title
    }

    /// The charts of a report by role (the template's `chart_<role>`).
    static func charts(for input: ReportInput) -> [String: Chart] {
        let metrics = input.metrics
        var charts: [String: Chart] = [:]
        if metrics.desks.total.reservations > 0 {
            charts["daily"] = Charts.dailyAttendance(metrics.desks.daily)
            charts["weekdays"] = Charts.weekdayAttendance(metrics.desks.byWeekday)
        }
        if metrics.rooms.total.events > 0 {
            charts["heatmap"] = Charts.roomHeatmap(metrics.rooms.heatmap)
        }
        let history = input.trend.filter { $0.metrics != nil }
        if history.count >= 2 {
            charts["trend_people"] = Charts.trend(
                fileName: "trend-people.svg", title: "People in the office, recent periods",
                points: input.trend.map { ($0.period.shortLabel, $0.metrics.map { Double($0.desks.total.people) }) },
                percent: false)
            charts["trend_utilization"] = Charts.trend(
                fileName: "trend-desk-utilization.svg", title: "Desk utilization, recent periods",
                points: input.trend.map { ($0.period.shortLabel, $0.metrics?.desks.total.deskUtilization) },
                percent: true)
        }
        return charts
    }

    /// Collapses the blank lines left by template sections into single ones.
    static func tidy(_ markdown: String) -> String {
        var lines: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy { $0 == " " }
            if blank, lines.last?.isEmpty ?? true { continue }
            lines.append(blank ? "" : line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
