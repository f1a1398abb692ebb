/// How a bar is drawn. Weekday bars are solid, weekend bars hatched with an
/// outline, the peak bar dark: the pattern and the "Peak" label tell them
/// apart where colour cannot (grey print, colour blindness).
enum BarStyle {
    case weekday, weekend, peak

    /// The weekend hatch's pattern id in the chart `id` (see `definePattern`).
    static func hatchID(_ id: String) -> String { id + "-weekend" }

    /// Adds the weekend hatch `<pattern>` of chart `id`; call once before drawing weekend bars.
    static func definePattern(chart id: String, on canvas: inout SVGCanvas) {
        canvas.hatchPattern(id: hatchID(id), stroke: Palette.data, stripe: 2.5)
    }

    /// A bar (or a legend swatch) of this style in chart `id`.
    func draw(x: Double, y: Double, width: Double, height: Double, chart id: String, on canvas: inout SVGCanvas,
              _ extra: [SVGCanvas.Attribute] = []) {
        switch self {
        case .weekday: canvas.rect(x: x, y: y, width: width, height: height, fill: Palette.data, extra)
        case .peak: canvas.rect(x: x, y: y, width: width, height: height, fill: Palette.highlight, extra)
        case .weekend:
            // The outline sits inside the bar's box, so hatched and solid bars line up.
            canvas.rect(x: x + 0.75, y: y + 0.75, width: width - 1.5, height: height - 0.75,
                        fill: "url(#\(BarStyle.hatchID(id)))",
                        [("stroke", Palette.data), ("stroke-width", "1.5")] + extra)
        }
    }
}
