import Testing
@testable import RobinMarkdown
import RobinTestSupport

@Suite("HTML page")
struct HTMLPageTests {
    static func page() throws -> String {
        HTMLPage.document(title: "Hybrid work — 2026-W47 <Acme & \"Co\">", bodyHTML: try MarkdownHTML.render(Samples.report))
    }

    @Test("a small report page matches its golden file")
    func golden() async throws {
        if let problem = await Golden.mismatch(try Self.page(), name: "page.html") { Issue.record(Comment(rawValue: problem)) }
    }

    @Test("self-contained: charset, viewport, one inline stylesheet, no scripts, no external assets")
    func selfContained() throws {
        let page = try Self.page()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(page.components(separatedBy: "<style>").count == 2)
        let lower = page.lowercased()
        for banned in ["<script", "<link", "@import", "url(", "src=\"http", "src=\"//"] {
            #expect(!lower.contains(banned), "\(banned)")
        }
        #expect(page.hasSuffix("</main>\n</body>\n</html>\n"))
    }

    @Test("dark mode, print and narrow-screen rules are there")
    func mediaQueries() {
        let css = HTMLPage.stylesheet
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        #expect(css.contains("@media print"))
        #expect(css.contains("@media (max-width: 40rem)"))
        #expect(css.contains(".table-wrap {\n  overflow-x: auto;"))
        // The scroll cue: shadows at the edges, uncovered only where more table is beyond.
        #expect(css.contains("no-repeat local") && css.contains("no-repeat scroll"))
        // Cards tables stack under 480 px; print keeps tables and charts whole.
        let phone = css.range(of: "@media (max-width: 30rem)")!
        #expect(css[phone.upperBound...].hasPrefix(" {\n  .cards {"))
        #expect(css.contains("table, .table-wrap, tr, img, svg, pre, blockquote, caption { break-inside: avoid;"))
        #expect(css.contains("max-width: 100%"))
        // Print comes after dark mode so that a dark-mode reader still prints black on white.
        let dark = css.range(of: "prefers-color-scheme: dark")!.lowerBound
        #expect(dark < css.range(of: "@media print")!.lowerBound)
    }

    @Test("the title and lang are escaped; the body is inserted as is")
    func escaping() {
        let page = HTMLPage.document(title: "</title><script>alert(1)</script>", bodyHTML: "<p>x</p>", lang: "en\"><script>")
        #expect(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(page.contains("<html lang=\"en&quot;&gt;&lt;script&gt;\">"))
        #expect(!page.contains("<script"))
        #expect(page.contains("<main>\n<p>x</p>\n</main>"))
    }
}
