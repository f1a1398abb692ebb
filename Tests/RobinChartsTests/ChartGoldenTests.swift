import RobinCharts
import RobinModel
import RobinTestSupport
import Testing

/// Each chart against its golden SVG (`RECORD_SNAPSHOTS=1` to re-record, then look at them in a browser).
@Suite("Chart golden files")
struct ChartGoldenTests {
    @Test("daily attendance, one week")
    func dailyWeek() async {
        await expectGolden(Charts.dailyAttendance(SampleData.week), "daily-attendance-week.svg")
    }

    @Test("daily attendance, one month (Mondays labelled)")
    func dailyMonth() async {
        await expectGolden(Charts.dailyAttendance(SampleData.month), "daily-attendance-month.svg")
    }

    @Test("weekday attendance with a weekday without data")
    func weekday() async {
        await expectGolden(Charts.weekdayAttendance(SampleData.byWeekday), "weekday-attendance.svg")
    }

    @Test("room heatmap, business hours only")
    func heatmap() async {
        await expectGolden(Charts.roomHeatmap(SampleData.heatmap), "room-heatmap.svg")
    }

    @Test("room heatmap with an evening meeting shows all 24 hours")
    func heatmapAllHours() async {
        let chart = Charts.roomHeatmap(SampleData.heatmapWithNight)
        await expectGolden(chart, "room-heatmap-24h.svg")
        #expect(chart.svg.contains(">0</text>") && chart.svg.contains(">21</text>"))
    }

    @Test("percent trend with a gap")
    func trendPercent() async {
        let chart = Charts.trend(fileName: "trend-desk-utilization.svg", title: "Desk utilization",
                                 points: SampleData.utilization, percent: true)
        await expectGolden(chart, "trend-desk-utilization.svg")
        #expect(chart.summary == "Desk utilization: 53% in 2026-W48, up from 51.5% in 2026-W47; "
            + "between 41% and 53% over 8 periods.")
    }

    @Test("count trend")
    func trendCount() async {
        let chart = Charts.trend(fileName: "trend-people.svg", title: "Average daily people",
                                 points: SampleData.people, percent: false)
        await expectGolden(chart, "trend-people.svg")
    }

    @Test("empty charts", arguments: EmptyCase.allCases)
    func empty(_ kind: EmptyCase) async {
        await expectGolden(kind.chart, "empty-\(kind).svg")
    }

    @Test("summaries carry the key numbers")
    func summaries() {
        #expect(Charts.dailyAttendance(SampleData.week).summary
            == "People in the office per day from 2026-11-23 to 2026-11-29: peak 42 on Tue 2026-11-24, "
            + "Mon-Fri average 31.6.")
        #expect(Charts.weekdayAttendance(SampleData.byWeekday).summary
            == "Average people in the office by weekday: busiest Tue with 41.3; Mon 30.5, Tue 41.3, Wed 37, "
            + "Thu 35, Fri 12.4, Sat 1.5, Sun no data.")
        #expect(Charts.roomHeatmap(SampleData.heatmap).summary
            == "Share of rooms booked by weekday and hour (local time): busiest Tue 10:00 (66%), "
            + "Wed 10:00 (63%), Mon 10:00 (60%).")
    }

    @Test("file names and titles are stable")
    func names() {
        #expect(Charts.dailyAttendance([]).fileName == "daily-attendance.svg")
        #expect(Charts.weekdayAttendance([]).fileName == "weekday-attendance.svg")
        #expect(Charts.roomHeatmap([]).fileName == "room-heatmap.svg")
        #expect(Charts.roomHeatmap([]).title == "Share of rooms booked by weekday and hour")
    }

    private func expectGolden(_ chart: Chart, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        if let problem = await Golden.mismatch(chart.svg, name: name) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }
}

/// Inputs with nothing to draw.
enum EmptyCase: String, CaseIterable, CustomStringConvertible, Sendable {
    case dailyNoDates, dailyAllZero, weekdayAllNil, weekdayAllZero, heatmapAllNil, heatmapAllZero, trendAllNil
    case trendNoPoints

    var description: String { rawValue }

    var chart: Chart {
        switch self {
        case .dailyNoDates: Charts.dailyAttendance([])
        case .dailyAllZero:
            Charts.dailyAttendance(SampleData.week.map { DailyAttendance(date: $0.date, people: 0, desks: 0) })
        case .weekdayAllNil: Charts.weekdayAttendance(Array(repeating: nil, count: 7))
        case .weekdayAllZero: Charts.weekdayAttendance(Array(repeating: 0, count: 7))
        case .heatmapAllNil:
            Charts.roomHeatmap(SampleData.heatmap.map { HeatmapCell(weekday: $0.weekday, hour: $0.hour, share: nil) })
        case .heatmapAllZero:
            Charts.roomHeatmap(SampleData.heatmap.map { HeatmapCell(weekday: $0.weekday, hour: $0.hour, share: 0) })
        case .trendAllNil:
            Charts.trend(fileName: "trend-empty.svg", title: "Ghost-meeting rate",
                         points: [("2026-W47", nil), ("2026-W48", nil)], percent: true)
        case .trendNoPoints:
            Charts.trend(fileName: "trend-none.svg", title: "Ghost-meeting rate", points: [], percent: true)
        }
    }
}
