import RobinModel

extension Charts {
    /// Bars per date of the period: people in the office each day, weekends
    /// hatched, the peak day (earliest on a tie) darker and labelled "Peak" with
    /// its value.
    ///
    /// Dates are drawn in date order; a period longer than two weeks labels Mondays only.
    public static func dailyAttendance(_ daily: [DailyAttendance]) -> Chart {
        let fileName = "daily-attendance.svg"
        let title = "People in the office per day"
        let days = daily.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
        var peakIndex: Int?
        for (index, day) in days.enumerated() where day.people > (peakIndex.map { days[$0].people } ?? 0) {
            peakIndex = index
        }

        let id = SVGCanvas.identifier(for: fileName)
        let frame = ChartFrame()
        var canvas = ChartFrame.canvas(title: title)
        if let peakIndex {
            BarStyle.definePattern(chart: id, on: &canvas)
            drawLegend(chart: id, on: &canvas)
            let scale = NiceScale(dataMaximum: Double(days[peakIndex].people), minimumStep: 1)
            frame.drawValueAxis(scale, on: &canvas) { ChartNumber.format($0) }
            let slot = frame.plotWidth / Double(days.count)
            let barWidth = slot * 0.7
            for (index, day) in days.enumerated() where day.people > 0 {
                let top = frame.y(Double(day.people), on: scale)
                let style: BarStyle = index == peakIndex ? .peak : DateText.isWeekend(day.date) ? .weekend : .weekday
                style.draw(x: frame.left + slot * Double(index) + (slot - barWidth) / 2, y: top,
                           width: barWidth, height: frame.bottom - top, chart: id, on: &canvas)
            }
            let peak = days[peakIndex]
            let label = "Peak " + String(peak.people)
            // Kept on the card when the peak is the first or last day of a long period.
            let halfWidth = Double(label.count) * 14 * 0.3
            let x = min(max(frame.left + slot * (Double(peakIndex) + 0.5), frame.left + halfWidth),
                        ChartFrame.width - 6 - halfWidth)
            canvas.text(label, x: x, y: frame.y(Double(peak.people), on: scale) - 6, anchor: "middle", bold: true)
        } else {
            frame.drawNoData(on: &canvas)
        }
        drawDateLabels(days.map(\.date), frame: frame, on: &canvas)

        let summary = dailySummary(days, peakIndex: peakIndex)
        let svg = canvas.document(id: id, width: ChartFrame.width,
                                  height: ChartFrame.height, title: title, summary: summary)
        return Chart(fileName: fileName, title: title, summary: summary, svg: svg)
    }

    /// Weekday and date under the bars: every date up to two weeks, else every
    /// Monday (or every other, ... so labels never overlap).
    private static func drawDateLabels(_ dates: [LocalDate], frame: ChartFrame, on canvas: inout SVGCanvas) {
        guard !dates.isEmpty else { return }
        let slot = frame.plotWidth / Double(dates.count)
        let everyDate = dates.count <= 14
        let weekStride = max(Int((70 / (7 * slot)).rounded(.up)), 1)
        var mondays = 0
        for (index, date) in dates.enumerated() {
            if !everyDate {
                guard date.isoWeekday == 1 else { continue }
                mondays += 1
                guard (mondays - 1) % weekStride == 0 else { continue }
            }
            let (_, _, day) = date.components
            let second = slot >= 48 || !everyDate ? DateText.dayMonth(date) : String(day)
            // A Monday near the end of a long period would run off the card: nudge it left.
            let halfWidth = Double(second.count) * ChartFrame.tickSize * 0.3
            let x = min(frame.left + slot * (Double(index) + 0.5), ChartFrame.width - 6 - halfWidth)
            canvas.text(DateText.weekday(date), x: x, y: frame.bottom + 20, anchor: "middle",
                        size: ChartFrame.tickSize, fill: Palette.mutedText)
            canvas.text(second, x: x, y: frame.bottom + 38, anchor: "middle", size: ChartFrame.tickSize,
                        fill: Palette.mutedText)
        }
    }

    /// What the fills mean, at the top right.
    private static func drawLegend(chart id: String, on canvas: inout SVGCanvas) {
        let items: [(BarStyle, String)] = [(.weekday, "Weekday"), (.weekend, "Weekend"), (.peak, "Peak")]
        for (index, item) in items.enumerated() {
            let x = 380 + Double(index) * 84
            item.0.draw(x: x, y: 20, width: 12, height: 12, chart: id, on: &canvas, [("rx", "2")])
            canvas.text(item.1, x: x + 18, y: 31, size: ChartFrame.tickSize, fill: Palette.mutedText)
        }
    }

    private static func dailySummary(_ days: [DailyAttendance], peakIndex: Int?) -> String {
        guard let first = days.first?.date, let last = days.last?.date else {
            return "People in the office per day: no data."
        }
        let span = first == last ? "on \(first)" : "from \(first) to \(last)"
        guard let peakIndex else { return "People in the office per day \(span): no attendance recorded." }
        let peak = days[peakIndex]
        var text = "People in the office per day \(span): peak \(peak.people) on \(DateText.long(peak.date))"
        let weekdays = days.filter { !DateText.isWeekend($0.date) }
        if !weekdays.isEmpty {
            let mean = Double(weekdays.reduce(0) { $0 + $1.people }) / Double(weekdays.count)
            text += ", Mon-Fri average \(ChartNumber.format(mean, decimals: 1))"
        }
        return text + "."
    }
}
