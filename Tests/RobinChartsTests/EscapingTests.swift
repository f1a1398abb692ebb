import RobinCharts
import RobinModel
import Testing

/// Names from the exports reach the charts as labels and titles; none may become markup.
@Suite("Escaping")
struct EscapingTests {
    static let points: [(label: String, value: Double?)] = [
        ("R&D \"North\"", 0.5), ("it's <b>bold</b>", nil), ("x\u{0}y\u{1B}\nz", 0.2), (SampleData.hostile, 0.4),
    ]

    @Test("trend labels and title are text, not markup")
    func trend() throws {
        let chart = Charts.trend(fileName: "trend-\"><script>.svg", title: "Rate <img src=x onerror=alert(1)>",
                                 points: Self.points, percent: true)
        let xml = try #require(XMLSummary.parse(chart.svg), "not well-formed:\n\(chart.svg)")
        #expect(Set(xml.elements).isSubset(of: ["svg", "title", "desc", "rect", "line", "text", "polyline", "circle"]))
        #expect(!xml.attributes.contains { $0.name.lowercased().hasPrefix("on") })
        #expect(!chart.svg.contains("<script") && !chart.svg.contains("<img") && !chart.svg.contains("<b>"))
        #expect(chart.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;onload=&#39;x&#39;"))
        #expect(chart.svg.contains("R&amp;D &quot;North&quot;"))
        // The parser gives the original text back.
        #expect(xml.text.contains("Rate <img src=x onerror=alert(1)>"))
        #expect(xml.text.contains("R&D \"North\""))
        #expect(chart.summary == "Rate <img src=x onerror=alert(1)>: 40% in \(SampleData.hostile), "
            + "up from 20% in x\u{FFFD}y\u{FFFD} z; between 20% and 50% over 4 periods.")
        // Ids come from the file name but keep to letters, digits and '-'.
        let ids = xml.attributes.filter { $0.name == "id" }.map(\.value)
        #expect(ids.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } })
    }

    @Test("control characters cannot break the document")
    func controls() throws {
        let chart = Charts.trend(fileName: "t.svg", title: "a\u{0}b", points: [("\u{FFFE}", 1)], percent: false)
        #expect(XMLSummary.parse(chart.svg) != nil)
    }

    @Test("a sparkline's text alternative is escaped and stays one line")
    func sparklineLabel() {
        let svg = Charts.sparkline([1, 2], label: SampleData.hostile + "\nR&D 'West'")
        #expect(!svg.contains("<script") && !svg.contains("\n"))
        #expect(svg.contains("aria-label=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;onload=&#39;x&#39;"))
        #expect(svg.contains("R&amp;D &#39;West&#39;</title>"))
    }
}
