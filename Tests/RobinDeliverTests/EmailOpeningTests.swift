import Foundation
import Testing
@testable import RobinDeliver
import RobinModel
import RobinTestSupport

private let cli = CommandRunner()

/// The email's opening as recipients get it: `report` then `email --dry-run`, the
/// real binary, the message read back by Python's email package.
@Suite("the email's opening")
struct EmailOpeningTests {
    /// London renamed in the exports: markup, a pipe, a link, a backslash and entity text.
    static let hostile = "<b>Lon|don</b> *&* [x](http://e.x) \\ &lt;"

    /// report --offline of the synthetic week, London renamed `hostile` and `[targets]` set;
    /// then email --dry-run with `subject`. Returns the report folder.
    static func reportAndEmail(in work: String, subject: String) async throws -> String {
        let cache = try Fixture.weekCache(in: work)
        for kind in ["desks", "spaces"] {
            let folder = "\(cache)/1/all/\(kind)"
            for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
                try Data(text.replacingOccurrences(of: "London", with: hostile).utf8).write(to: URL(fileURLWithPath: "\(folder)/\(file)"))
            }
        }
        let config = work + "/robin-report.toml"
        let settings = try String(contentsOfFile: Fixture.weekConfig, encoding: .utf8) + "\n[targets]\ndesk_utilization = 0.7\n"
        try Data(settings.utf8).write(to: URL(fileURLWithPath: config))
        let report = try await cli.run(["report", "--week", "2026-W47", "--offline", "--org", "1", "--config", config,
                                  "--cache", cache, "--output", work + "/Output", "--quiet"], directory: work)
        #expect(report.status == 0, "\(report.stderr)")
        let folder = work + "/Output/2026-W47"
        let email = try await cli.run(["email", "--report", folder, "--to", "ann@example.com", "--from", "reports@example.com",
                                 "--subject", subject, "--dry-run", "--cache", work + "/sent"])
        #expect(email.status == 0, "\(email.stderr)")
        return folder
    }

    /// The text of an HTML fragment: tags dropped, entities read back.
    static func text(_ html: String) -> String {
        var text = html
        while let open = text.range(of: "<"), let close = text[open.lowerBound...].range(of: ">") {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The opening's lines in the HTML part: each bullet's sentence, or a section's one line.
    static func htmlLines(_ html: String) throws -> [String] {
        let opening = try #require(html.components(separatedBy: ">At a glance</h2>").dropFirst().first?
            .components(separatedBy: "</td></tr>\n<tr><td style=\"padding:16px").first)
        return opening.components(separatedBy: "</h3>").dropFirst().flatMap { part -> [String] in
            let body = part.components(separatedBy: "<h3")[0]
            let bullets = body.components(separatedBy: "&#8226;</td>").dropFirst()
            if bullets.isEmpty { return [text(body).trimmingCharacters(in: .whitespacesAndNewlines)] }
            return bullets.map { text($0.components(separatedBy: "</td></tr>")[0]) }
        }
    }

    /// The opening's lines in Markdown or its plain text: bullets without "- ", and one-line sections.
    static func markdownLines(_ markdown: String) -> [String] {
        let opening = markdown.components(separatedBy: "## At a glance\n")[1].components(separatedBy: "\n## ")[0]
        return opening.components(separatedBy: "\n").filter { !$0.isEmpty && !$0.hasPrefix("### ") }
            .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
    }

    @Test("both parts lead with the report's own sentences, names escaped for each, and {headline} is the most notable one")
    func sameSentences() async throws {
        let scratch = try TemporaryFolder("robin-opening")
        defer { scratch.remove() }
        let work = scratch.path
        let folder = try await Self.reportAndEmail(in: work, subject: "{period}: {headline}")
        let message = try await Python.inspect(folder + "/email.eml")
        let html = try #require(message.part("text/html")?.content)
        let plain = try #require(message.part("text/plain")?.content)
        let metrics = try MetricsDocument.read(contentsOf: folder + "/metrics.json")

        // The sentences InsightText words from metrics.json: capacity alerts naming the renamed
        // building, the [targets] checks, and "nothing moved" (the week before is empty).
        let expected = InsightText(metrics).sections.flatMap { $0.lines.map(\.plain) }
        #expect(expected.count > 3)
        #expect(expected.contains { $0.hasPrefix("Ground Floor at \(Self.hostile) is close to running out of desks") })
        #expect(expected.contains("Desk utilization at HQ New York missed its target: 56.5% against 70.0%."))
        #expect(expected.first == "No building, floor or department moved markedly since Week 46, 2026.")

        // The HTML part, the text part and report.md (read back as text) say the same, in order.
        #expect(try Self.htmlLines(html) == expected)
        #expect(Self.markdownLines(plain) == expected)
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(Self.markdownLines(PlainText.fromMarkdown(markdown)) == expected)
        // ... and both lead with them: right after the header in HTML, right after the summary in text.
        #expect(html.components(separatedBy: "<h2")[1].contains(">At a glance</h2>"))
        #expect(plain.components(separatedBy: "\n## ")[1].hasPrefix("At a glance\n"))

        // The name is text in each medium: escaped in HTML, Markdown-escaped in report.md.
        #expect(!html.contains("<b>Lon") && html.contains("&lt;b&gt;Lon|don&lt;/b&gt; *&amp;* [x](http://e.x) \\ &amp;lt;"))
        #expect(markdown.contains("Ground Floor at \\<b\\>Lon\\|don\\</b\\> \\*\\&\\* \\[x\\]\\(http\\://e\\.x\\) &#92; \\&lt;"))

        // The subject's {headline}: no mover, so the first missed target, without its full stop.
        #expect(message.headers["Subject"] == "Week 47, 2026: Desk utilization at HQ New York missed its target: 56.5% against 70.0%")
    }
}
