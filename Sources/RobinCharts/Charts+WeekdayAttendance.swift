import RobinModel

extension Charts {
    /// Mon..Sun bars of the average people in the office, each labelled with
    /// its value; a nil weekday (no such date in the period) has no bar and
    /// reads "no data". Weekend bars are hatched.
    ///
    /// `byWeekday` is `DeskMetrics.byWeekday`: seven values, Monday first
    /// (missing entries count as nil, extra ones are ignored).
    public static func weekdayAttendance(_ byWeekday: [Double?]) -> Chart {
        let fileName = "weekday-attendance.svg"
        let title = "Average people in the office by weekday"
        let values: [Double?] = (0..<7).map { index in
            guard index < byWeekday.count, let value = byWeekday[index], value.isFinite else { return nil }
            return max(value, 0)
        }
        let top = values.compactMap { $0 }.max() ?? 0

        let id = SVGCanvas.identifier(for: fileName)
        let frame = ChartFrame()
        var canvas = ChartFrame.canvas(title: title)
        if top > 0 {
            BarStyle.definePattern(chart: id, on: &canvas)
            let scale = NiceScale(dataMaximum: top, minimumStep: 1)
            frame.drawValueAxis(scale, on: &canvas) { ChartNumber.format($0) }
            let slot = frame.plotWidth / 7
            let barWidth = slot * 0.6
            for (index, value) in values.enumerated() {
                let center = frame.left + slot * (Double(index) + 0.5)
                guard let value else {
                    canvas.text("no data", x: center, y: frame.bottom - 8, anchor: "middle",
                                size: ChartFrame.tickSize, fill: Palette.mutedText)
                    continue
                }
                let barTop = frame.y(value, on: scale)
                if value > 0 {
                    let style: BarStyle = index >= 5 ? .weekend : .weekday
                    style.draw(x: center - barWidth / 2, y: barTop, width: barWidth, height: frame.bottom - barTop,
                               chart: id, on: &canvas)
                }
                canvas.text(ChartNumber.format(value, decimals: 1), x: center, y: barTop - 6, anchor: "middle",
                            bold: value == top)
            }
        } else {
            frame.drawNoData(on: &canvas)
        }
        for (index, name) in Weekday.names.enumerated() {
            canvas.text(name, x: frame.left + frame.plotWidth / 7 * (Double(index) + 0.5), y: frame.bottom + 22,
                        anchor: "middle", fill: Palette.mutedText)
        }

        let summary = weekdaySummary(values, top: top)
        let svg = canvas.document(id: id, width: ChartFrame.width,
                                  height: ChartFrame.height, title: title, summary: summary)
        return Chart(fileName: fileName, title: title, summary: summary, svg: svg)
    }

    private static func weekdaySummary(_ values: [Double?], top: Double) -> String {
        guard top > 0 else { return "Average people in the office by weekday: no data." }
        let list = zip(Weekday.names, values).map { name, value in
            "\(name) \(value.map { ChartNumber.format($0, decimals: 1) } ?? "no data")"
        }
        let busiest = Weekday.names[values.firstIndex { $0 == top } ?? 0]
        return "Average people in the office by weekday: busiest \(busiest) with "
            + "\(ChartNumber.format(top, decimals: 1)); \(list.joined(separator: ", "))."
    }
}
