extension Charts {
    /// The size of a sparkline, in CSS pixels.
    public static let sparklineSize = (width: 96.0, height: 24.0)

    /// A small trend line for an HTML table cell: inline `<svg>` markup on one
    /// line, scaled to the values' own range (the lowest value at the bottom, the
    /// highest at the top; a steady series is a flat line in the middle), a gap
    /// where a value is nil or not finite, and a dot on the latest value.
    ///
    /// The line is `currentColor`, so it follows the page's text colour in dark
    /// mode and in print. `label` is the text alternative ("283 to 290 over 8
    /// weeks, latest 284"), given as `aria-label` and `<title>`; it is plain text,
    /// escaped here. No value at all gives an empty sparkline that says `label`.
    public static func sparkline(_ values: [Double?], label: String) -> String {
        let (width, height) = sparklineSize
        let pad = 3.0
        let points = values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        let known = points.compactMap { $0 }
        let step = points.count > 1 ? (width - 2 * pad) / Double(points.count - 1) : 0
        let x = { (index: Int) in points.count > 1 ? pad + step * Double(index) : width / 2 }
        let y = { (value: Double) -> Double in
            guard let low = known.min(), let high = known.max(), high > low else { return height / 2 }
            // Scaled to at most 1 in magnitude first, so `high - low` cannot overflow.
            let unit = max(abs(high), abs(low))
            let share = (value / unit - low / unit) / (high / unit - low / unit)
            return height - pad - share * (height - 2 * pad)
        }
        let text = Markup.escape(Markup.singleLine(label))
        // No xmlns: inline SVG in HTML needs none, and the page names no URL.
        var svg = "<svg class=\"sparkline\" width=\"\(SVGCanvas.n(width))\" "
            + "height=\"\(SVGCanvas.n(height))\" viewBox=\"0 0 \(SVGCanvas.n(width)) \(SVGCanvas.n(height))\" "
            + "role=\"img\" aria-label=\"\(text)\"><title>\(text)</title>"
        var run: [String] = []
        func flush() {
            if run.count > 1 {
                svg += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"currentColor\" "
                    + "stroke-width=\"1.75\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
            }
            run = []
        }
        for (index, value) in points.enumerated() {
            guard let value else { flush(); continue }
            run.append(SVGCanvas.n(x(index)) + "," + SVGCanvas.n(y(value)))
        }
        flush()
        // A dot on every value a line does not reach (a lone point between gaps), and on the latest.
        let latest = points.lastIndex { $0 != nil }
        for (index, value) in points.enumerated() {
            guard let value else { continue }
            let alone = (index == 0 || points[index - 1] == nil) && (index + 1 == points.count || points[index + 1] == nil)
            guard alone || index == latest else { continue }
            svg += "<circle cx=\"\(SVGCanvas.n(x(index)))\" cy=\"\(SVGCanvas.n(y(value)))\" "
                + "r=\"\(index == latest ? "2.5" : "1.5")\" fill=\"currentColor\"/>"
        }
        return svg + "</svg>"
    }
}
