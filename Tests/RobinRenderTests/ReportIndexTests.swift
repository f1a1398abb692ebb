import Foundation
import Synchronization
import Testing
import RobinMarkdown
import RobinModel
import RobinTestSupport
@testable import RobinRender

/// The archive index of Output/ and of the docs repository, from real folders.
@Suite("Archive index")
struct ReportIndexTests {
    /// Writes the fixture week's metrics.json, moved to `from`...`to`, into `folder/path`.
    static func report(_ folder: String, _ path: String, from: String, to: String,
                       edit: (String) -> String = { $0 }) throws {
        let source = ReportFixture.weekFolder.appendingPathComponent("metrics.json")
        let text = try String(contentsOf: source, encoding: .utf8)
            .replacingOccurrences(of: "\"from\": \"2026-11-16\"", with: "\"from\": \"\(from)\"")
            .replacingOccurrences(of: "\"to\": \"2026-11-22\"", with: "\"to\": \"\(to)\"")
        try FileManager.default.createDirectory(atPath: "\(folder)/\(path)", withIntermediateDirectories: true)
        try Data(edit(text).utf8).write(to: URL(fileURLWithPath: "\(folder)/\(path)/metrics.json"))
    }

    /// The cells of a pipe-table row as GitHub splits them: at every `|` not escaped by a backslash.
    static func cells(_ row: Substring) -> [String] {
        var cells: [String] = [], cell = "", escaped = false
        for character in row.dropFirst().dropLast() {
            if character == "|" && !escaped {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(character)
            }
            escaped = character == "\\" && !escaped
        }
        return cells + [cell.trimmingCharacters(in: .whitespaces)]
    }

