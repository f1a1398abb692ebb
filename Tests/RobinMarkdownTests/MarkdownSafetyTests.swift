import Testing
@testable import RobinMarkdown

@Suite("Markdown to HTML: safe mode")
struct MarkdownSafetyTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "Hello <img src=x onerror=alert(1)> there",
        "[x](javascript:alert(1))",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[x](JaVaScRiPt:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
    ]

    /// Nothing in `html` can run: no script element, no raw img, no event handler, no script URL
    /// (a URL may still show as link text).
    static func expectInert(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lower = html.lowercased()
        for needle in ["<script", "<img src=\"x\"", " onerror", "href=\"javascript:", "src=\"javascript:",
                       "href=\"vbscript:"] {
            #expect(!lower.contains(needle), "\(needle) in \(html)", sourceLocation: sourceLocation)
        }
    }

    @Test("raw HTML and unsafe URLs are dropped in blocks and paragraphs", arguments: hostile)
    func paragraphs(_ markdown: String) throws {
        Self.expectInert(try MarkdownHTML.render(markdown))
    }

    @Test("raw HTML and unsafe URLs are dropped in table cells and captions", arguments: hostile)
    func cells(_ markdown: String) throws {
        let inline = markdown.replacingOccurrences(of: "\n", with: " ")
        let html = try MarkdownHTML.render("Table: \(inline)\n| \(inline) | b |\n|---|---|\n| \(inline) | \(inline) |\n")
        #expect(html.contains("<table>"))
        Self.expectInert(html)
    }

    @Test("what safe mode writes instead")
    func replacements() throws {
        #expect(try MarkdownHTML.render("<script>alert(1)</script>") == "<!-- raw HTML omitted -->\n")
        #expect(try MarkdownHTML.render("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
        let cell = try MarkdownHTML.render("| a |\n|---|\n| <b>x</b> [y](javascript:1) |\n")
        #expect(HTMLInspection.rows(cell)[1] == ["<!-- raw HTML omitted -->x<!-- raw HTML omitted --> <a href=\"\">y</a>"])
    }

    @Test("text shaped like the internal table placeholder stays text")
    func placeholderLookalike() throws {
        let fake = "\u{E000}robin-table\u{E000}0\u{E000}robin-table\u{E000}"
        let html = try MarkdownHTML.render("\(fake)\n\n| a |\n|---|\n| 1 |\n")
        #expect(html.hasPrefix("<p>\(fake)</p>\n"))
        #expect(HTMLInspection.rows(html) == [["a"], ["1"]])
    }
}
