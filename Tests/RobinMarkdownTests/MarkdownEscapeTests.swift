import Testing
import RobinSynthetic
@testable import RobinMarkdown

@Suite("Markdown escaping of data values")
struct MarkdownEscapeTests {
    static let hostile = [
        "*Sales*", "R&D | Ops", "<script>alert(1)</script>", "[x](javascript:alert(1))", "Line\nBreak", "# Heading",
        "1. First", "`code`", "a_b_c", "~~strike~~", "\\backslash", "trailing\\", "a\\|b", "- item", "+ item", "> quote",
        "---", "===", "***", "    indented", "&amp; &#60;", "<https://example.com>", "https://example.com/x",
        "![img](charts/x.svg)", "{{mustache}}", "$x$", "1) First", "Tab\there", "CR\r\nLF", "Zürich Büro 3 — Süd",
        "a  b", "_", "\\", "|", "<!-- c -->", "[^1]", "Floor 3: East",
    ]

    /// What a value should look like once rendered: line breaks and tabs as spaces, outer spaces trimmed.
    static func literal(_ value: String) -> String {
        let flat = String(String.UnicodeScalarView(value.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
        return String(flat.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    @Test("escapes Markdown punctuation, backslashes and scheme colons; flattens line breaks")
    func escaped() {
        #expect(MarkdownEscape.inline("*Sales*") == "\\*Sales\\*")
        #expect(MarkdownEscape.inline("R&D | Ops") == "R\\&D \\| Ops")
        #expect(MarkdownEscape.inline("<script>") == "\\<script\\>")
        #expect(MarkdownEscape.inline("[x](javascript:alert(1))") == "\\[x\\]\\(javascript:alert\\(1\\)\\)")
        #expect(MarkdownEscape.inline("Line\r\nBreak\tTab") == "Line  Break Tab")
        #expect(MarkdownEscape.inline("1. First") == "1\\. First")
        #expect(MarkdownEscape.inline("\\backslash") == "&#92;backslash")
        #expect(MarkdownEscape.inline("https://a.example") == "https\\://a\\.example")
        #expect(MarkdownEscape.inline("Floor 3: East") == "Floor 3: East")
        #expect(MarkdownEscape.inline("  padded \n") == "padded")
        #expect(MarkdownEscape.inline("Zürich Büro") == "Zürich Büro")
        #expect(MarkdownEscape.inline("") == "")
    }

    @Test("a value alone on a line renders as exactly its text, in one paragraph", arguments: hostile)
    func paragraph(_ value: String) throws {
        let html = try MarkdownHTML.render(MarkdownEscape.inline(value) + "\n")
        let paragraphs = HTMLInspection.elements("p", in: html)
        #expect(html == "<p>\(paragraphs.first ?? "")</p>\n")
        #expect(!(paragraphs.first ?? "<").contains("<"), "markup in \(html)")
        #expect(HTMLInspection.decode(paragraphs.first ?? "") == Self.literal(value))
    }

    @Test("a value in a heading and after text renders as exactly its text", arguments: hostile)
    func heading(_ value: String) throws {
        let html = try MarkdownHTML.render("## Building \(MarkdownEscape.inline(value))\n\nFloor: \(MarkdownEscape.inline(value)).\n")
        let heading = HTMLInspection.elements("h2", in: html)
        let paragraph = HTMLInspection.elements("p", in: html)
        #expect(heading.count == 1 && paragraph.count == 1)
        #expect(!html.replacingOccurrences(of: "<h2>", with: "").replacingOccurrences(of: "</h2>", with: "")
            .replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: "").contains("<"))
        #expect(HTMLInspection.decode(heading.first ?? "") == "Building \(Self.literal(value))".trimmingTrailingSpaces)
        #expect(HTMLInspection.decode(paragraph.first ?? "") == "Floor: \(Self.literal(value)).")
    }

    @Test("a value in a table cell renders as exactly its text and keeps the column count", arguments: hostile)
    func tableCell(_ value: String) throws {
        let escaped = MarkdownEscape.inline(value)
        // Tight pipes too: a trailing backslash must not swallow the cell border.
        let html = try MarkdownHTML.render("| Name | Desks | Note |\n|---|--:|---|\n| \(escaped) | 3 |\(escaped)|\n")
        let rows = HTMLInspection.rows(html)
        #expect(rows.count == 2)
        #expect(rows.last?.count == 3)
        #expect(rows.last.map { $0.allSatisfy { !$0.contains("<") } } == true, "markup in \(html)")
        #expect(rows.last.map { $0.map(HTMLInspection.decode) } == [Self.literal(value), "3", Self.literal(value)])
    }

    @Test("random mixes of Markdown punctuation render literally in paragraphs and cells")
    func randomValues() throws {
        var generator = SplitMix64(state: 47)
        let alphabet = Array("\\`*_{}[]<>()#+-.!|~&=$:/;'\"@%^?,ab 1\n\t")
        for _ in 0..<400 {
            let value = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let expected = Self.literal(value)
            let escaped = MarkdownEscape.inline(value)
            let paragraph = try MarkdownHTML.render("x \(escaped)\n")
            #expect(HTMLInspection.decode(HTMLInspection.elements("p", in: paragraph).first ?? "") == "x \(expected)".trimmingTrailingSpaces,
                    "\(value.debugDescription) -> \(escaped.debugDescription) -> \(paragraph.debugDescription)")
            let table = try MarkdownHTML.render("| a | b |\n|---|---|\n|\(escaped)|\(escaped)|\n")
            #expect(HTMLInspection.rows(table).last?.map(HTMLInspection.decode) == [expected, expected],
                    "\(value.debugDescription) -> \(escaped.debugDescription) -> \(table.debugDescription)")
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
