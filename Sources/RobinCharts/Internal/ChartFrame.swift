/// The layout every chart shares: a 640 x 300 card (readable when a phone
/// scales it to its width), a title at the top left, and a plot area.
struct ChartFrame {
    static let width = 640.0
    static let height = 300.0
    static let labelSize = 14.0
    static let tickSize = 13.0

    var left = 64.0
    var top = 64.0
    var right = 620.0
    var bottom = 240.0

    var plotWidth: Double { right - left }
    var plotHeight: Double { bottom - top }

    /// A canvas with the card and the title drawn.
    static func canvas(title: String) -> SVGCanvas {
        var canvas = SVGCanvas()
        canvas.rect(x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: Palette.background,
                    [("rx", "8"), ("stroke", Palette.border)])
        canvas.text(Markup.singleLine(title, maxCharacters: 60), x: 20, y: 32, size: 18, bold: true)
        return canvas
    }

    /// The y of `value` on `scale` (0 at the bottom of the plot).
    func y(_ value: Double, on scale: NiceScale) -> Double {
        let clamped = min(max(value.isFinite ? value : 0, 0), scale.maximum)
        return bottom - clamped / scale.maximum * plotHeight
    }

    /// Horizontal grid lines with their labels at the left, and the baseline.
    func drawValueAxis(_ scale: NiceScale, on canvas: inout SVGCanvas, label: (Double) -> String) {
        for tick in scale.ticks {
            let y = self.y(tick, on: scale)
            canvas.line(x1: left, y1: y, x2: right, y2: y, stroke: tick == 0 ? Palette.axis : Palette.grid)
            canvas.text(label(tick), x: left - 8, y: y + 4.5, anchor: "end", size: ChartFrame.tickSize,
                        fill: Palette.mutedText)
        }
    }

    /// "No data" in the middle of the plot area.
    func drawNoData(on canvas: inout SVGCanvas) {
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.axis)
        canvas.text("No data", x: (left + right) / 2, y: (top + bottom) / 2 + 6, anchor: "middle", size: 18,
                    fill: Palette.mutedText)
    }

    /// About how many characters of a label fit in `width` at `size`.
    static func characters(fitting width: Double, size: Double = labelSize) -> Int {
        max(Int(width / (size * 0.6)), 1)
    }
}
