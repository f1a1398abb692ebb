import Testing
@testable import RobinMarkdown
import RobinTestSupport

@Suite("Markdown to HTML")
struct MarkdownHTMLTests {
    @Test("headings, paragraphs, emphasis, lists and images go through cmark")
    func blocks() throws {
        let html = try MarkdownHTML.render("""
            # Hybrid work

            Some *calm* and **bold** text with `code`.

            - one
            - two

            1. first
            2. second

            ![Daily attendance](charts/daily.svg)
            """)
        #expect(html == """
            <h1>Hybrid work</h1>
            <p>Some <em>calm</em> and <strong>bold</strong> text with <code>code</code>.</p>
            <ul>
            <li>one</li>
            <li>two</li>
            </ul>
            <ol>
            <li>first</li>
            <li>second</li>
            </ol>
            <p><img src="charts/daily.svg" alt="Daily attendance" /></p>

            """)
    }

    @Test("empty Markdown gives empty HTML")
    func empty() throws {
        #expect(try MarkdownHTML.render("") == "")
        #expect(try MarkdownHTML.render("\n\n") == "")
    }

    @Test("a pipe table becomes a table with thead, tbody, scopes and alignment")
    func table() throws {
        let html = try MarkdownHTML.render("""
            | Building | Desks | Utilization |
            |:--|--:|:-:|
            | HQ | 120 | 64% |
            | Annex | 40 | 51% |
            """)
        #expect(html == """
            <div class="table-wrap"><table>
            <thead>
            <tr>
            <th scope="col" style="text-align: left">Building</th>
            <th scope="col" style="text-align: right">Desks</th>
            <th scope="col" style="text-align: center">Utilization</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <th scope="row" style="text-align: left">HQ</th>
            <td style="text-align: right">120</td>
            <td style="text-align: center">64%</td>
            </tr>
            <tr>
            <th scope="row" style="text-align: left">Annex</th>
            <td style="text-align: right">40</td>
            <td style="text-align: center">51%</td>
            </tr>
            </tbody>
            </table></div>

            """)
    }

    @Test("cells: \\| is a literal pipe (also in code), inline formatting, links and images are cmark's")
    func cellInlines() throws {
        let html = try MarkdownHTML.render("""
            | Name | Note |
            |---|---|
            | A \\| B | *em*, **strong**, `co\\|de`, [link](https://example.com/a?b=1&c=2), ![Trend](charts/t.svg) |
            """)
        let rows = HTMLInspection.rows(html)
        #expect(rows.count == 2)
        #expect(rows[1] == [
            "A | B",
            "<em>em</em>, <strong>strong</strong>, <code>co|de</code>, "
                + "<a href=\"https://example.com/a?b=1&amp;c=2\">link</a>, <img src=\"charts/t.svg\" alt=\"Trend\" />",
        ])
    }

    @Test("cell text that looks like a block start stays inline text")
    func cellsAreInline() throws {
        let html = try MarkdownHTML.render("""
            | a | b | c | d | e | f |
            |---|---|---|---|---|---|
            | # x | - y | 1. z | > q | --- | ```w``` |
            """)
        #expect(HTMLInspection.rows(html)[1] == ["# x", "- y", "1. z", "&gt; q", "---", "<code>w</code>"])
        for tag in ["<h1", "<ul", "<ol", "<blockquote", "<hr", "<pre"] { #expect(!html.contains(tag)) }
    }

    @Test("body rows are cut or padded to the header's column count; no body, no tbody")
    func rowShapes() throws {
        let html = try MarkdownHTML.render("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\n|  |  |\n")
        #expect(HTMLInspection.rows(html) == [["a", "b"], ["1", "2"], ["4", ""], ["", ""]])
        let headerOnly = try MarkdownHTML.render("| a | b |\n|---|---|\n")
        #expect(headerOnly.contains("<thead>"))
        #expect(!headerOnly.contains("<tbody>"))
    }

    @Test("a right-aligned first column holds data, not row headers")
    func numericFirstColumn() throws {
        let html = try MarkdownHTML.render("| Hour | Rooms |\n|--:|--:|\n| 9 | 12 |\n")
        #expect(html.contains("<td style=\"text-align: right\">9</td>"))
        #expect(!html.contains("scope=\"row\""))
    }

    @Test("a `Table: ` line right before a table (directly or after a blank line) is its caption")
    func caption() throws {
        for gap in ["\n", "\n\n"] {
            let html = try MarkdownHTML.render("Intro.\n\nTable: Desk *use* by building\(gap)| a | b |\n|---|---|\n| 1 | 2 |\n")
            #expect(html.hasPrefix("<p>Intro.</p>\n<div class=\"table-wrap\"><table>\n<caption>Desk <em>use</em> by building</caption>\n<thead>"))
            #expect(!html.contains("Table:"))
        }
    }

    @Test("a caption may follow a heading directly")
    func captionAfterHeading() throws {
        let html = try MarkdownHTML.render("## KPIs\nTable: Headline\n| a |\n|---|\n")
        #expect(html.hasPrefix("<h2>KPIs</h2>\n<div class=\"table-wrap\"><table>\n<caption>Headline</caption>\n"))
    }

    @Test("a Table: line inside a longer paragraph, or two blank lines away, stays a paragraph")
    func notCaption() throws {
        let inParagraph = try MarkdownHTML.render("Intro\nTable: x\n| a |\n|---|\n")
        #expect(inParagraph.hasPrefix("<p>Intro\nTable: x</p>\n<div class=\"table-wrap\"><table>\n<thead>"))
        let far = try MarkdownHTML.render("Table: x\n\n\n| a |\n|---|\n")
        #expect(far.hasPrefix("<p>Table: x</p>"))
        #expect(!far.contains("<caption>"))
    }

    @Test("a bold line right before a table (GitHub's caption-like line) is its caption, without the bold")
    func boldCaption() throws {
        for gap in ["\n", "\n\n"] {
            let html = try MarkdownHTML.render("Intro.\n\n**Desk *use* by \\*building\\***\(gap)| a | b |\n|---|---|\n| 1 | 2 |\n")
            #expect(html.hasPrefix("<p>Intro.</p>\n<div class=\"table-wrap\"><table>\n<caption>Desk <em>use</em> by *building*</caption>\n<thead>"))
            #expect(!html.contains("<strong>") && !html.contains("<p>Desk"))
        }
        // Two bold runs are a caption as written; bold text inside a paragraph, or far away, is no caption.
        let two = try MarkdownHTML.render("**a** and **b**\n| x |\n|---|\n")
        #expect(two.hasPrefix("<div class=\"table-wrap\"><table>\n<caption><strong>a</strong> and <strong>b</strong></caption>"))
        let inParagraph = try MarkdownHTML.render("Intro\n**x**\n| a |\n|---|\n")
        #expect(inParagraph.hasPrefix("<p>Intro\n<strong>x</strong></p>\n<div class=\"table-wrap\"><table>\n<thead>"))
        let far = try MarkdownHTML.render("**x**\n\n\n| a |\n|---|\n")
        #expect(far.hasPrefix("<p><strong>x</strong></p>") && !far.contains("<caption>"))
        #expect(try MarkdownHTML.render("****\n| a |\n|---|\n").hasPrefix("<hr />"))
    }

    @Test("<!-- table-layout: cards --> before a table: a cards wrapper, roles, and each cell's column name; no trace of the comment")
    func cards() throws {
        let html = try MarkdownHTML.render("""
            **Headline**

            <!-- table-layout: cards -->
            | Measure | *This* period | Trend |
            | --- | ---: | --- |
            | People | 59 | ▁█ |
            """)
        #expect(html == """
            <div class="table-wrap cards"><table role="table">
            <caption>Headline</caption>
            <thead role="rowgroup">
            <tr role="row">
            <th scope="col" role="columnheader">Measure</th>
            <th scope="col" role="columnheader" style="text-align: right"><em>This</em> period</th>
            <th scope="col" role="columnheader">Trend</th>
            </tr>
            </thead>
            <tbody role="rowgroup">
            <tr role="row">
            <th scope="row" role="rowheader">People</th>
            <td data-label="This period" role="cell" style="text-align: right">59</td>
            <td data-label="Trend" role="cell">▁█</td>
            </tr>
            </tbody>
            </table></div>

            """)
        // Anywhere else the comment is raw HTML, which safe mode drops.
        #expect(try MarkdownHTML.render("<!-- table-layout: cards -->\n\nText\n").hasPrefix("<!-- raw HTML omitted -->"))
    }

    @Test("cellHTML replaces a body cell's content, never a row header's, and sees its row and column")
    func cellHTML() throws {
        var seen: [TableCell] = []
        let html = try MarkdownHTML.render("| Measure | Trend |\n|---|---|\n| People | ▁█ |\n| Desks | — |\n") { cell in
            seen.append(cell)
            return cell.text == "▁█" ? "<svg class=\"sparkline\"></svg>" : nil
        }
        #expect(seen == [TableCell(text: "▁█", rowHeader: "People", columnHeader: "Trend"),
                         TableCell(text: "—", rowHeader: "Desks", columnHeader: "Trend")])
        #expect(html.contains("<th scope=\"row\">People</th>\n<td><svg class=\"sparkline\"></svg></td>"))
        #expect(html.contains("<td>—</td>"))
    }

    @Test("a table interrupts a paragraph and ends at the first line without a leading pipe")
    func tableBoundaries() throws {
        let html = try MarkdownHTML.render("Intro text\n| a |\n|---|\n| 1 |\nAfter *text*\n")
        #expect(html.hasPrefix("<p>Intro text</p>\n<div class=\"table-wrap\"><table>"))
        #expect(html.hasSuffix("</table></div>\n<p>After <em>text</em></p>\n"))
    }

    @Test("pipe lines that are not tables stay text: fenced code, mismatched delimiter rows")
    func notTables() throws {
        let fenced = try MarkdownHTML.render("```\n| a | b |\n|---|---|\n```\n\n~~~~\n| a |\n|---|\n~~~~\n")
        #expect(fenced == "<pre><code>| a | b |\n|---|---|\n</code></pre>\n<pre><code>| a |\n|---|\n</code></pre>\n")
        let mismatch = try MarkdownHTML.render("| a | b |\n|---|\n")
        #expect(mismatch == "<p>| a | b |\n|---|</p>\n")
    }

    @Test("link reference definitions still work around tables; several tables in one document")
    func severalTables() throws {
        let html = try MarkdownHTML.render("""
            [site]: https://example.com

            See [site].

            | a |
            |---|
            | 1 |

            Again [site].

            | b |
            |---|
            | 2 |
            """)
        #expect(HTMLInspection.elements("table", in: html).count == 2)
        #expect(html.components(separatedBy: "<a href=\"https://example.com\">site</a>").count == 3)
    }

    @Test("a table indented under a list item stays in that item")
    func tableInListItem() throws {
        let html = try MarkdownHTML.render("- item\n\n  | a |\n  |---|\n  | 1 |\n")
        #expect(html.hasPrefix("<ul>\n<li>\n<p>item</p>\n<div class=\"table-wrap\"><table>"))
        #expect(html.hasSuffix("</table></div>\n</li>\n</ul>\n"))
    }

    @Test("CRLF line endings")
    func crlf() throws {
        let html = try MarkdownHTML.render("# T\r\n\r\n| a |\r\n|---|\r\n| 1 |\r\n")
        #expect(html.hasPrefix("<h1>T</h1>\n<div class=\"table-wrap\">"))
        #expect(HTMLInspection.rows(html) == [["a"], ["1"]])
    }

    @Test("a report-like fragment matches its golden HTML")
    func golden() async throws {
        let html = try MarkdownHTML.render(Samples.report)
        if let problem = await Golden.mismatch(html, name: "report-fragment.html") { Issue.record(Comment(rawValue: problem)) }
    }
}
