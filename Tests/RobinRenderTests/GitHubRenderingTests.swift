import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinRender

/// report.md as GitHub shows it: rendered by Debian's `cmark-gfm -e table`, the
/// renderer GitHub's Markdown is built on.
@Suite("GitHub rendering")
struct GitHubRenderingTests {
    /// The HTML cmark-gfm makes of `markdown` with GitHub's table extension.
    static func github(_ markdown: String) async throws -> String {
        let folder = try TemporaryFolder("robin-gfm")
        defer { folder.remove() }
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: folder.file("report.md")))
        return try await ExternalTool.run("cmark-gfm", ["-e", "table", folder.file("report.md")], package: "cmark-gfm")
    }

    /// The texts between `open` and `close`, in order.
    static func texts(between open: String, and close: String, in html: String) -> [String] {
        html.components(separatedBy: open).dropFirst().map { $0.components(separatedBy: close)[0] }
    }

    @Test("every table renders as a table under a bold caption line, no \"Table:\" paragraph, the same captions as report.html")
    func captions() async throws {
        let report = try ReportRenderer(templates: .builtIn()).render(try await ReportFixture.weekWithInsights())
        let html = try await Self.github(report.markdown)
        #expect(!html.contains("Table:"), "a caption line shows as a stray paragraph on GitHub")
        let tables = html.components(separatedBy: "<table>").count - 1
        #expect(tables == report.markdown.components(separatedBy: "\n| --- |").count - 1)
        // Headline, weekday, buildings, floors, desk capacity, booked ahead, departments,
        // meetings by host department, anchor days (weekday columns from a section), two room tables, exports read.
        #expect(tables == 12)
        // Right before each table: the caption as a bold paragraph (the headline's layout comment in between is hidden).
        var captions: [String] = []
        for before in html.components(separatedBy: "<table>").dropLast() {
            let lines = before.split(separator: "\n").map(String.init).filter { $0 != "<!-- raw HTML omitted -->" }
            let line = lines.last ?? ""
            #expect(line.hasPrefix("<p><strong>") && line.hasSuffix("</strong></p>"), "no caption line before a table: \(line)")
            captions.append(String(line.dropFirst("<p><strong>".count).dropLast("</strong></p>".count)))
        }
        #expect(!html.contains("&lt;!--"), "the layout comment shows as text")
        // report.html keeps them as <caption>s, in the same order.
        #expect(Self.texts(between: "<caption>", and: "</caption>", in: report.html) == captions)
        #expect(captions.first == "Headline figures for Week 47, 2026, with the change from Week 46, 2026 and the trend over recent periods")
        // And the text sparklines stay text on GitHub.
        #expect(html.contains("<td>······▁█</td>"))
    }
}
