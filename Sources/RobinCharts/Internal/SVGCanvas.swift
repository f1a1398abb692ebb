/// Builds an SVG document one element per line, in call order, so the output
/// is deterministic and golden-file diffs stay readable.
///
/// Attribute values and text are escaped here; numbers go through `ChartNumber`.
struct SVGCanvas {
    /// One attribute: name and unescaped value.
    typealias Attribute = (name: String, value: String)

    private(set) var lines: [String] = []
    private var depth = 1

    /// A numeric attribute value (coordinates, sizes).
    static func n(_ value: Double) -> String { ChartNumber.format(value) }

    /// An element without children, with `text` as its content when given.
    mutating func add(_ name: String, _ attributes: [Attribute], text: String? = nil) {
        let start = "<" + name + SVGCanvas.render(attributes)
        if let text {
            append(start + ">" + Markup.escape(text) + "</" + name + ">")
        } else {
            append(start + "/>")
        }
    }

    /// Opens an element whose children follow until `close`.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        append("<" + name + SVGCanvas.render(attributes) + ">")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        append("</" + name + ">")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       _ extra: [Attribute] = []) {
        add("rect", [("x", SVGCanvas.n(x)), ("y", SVGCanvas.n(y)),
                     ("width", SVGCanvas.n(max(width, 0))), ("height", SVGCanvas.n(max(height, 0))),
                     ("fill", fill)] + extra)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       _ extra: [Attribute] = []) {
        add("line", [("x1", SVGCanvas.n(x1)), ("y1", SVGCanvas.n(y1)), ("x2", SVGCanvas.n(x2)),
                     ("y2", SVGCanvas.n(y2)), ("stroke", stroke), ("stroke-width", SVGCanvas.n(width))] + extra)
    }

    /// A `<defs>` with a diagonal hatch `<pattern>` named `id`: stripes of `stroke`
    /// on the card's background, for a fill that tells a mark apart without colour.
    mutating func hatchPattern(id: String, stroke: String, stripe: Double = 3) {
        open("defs")
        open("pattern", [("id", id), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"),
                         ("patternTransform", "rotate(45)")])
        rect(x: 0, y: 0, width: 6, height: 6, fill: Palette.background)
        line(x1: 0, y1: 0, x2: 0, y2: 6, stroke: stroke, width: stripe)
        close("pattern")
        close("defs")
    }

    /// Text at (x, y); `anchor` is start, middle or end.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 14,
                       fill: String = Palette.text, bold: Bool = false) {
        var attributes: [Attribute] = [("x", SVGCanvas.n(x)), ("y", SVGCanvas.n(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        attributes.append(("font-size", SVGCanvas.n(size)))
        if bold { attributes.append(("font-weight", "600")) }
        attributes.append(("fill", fill))
        add("text", attributes, text: content)
    }

    /// The complete standalone document: `<title>` and `<desc>` first, named
    /// by `aria-labelledby` so screen readers announce the chart as one image.
    func document(id: String, width: Double, height: Double, title: String, summary: String) -> String {
        let svg: [Attribute] = [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", SVGCanvas.n(width)), ("height", SVGCanvas.n(height)),
            ("viewBox", "0 0 \(SVGCanvas.n(width)) \(SVGCanvas.n(height))"),
            ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"),
        ]
        var out = "<svg" + SVGCanvas.render(svg) + ">\n"
        out += "  <title id=\"\(id)-title\">" + Markup.escape(title) + "</title>\n"
        out += "  <desc id=\"\(id)-desc\">" + Markup.escape(summary) + "</desc>\n"
        for line in lines { out += line + "\n" }
        return out + "</svg>\n"
    }

    /// An id prefix from a file name: letters, digits and '-' only, starting with a letter.
    static func identifier(for fileName: String) -> String {
        let stem = fileName.hasSuffix(".svg") ? String(fileName.dropLast(4)) : fileName
        let cleaned = String(stem.unicodeScalars.map { scalar -> Character in
            let v = scalar.value
            let alphanumeric = (48...57).contains(v) || (65...90).contains(v) || (97...122).contains(v)
            return alphanumeric ? Character(scalar) : "-"
        })
        return "chart-" + (cleaned.isEmpty ? "untitled" : cleaned)
    }

    private mutating func append(_ element: String) {
        lines.append(String(repeating: "  ", count: depth) + element)
    }

    private static func render(_ attributes: [Attribute]) -> String {
        attributes.map { " " + $0.name + "=\"" + Markup.escape($0.value) + "\"" }.joined()
    }
}
