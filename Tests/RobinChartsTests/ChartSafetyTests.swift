import RobinCharts
import RobinModel
import Testing

/// Every chart, for ordinary, empty and odd input, is well-formed, accessible SVG without NaN.
@Suite("Chart documents")
struct ChartSafetyTests {
    /// Every sample and every empty case, plus odd input (NaN, infinity, out-of-range cells, a year of dates).
    static let makers: [@Sendable () -> Chart] = samples + odd + EmptyCase.allCases.map { kind in { kind.chart } }

    /// The golden samples.
    static let samples: [@Sendable () -> Chart] = [
        { Charts.dailyAttendance(SampleData.week) },
        { Charts.dailyAttendance(SampleData.month) },
        { Charts.weekdayAttendance(SampleData.byWeekday) },
        { Charts.roomHeatmap(SampleData.heatmap) },
        { Charts.roomHeatmap(SampleData.heatmapWithNight) },
        {
            Charts.trend(fileName: "trend-desk-utilization.svg", title: "Desk utilization",
                         points: SampleData.utilization, percent: true)
        },
        {
            Charts.trend(fileName: "trend-people.svg", title: "Average daily people", points: SampleData.people,
                         percent: false)
        },
    ]

    /// Input the analytics should never produce, and sizes the samples do not reach.
    static let odd: [@Sendable () -> Chart] = [
        { Charts.dailyAttendance(Array(SampleData.month.reversed())) },
        {
            Charts.dailyAttendance((0..<400).map {
                DailyAttendance(date: SampleData.monday.adding(days: $0), people: $0 % 50, desks: 0)
            })
        },
        { Charts.dailyAttendance([DailyAttendance(date: SampleData.monday, people: 1, desks: 1)]) },
        { Charts.weekdayAttendance([.nan, .infinity, -3, 0.001]) },
        { Charts.weekdayAttendance([]) },
        {
            Charts.roomHeatmap([
                HeatmapCell(weekday: 9, hour: 30, share: 0.5), HeatmapCell(weekday: 1, hour: 9, share: .nan),
                HeatmapCell(weekday: 2, hour: 9, share: 7), HeatmapCell(weekday: 3, hour: 9, share: 1e-9),
            ])
        },
        {
            let points: [(label: String, value: Double?)] = [("a", .nan), ("b", -0.0), ("c", 1e300), ("d", 1e-300)]
            return Charts.trend(fileName: "odd.svg", title: "Odd", points: points, percent: false)
        },
        {
            let points: [(label: String, value: Double?)] = [("a", 0), ("b", 0)]
            return Charts.trend(fileName: "zero.svg", title: "Zero", points: points, percent: true)
        },
        {
            let points: [(label: String, value: Double?)] = (0..<20).map { ("P\($0)", Double($0)) }
            return Charts.trend(fileName: "many.svg", title: "Many", points: points, percent: false)
        },
    ]

    @Test("parses as XML with an accessible <svg> root", arguments: makers.indices)
    func wellFormed(_ index: Int) throws {
        let chart = Self.makers[index]()
        let xml = try #require(XMLSummary.parse(chart.svg), "\(chart.fileName) is not well-formed")
        #expect(xml.elements.prefix(3) == ["svg", "title", "desc"])
        let root = xml.attributes.filter { $0.element == "svg" }
        #expect(root.contains { $0.name == "role" && $0.value == "img" })
        #expect(root.contains { $0.name == "viewBox" && $0.value == "0 0 640 300" })
        #expect(root.contains { $0.name == "width" } && root.contains { $0.name == "height" })
        let labelledBy = try #require(root.first { $0.name == "aria-labelledby" }?.value)
        let ids = xml.attributes.filter { $0.name == "id" }.map(\.value)
        for id in labelledBy.split(separator: " ") { #expect(ids.contains(String(id))) }
        #expect(xml.text.contains(chart.title) && xml.text.contains(chart.summary))
    }

    @Test("no NaN, infinity, exponent or negative coordinate", arguments: makers.indices)
    func finiteNumbers(_ index: Int) throws {
        let chart = Self.makers[index]()
        for bad in ["nan", "NaN", "inf"] {
            #expect(!chart.svg.contains(bad), "\(chart.fileName) contains \(bad)")
        }
        let xml = try #require(XMLSummary.parse(chart.svg))
        for attribute in xml.attributes
        where ["x", "y", "x1", "y1", "x2", "y2", "width", "height", "cx", "cy", "r"].contains(attribute.name) {
            let value = try #require(Double(attribute.value), "\(attribute.name)=\(attribute.value)")
            #expect(value.isFinite && value >= 0, "\(attribute.name)=\(attribute.value)")
            #expect(!attribute.value.contains("e"), "an exponent: \(attribute.name)=\(attribute.value)")
        }
        for attribute in xml.attributes where attribute.name == "points" {
            for number in attribute.value.split(whereSeparator: { $0 == " " || $0 == "," }) {
                #expect(Double(number).map { $0.isFinite && $0 >= 0 } == true, "points \(number)")
            }
        }
    }

    @Test("rendering twice gives the same bytes", arguments: makers.indices)
    func deterministic(_ index: Int) {
        #expect(Self.makers[index]() == Self.makers[index]())
    }

    @Test("cell order does not matter")
    func heatmapOrder() {
        #expect(Charts.roomHeatmap(SampleData.heatmap.reversed()) == Charts.roomHeatmap(SampleData.heatmap))
    }

    @Test("empty input says so", arguments: EmptyCase.allCases)
    func noData(_ kind: EmptyCase) {
        #expect(kind.chart.svg.contains(">No data</text>"))
        #expect(kind.chart.summary.hasSuffix("no data.") || kind.chart.summary.hasSuffix("no attendance recorded."))
    }

    @Test("an all-zero trend is data, drawn at 0")
    func zeroTrend() {
        let chart = Charts.trend(fileName: "t.svg", title: "No-show rate", points: [("W1", 0), ("W2", 0)],
                                 percent: true)
        #expect(!chart.svg.contains("No data"))
        #expect(chart.summary == "No-show rate: 0% in W2, unchanged from 0% in W1.")
    }

    @Test("a trend keeps the last 8 points")
    func lastEight() {
        let chart = Charts.trend(fileName: "t.svg", title: "Many", points: (0..<20).map { ("P\($0)", Double($0)) },
                                 percent: false)
        #expect(!chart.svg.contains(">P11<") && chart.svg.contains(">P12<") && chart.svg.contains(">P19<"))
    }
}
