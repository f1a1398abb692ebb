import Foundation
import Testing
import RobinMarkdown
import RobinModel
@testable import RobinRender

/// The headline's trend: a text sparkline in report.md and an inline SVG with a text
/// alternative in report.html, both scaled to the values' own range.
@Suite("Headline trend")
struct HeadlineTrendTests {
    static let people = [290, 286, 283, 286, 285, 285, 283, 284]

    @Test("283 to 290 people reads as a movement in both formats, and in words")
    func sparklines() async throws {
        let input = try await ReportFixture.weekWithHistory(people: Self.people)
        let report = try ReportRenderer(templates: .builtIn()).render(input)
        #expect(report.markdown.contains("| People in the office | 284 | 1 | ▲ 28,300.0% | █▄▁▄▃▃▁▂ |"))

        let label = "People in the office: 283 to 290 over 8 weeks, latest 284"
        let row = try #require(report.html.components(separatedBy: "<th scope=\"row\" role=\"rowheader\">People in the office</th>").last?
            .components(separatedBy: "</tr>").first)
        #expect(row.contains("<td data-label=\"Trend\" role=\"cell\"><svg class=\"sparkline\""))
        #expect(row.contains("role=\"img\" aria-label=\"\(label)\"><title>\(label)</title>"))
        #expect(!row.contains("█▄▁"), "the HTML draws the sparkline instead of the characters")
        // The highest week at the top of the box (y 3), the lowest ones at the bottom (y 21).
        let points = try #require(row.components(separatedBy: "points=\"").last?.components(separatedBy: "\"").first)
        let ys = points.split(separator: " ").map { Double($0.split(separator: ",")[1])! }
        #expect(ys.count == 8 && ys[0] == 3 && ys[2] == 21 && ys[6] == 21)
        #expect(ys.allSatisfy { (3...21).contains($0) })
    }

    @Test("gaps, steady figures and months are said in words")
    func summaries() async throws {
        var input = try await ReportFixture.week()
        let table = HeadlineTable(documents: try HeadlineDocuments(input), input: input)
        #expect(table.trendSummary(.peopleInOffice) == "People in the office: 1 to 59 over 8 weeks (6 without data), latest 59")
        #expect(table.trendSummary(.roomUtilization) == "Room utilization: steady at 41.7% over 8 weeks (7 without data), latest 41.7%")
        #expect(table.sparkline(.roomUtilization) == Figures.missing)
        // A cell that is not a measure's own sparkline keeps its Markdown.
        #expect(table.sparklineHTML(for: TableCell(text: "······▁█", rowHeader: "People in the office", columnHeader: "Trend")) != nil)
        #expect(table.sparklineHTML(for: TableCell(text: "······▁█", rowHeader: "Somebody", columnHeader: "Trend")) == nil)
        #expect(table.sparklineHTML(for: TableCell(text: "59", rowHeader: "People in the office", columnHeader: "This period")) == nil)

        input.period = .month(year: 2026, month: 11)!
        #expect(HeadlineTable(documents: try HeadlineDocuments(input), input: input).trendSummary(.peopleInOffice)
            .contains("over 8 months"))
    }
}
