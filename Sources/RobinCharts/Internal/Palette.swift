/// Chart colours.
///
/// Every chart draws its own white card, so the SVG reads the same in an
/// `<img>` on a light or dark page, in a docs repo, in print and when
/// converted to PNG (an SVG in `<img>` cannot inherit the page's text colour).
/// Data colours are mid-tone blues that also hold up in the email's dark mode.
enum Palette {
    static let background = "#ffffff"
    static let border = "#d0d7de"
    static let text = "#1f2328"
    static let mutedText = "#59636e"
    static let grid = "#e6e9ed"
    static let axis = "#8c959f"
    /// Bars and lines.
    static let data = "#3572b0"
    /// The peak bar.
    static let highlight = "#1f4f86"
    /// Weekend bars.
    static let muted = "#b4c4d8"
    /// A heatmap cell with a share of 0.
    static let zero = "#f1f3f5"
    /// Hatching of heatmap cells without data.
    static let hatch = "#c3cad2"
    /// Heatmap levels, lightest first.
    static let levels = ["#c6dbef", "#6baed6", "#3182bd", "#08519c"]
}
