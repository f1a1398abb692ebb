/// Chart colours.
///
/// Every chart draws its own white card, so the SVG reads the same in an
/// `<img>` on a light or dark page, in a docs repo, in print and when
/// converted to PNG (an SVG in `<img>` cannot inherit the page's text colour).
///
/// WCAG 1.4.11 (non-text contrast, 3:1): every mark a reader needs (bars, the
/// line, the axis, heatmap cell outlines) is at least 3:1 against the card, and
/// the peak bar at least 3:1 against the other bars (ChartContrastTests computes
/// the ratios). Colour is never the only cue: weekend bars are hatched, the peak
/// bar is labelled "Peak", heatmap shades have their legend and a text summary.
enum Palette {
    static let background = "#ffffff"
    /// The card's edge (decoration: the chart does not depend on it).
    static let border = "#d0d7de"
    static let text = "#1f2328"
    static let mutedText = "#59636e"
    /// Grid lines (decoration: every value also has a label).
    static let grid = "#e6e9ed"
    /// The baseline and the outline of heatmap cells and legend swatches: 3.9:1 on the card.
    static let axis = "#7a828a"
    /// Bars, lines, and the hatching and outline of weekend bars: 3.8:1 on the card.
    static let data = "#4a86c8"
    /// The peak bar and the latest trend point: 3.8:1 against `data`, 14:1 on the card.
    static let highlight = "#0b2a4f"
    /// A heatmap cell with a share of 0 (its outline makes it visible).
    static let zero = "#f6f8fa"
    /// Hatching of heatmap cells without data.
    static let hatch = "#c3cad2"
    /// Heatmap levels, lightest first (each cell outlined in `axis`; the legend names the bands).
    static let levels = ["#c6dbef", "#6baed6", "#3182bd", "#08519c"]
}
