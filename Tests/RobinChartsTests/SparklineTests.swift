import Testing
@testable import RobinCharts

/// The inline SVG sparkline of the HTML report's headline table.
@Suite("Sparkline")
struct SparklineTests {
    /// The (x, y) points of the polylines, and the circles' centres.
    static func points(_ svg: String) -> (lines: [[(Double, Double)]], dots: [(Double, Double)]) {
        let pairs = { (text: Substring) in
            text.split(separator: " ").map { pair in
                let xy = pair.split(separator: ",").map { Double($0)! }
                return (xy[0], xy[1])
            }
        }
        let lines = svg.components(separatedBy: "points=\"").dropFirst().map { pairs(Substring($0.prefix { $0 != "\"" })) }
        let dots = svg.components(separatedBy: "<circle cx=\"").dropFirst().map { part -> (Double, Double) in
            let x = Double(part.prefix { $0 != "\"" })!
            let y = Double(part.components(separatedBy: "cy=\"")[1].prefix { $0 != "\"" })!
            return (x, y)
        }
        return (lines, dots)
    }

    @Test("scaled to its own range: the lowest value at the bottom, the highest at the top")
    func range() {
        let svg = Charts.sparkline([283, 290, 286, 284], label: "283 to 290 over 4 weeks, latest 284")
        #expect(svg.hasPrefix("<svg class=\"sparkline\" width=\"96\" height=\"24\" viewBox=\"0 0 96 24\" role=\"img\" "
            + "aria-label=\"283 to 290 over 4 weeks, latest 284\"><title>283 to 290 over 4 weeks, latest 284</title>"))
        #expect(!svg.contains("\n") && svg.hasSuffix("</svg>"))
        let (lines, dots) = Self.points(svg)
        #expect(lines.count == 1)
        #expect(lines[0].map(\.1) == [21, 3, 13.29, 18.43])
        #expect(lines[0].map(\.0) == [3, 33, 63, 93])
        #expect(dots.count == 1 && dots[0] == (93, 18.43))  // the latest value
        #expect(svg.contains("stroke=\"currentColor\""))
    }

    @Test("gaps break the line; a lone point is a dot; a steady series is flat in the middle; no data draws nothing")
    func shapes() {
        let gappy = Self.points(Charts.sparkline([1, 2, nil, 5, nil, .nan, 3, 4], label: "x"))
        #expect(gappy.lines.count == 2 && gappy.lines[0].count == 2 && gappy.lines[1].count == 2)
        #expect(gappy.dots.count == 2)  // the lone 5, and the latest 4
        let flat = Self.points(Charts.sparkline([7, 7, 7], label: "steady"))
        #expect(flat.lines[0].allSatisfy { $0.1 == 12 })
        let huge = Self.points(Charts.sparkline([-1.7e308, 1.7e308], label: "x"))
        #expect(huge.lines[0].map(\.1) == [21, 3])
        let none = Charts.sparkline([nil, nil], label: "no data")
        #expect(!none.contains("<polyline") && !none.contains("<circle") && none.contains("aria-label=\"no data\""))
    }
}
