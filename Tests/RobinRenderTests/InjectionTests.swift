import Foundation
import Testing
import RobinExports
import RobinModel
import RobinTestSupport
@testable import RobinRender

/// Names from the exports are data: whatever they contain, they render as literal
/// text in the Markdown and the HTML and never break a table.
@Suite("Hostile names")
struct InjectionTests {
    static let hostile = [
        "<script>alert(1)</script>", "[x](javascript:alert(1))", "*Sales* | _Ops_", "Line\nBreak",
        "# Heading", "R&D <b>bold</b>", "`code`", "\"quoted\" 'single'", "| pipe |", "![img](http://evil/x.png)",
    ]

    /// A report of one day whose every building, floor, department, room (and desk type) is one of `names`.
    static func report(names: [String] = hostile) async throws -> RenderedReport {
        var desks = ExportCSV(.desks), spaces = ExportCSV(.spaces)
        for (index, name) in names.enumerated() {
            desks.add(["Building": name, "Floor": name, "Desk ID": "D\(index)", "Reservation ID": "\(index)", "Type": name,
                       "Start (UTC)": "2026-11-17 14:00:00", "Hour Duration": "8", "Assignee Email": "p\(index)@x.com",
                       "Assignee Department": name])
            spaces.add(["Building": name, "Floor": name, "Space": name, "Space ID": "S\(index)", "Event ID": "E\(index)",
                        "Event Status": "Confirmed", "Started At (UTC)": "2026-11-17 14:00:00", "Minute Duration": "60",
                        "Capacity": "8", "Attendees": "2", "Host Robin Email": "h\(index)@x.com", "Host Department": name])
        }
        let deskFile = try desks.file(name: "desks.csv"), spaceFile = try spaces.file(name: "spaces.csv")
        defer { deskFile.remove(); spaceFile.remove() }
        var settings = Settings()
        settings.minGroupSize = 1
        let exports = try await Exports.read(desks: [deskFile.path], spaces: [spaceFile.path])
        return try ReportRenderer(templates: .builtIn()).render(
            ReportFixture.input(exports, settings: settings, period: .week(year: 2026, week: 47)!))
    }

    @Test("no markup from the data reaches the HTML")
    func html() async throws {
        let html = try await Self.report().html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<a "), "no link comes from the data")
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("src=\"http://evil"))
        #expect(!html.contains("<h1>Heading") && !html.contains("<code>code"))
        // ... but the names are there as text.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("R&amp;D &lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("[x](javascript:alert(1))"))
    }

    @Test("every table row keeps its column count in Markdown and HTML")
    func tables() async throws {
        let report = try await Self.report()
        // Markdown: within each table, every row has as many unescaped pipes as the header.
        var tablePipes: [Int] = []
        for line in (report.markdown + "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                #expect(Set(tablePipes).count <= 1, "a table row lost or gained a column: \(tablePipes)")
                tablePipes = []
                continue
            }
            var pipes = 0, escaped = false
            for character in line {
                if character == "|" && !escaped { pipes += 1 }
                escaped = character == "\\" && !escaped
            }
            tablePipes.append(pipes)
        }
        // HTML: each table's rows have as many cells as its header.
        for table in report.html.components(separatedBy: "<table").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            let rows = body.components(separatedBy: "<tr").dropFirst()
            let counts = rows.map { $0.components(separatedBy: "<td").count - 1 + $0.components(separatedBy: "<th").count - 1 }
            #expect(Set(counts).count == 1, "rows with \(counts) cells")
        }
    }

    @Test("each hostile name shows as literal text in the building table")
    func literal() async throws {
        let html = try await Self.report().html
        for name in Self.hostile where !name.contains("\n") {
            let escaped = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(html.contains(escaped), "\(name) not shown literally")
        }
    }
}
