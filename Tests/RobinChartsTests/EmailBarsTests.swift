import RobinCharts
import RobinTestSupport
import Testing

/// Email bars survive Gmail and Outlook: a table with inline styles, nothing else.
@Suite("Email bars")
struct EmailBarsTests {
    static let rows: [(label: String, value: Double, display: String)] = [
        ("Mon", 30.5, "30.5"), ("Tue", 41.25, "41.3"), ("Wed", 37, "37"), ("Sat", 0, "0"), ("Odd", .nan, "n/a"),
        ("Neg", -4, "-4"),
    ]

    @Test("golden file")
    func golden() {
        let html = EmailBars.table(title: "Average people in the office by weekday", rows: Self.rows)
        if let problem = Golden.mismatch(html, name: "email-bars.html") { Issue.record(Comment(rawValue: problem)) }
    }

    @Test("inline styles only: no <style>, <svg>, classes, scripts or images")
    func inlineOnly() {
        let html = EmailBars.table(title: "T", rows: Self.rows)
        for banned in ["<style", "<svg", "class=", "<script", "<img", "<link", "url("] {
            #expect(!html.contains(banned), "contains \(banned)")
        }
        #expect(html.hasPrefix("<table") && html.hasSuffix("</table>\n"))
        #expect(html.contains("style=\""))
    }

    @Test("bar widths are 0...100% and each bar's cells add up to 100%")
    func widths() throws {
        let html = EmailBars.table(title: "T", rows: Self.rows + [("Tiny", 41.25 * 0.99999, "x")])
        let widths = html.matches(of: /width:([0-9]+(?:\.[0-9]+)?)%/).map { Double($0.output.1)! }
        #expect(!widths.isEmpty)
        #expect(widths.allSatisfy { (0...100).contains($0) })
        for bar in html.matches(of: /role="presentation"[^>]*><tr>(.*?)<\/tr>/) {
            let cells = String(bar.output.1).matches(of: /style="width:([0-9.]+)%/).map { Double($0.output.1)! }
            #expect(abs(cells.reduce(0, +) - 100) < 1e-9, "\(cells)")
        }
        // The largest value fills its bar; zero, NaN and negative values draw none.
        #expect(html.contains("style=\"width:100%;background-color:#3572b0"))
        #expect(html.components(separatedBy: "background-color:").count - 1 == 4)
    }

    @Test("no rows says so")
    func empty() {
        let html = EmailBars.table(title: "T", rows: [])
        #expect(html.contains(">No data</td>"))
        #expect(!html.contains("background-color"))
    }
}