    @Test("weeks, months and other periods in their own tables, newest first by end date; audiences under their period")
    func sections() throws {
        let folder = try TemporaryFolder("robin-index")
        defer { folder.remove() }
        let out = folder.path
        try Self.report(out, "2026-W46", from: "2026-11-09", to: "2026-11-15")
        try Self.report(out, "2026-W48", from: "2026-11-23", to: "2026-11-29")
        try Self.report(out, "2026-W47", from: "2026-11-16", to: "2026-11-22")
        try Self.report(out, "2026-W47/audiences/singapore", from: "2026-11-16", to: "2026-11-22")
        try Self.report(out, "2026-W47/audiences/london-site", from: "2026-11-16", to: "2026-11-22")
        try Self.report(out, "2026-10", from: "2026-10-01", to: "2026-10-31")
        try Self.report(out, "2026-11", from: "2026-11-01", to: "2026-11-30")
        try Self.report(out, "2026-11-03_2026-11-12", from: "2026-11-03", to: "2026-11-12")
        try FileManager.default.createDirectory(atPath: out + "/demo/.cache", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: out + "/.hidden", withIntermediateDirectories: true)
        try Self.report(out, ".hidden", from: "2026-11-23", to: "2026-11-29")

        let markdown = try ReportIndex.scan(out, badFiles: .fail).markdown()
        let lines = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("| [") || $0.hasPrefix("| ↳") }
        #expect(lines == [
            "## Weeks",
            "| [Week 48, 2026](2026-W48/report.md) | 23–29 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "| [Week 47, 2026](2026-W47/report.md) | 16–22 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "| ↳ [london\\-site](2026-W47/audiences/london-site/report.md) | 16–22 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "| ↳ [singapore](2026-W47/audiences/singapore/report.md) | 16–22 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "| [Week 46, 2026](2026-W46/report.md) | 9–15 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "## Months",
            "| [November 2026](2026-11/report.md) | 1–30 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "| [October 2026](2026-10/report.md) | 1–31 October 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "## Other periods",
            "| [3–12 November 2026](2026-11-03_2026-11-12/report.md) | 3–12 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
        ])
        #expect(markdown.hasPrefix("<!-- Written by robin-report"))
        let header = "| Report | Dates | " + Measure.index.map(\.label).joined(separator: " | ") + " |"
        #expect(markdown.components(separatedBy: header + "\n").count - 1 == 3)
        let empty = try TemporaryFolder("robin-index")
        defer { empty.remove() }
        #expect(try ReportIndex.scan(empty.path, badFiles: .fail).markdown().hasSuffix("# Workplace reports\n\nNo reports yet.\n"))
    }

    @Test("folder names with pipes, spaces, brackets and parentheses break neither rows nor links")
    func hostileFolderNames() throws {
        let folder = try TemporaryFolder("robin-index")
        defer { folder.remove() }
        let out = folder.path
        let names = ["2026-W47 copy | final", "[x](javascript:alert(1))", "a%20b <c> #d ?e", "wk 47\\"]
        for name in names { try Self.report(out, name, from: "2026-11-16", to: "2026-11-22") }
        try Self.report(out, "2026-W46", from: "2026-11-09", to: "2026-11-15")
        try Self.report(out, "2026-W46/audiences/ops | (night)", from: "2026-11-09", to: "2026-11-15")
        let index = try ReportIndex.scan(out, badFiles: .fail)
        let rows = index.markdown().split(separator: "\n").filter { $0.hasPrefix("| [") || $0.hasPrefix("| ↳") }
        #expect(rows.count == 6)
        for row in rows { #expect(Self.cells(row).count == 6, "\(row)") }

        // Rendered (cmark), each row is one link to its own folder and nothing else is markup.
        let html = try MarkdownHTML.render(index.body(linkingTo: "report.html"))
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let targets = hrefs.map { $0.replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding ?? "" }
        #expect(Set(targets) == Set((names + ["2026-W46", "2026-W46/audiences/ops | (night)"]).map { $0 + "/report.html" }))
        #expect(!html.contains("javascript:alert(1)\""))
        #expect(html.components(separatedBy: "<tr>").count - 1 == 1 + 6)  // the header row, six reports
        for name in names {
            // The name is shown as text after the period's title.
            #expect(html.contains("Week 47, 2026 (\(HTMLEscaping.escape(name)))"), "\(name)")
        }
    }

    @Test("Output/ leaves out a report whose metrics.json is bad and names it; publish's strict reading refuses it")
    func badFiles() throws {
        let folder = try TemporaryFolder("robin-index")
        defer { folder.remove() }
        let out = folder.path
        try Self.report(out, "2026-W47", from: "2026-11-16", to: "2026-11-22")
        try Self.report(out, "2026-W45", from: "2026-11-02", to: "2026-11-08") {
            $0.replacingOccurrences(of: "\"people\": 59,", with: "\"people\": -59,")
        }
        try Self.report(out, "2026-W44", from: "2026-10-26", to: "2026-11-01") {
            $0.replacingOccurrences(of: "\"avg_daily_people\": 32.8,", with: "\"avg_daily_people\": 1e300,")
        }
        try FileManager.default.createDirectory(atPath: out + "/2026-W43", withIntermediateDirectories: true)
        try Data("{\"schema_version\": 1, \"period\": ".utf8).write(to: URL(fileURLWithPath: out + "/2026-W43/metrics.json"))

        let warnings = Warnings()
        try ReportWriter(outputDirectory: out).writeIndex { warnings.append($0) }
        #expect(warnings.all == [
            "\(out)/2026-W43/metrics.json: not valid JSON (Unexpected end of file during JSON parse.); left out of the index",
            "\(out)/2026-W45/metrics.json: desks.total.people: -59 is not a count (a whole number from 0 to 9,007,199,254,740,991); left out of the index",
        ])
        let markdown = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
        #expect(markdown.contains("| [Week 47, 2026](2026-W47/report.md) |"))
        #expect(markdown.contains("| [Week 44, 2026](2026-W44/report.md) | 26 October – 1 November 2026 | 59 | 1" + String(repeating: ",000", count: 100) + ".0 | 67.1% | 41.7% |"))
        #expect(!markdown.contains("Week 45") && !markdown.contains("Week 43"))
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("href=\"2026-W47/report.html\""))
        #expect(!html.contains("<!--"))

        let error = try #require(throws: MetricsFileError.self) { try ReportIndex.scan(out, badFiles: .fail) }
        #expect(error.description.hasPrefix("\(out)/2026-W43/metrics.json: not valid JSON"))
    }
}

/// Warnings collected from a `@Sendable` callback.
final class Warnings: Sendable {
    private let list = Mutex<[String]>([])

    func append(_ warning: String) { list.withLock { $0.append(warning) } }
    var all: [String] { list.withLock { $0 } }
}
