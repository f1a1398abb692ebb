extension Charts {
    /// The most periods a trend shows; older points are dropped.
    public static let maximumTrendPoints = 8

    /// A KPI trend line over up to 8 periods (the last 8 when given more),
    /// each point labelled with its value; a nil point leaves a gap in the line.
    /// `percent` means values are ratios (0...1) shown as percentages.
    ///
    /// All points nil gives "No data"; all zero is data and draws a line at 0.
    /// Negative values are drawn at 0 (no KPI is negative).
    public static func trend(fileName: String, title: String, points: [(label: String, value: Double?)],
                             percent: Bool) -> Chart {
        let shown: [TrendPoint] = points.suffix(maximumTrendPoints).map { point in
            let value = point.value.flatMap { $0.isFinite ? max($0, 0) * (percent ? 100 : 1) : nil }
            return TrendPoint(label: point.label, value: value)
        }
        let unit = percent ? "%" : ""
        let frame = ChartFrame()
        var canvas = ChartFrame.canvas(title: title)
        let slot = frame.plotWidth / Double(max(shown.count, 1))

        if let top = shown.compactMap(\.value).max() {
            // All zero is still data: draw it on a full 0..100% (or 0..1) axis.
            let scale = NiceScale(dataMaximum: top > 0 ? top : percent ? 100 : 1)
            frame.drawValueAxis(scale, on: &canvas) { ChartNumber.format($0) + unit }
            drawLine(shown, scale: scale, frame: frame, slot: slot, unit: unit, on: &canvas)
        } else {
            frame.drawNoData(on: &canvas)
        }
        let fit = ChartFrame.characters(fitting: slot - 4, size: ChartFrame.tickSize)
        for (index, point) in shown.enumerated() {
            let label = Markup.singleLine(point.label, maxCharacters: fit)
            canvas.text(label, x: frame.left + slot * (Double(index) + 0.5), y: frame.bottom + 22, anchor: "middle", size: ChartFrame.tickSize, fill: Palette.mutedText)
        }

        let summary = trendSummary(title: title, shown, unit: unit)
        let svg = canvas.document(id: SVGCanvas.identifier(for: fileName), width: ChartFrame.width,
                                  height: ChartFrame.height, title: title, summary: summary)
        return Chart(fileName: fileName, title: title, summary: summary, svg: svg)
    }

    /// One trend point in display units (percent already multiplied by 100).
    private struct TrendPoint {
        var label: String
        var value: Double?
    }

    /// One polyline per run of known points, a dot and a value label on each
    /// (the latest darker and bold), "no data" at the baseline of gaps.
    private static func drawLine(_ shown: [TrendPoint], scale: NiceScale, frame: ChartFrame, slot: Double,
                                 unit: String, on canvas: inout SVGCanvas) {
        let x = { (index: Int) in frame.left + slot * (Double(index) + 0.5) }
        var run: [String] = []
        func flush() {
            if run.count > 1 {
                canvas.add("polyline", [("points", run.joined(separator: " ")), ("fill", "none"),
                                        ("stroke", Palette.data), ("stroke-width", "2.5"),
                                        ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
            }
            run = []
        }
        for (index, point) in shown.enumerated() {
            guard let value = point.value else { flush(); continue }
            run.append(SVGCanvas.n(x(index)) + "," + SVGCanvas.n(frame.y(value, on: scale)))
        }
        flush()

        let latest = shown.lastIndex { $0.value != nil }
        for (index, point) in shown.enumerated() {
            guard let value = point.value else {
                canvas.text("no data", x: x(index), y: frame.bottom - 8, anchor: "middle", size: 12,
                            fill: Palette.mutedText)
                continue
            }
            let y = frame.y(value, on: scale)
            let isLatest = index == latest
            canvas.add("circle", [("cx", SVGCanvas.n(x(index))), ("cy", SVGCanvas.n(y)), ("r", isLatest ? "5" : "4"),
                                  ("fill", isLatest ? Palette.highlight : Palette.data),
                                  ("stroke", Palette.background), ("stroke-width", "1.5")])
            canvas.text(ChartNumber.format(value, decimals: 1) + unit, x: x(index), y: y - 10, anchor: "middle",
                        size: ChartFrame.tickSize, bold: isLatest)
        }
    }

    /// "Desk utilization: 53% in 2026-W48, up from 51.5% in 2026-W47; between 41% and 53% over 8 periods."
    private static func trendSummary(title: String, _ shown: [TrendPoint], unit: String) -> String {
        let display = { (value: Double) in ChartNumber.format(value, decimals: 1) + unit }
        let name = Markup.singleLine(title)
        let known = shown.compactMap { point in
            point.value.map { (label: Markup.singleLine(point.label), value: $0) }
        }
        guard let latest = known.last else { return "\(name): no data." }
        var text = "\(name): \(display(latest.value)) in \(latest.label)"
        if known.count > 1 {
            let previous = known[known.count - 2]
            let direction = display(latest.value) == display(previous.value) ? "unchanged from"
                : latest.value > previous.value ? "up from" : "down from"
            text += ", \(direction) \(display(previous.value)) in \(previous.label)"
        }
        if known.count > 2, let low = known.map(\.value).min(), let high = known.map(\.value).max() {
            text += "; between \(display(low)) and \(display(high)) over \(shown.count) periods"
        }
        return text + "."
    }
}
