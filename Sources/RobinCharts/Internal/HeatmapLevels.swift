/// The heatmap's colour levels: four equal bands from 0 to a round top that
/// covers the largest share (e.g. up to 40% in steps of 10%), so a typical
/// week with shares below 50% still uses every shade.
struct HeatmapLevels {
    /// The width of one band, in percent.
    var step: Double

    init(maximumShare: Double) {
        let percent = min(max(maximumShare, 0), 1) * 100
        step = [1, 2, 2.5, 5, 10, 20, 25].first { $0 * Double(Palette.levels.count) >= percent - 1e-9 } ?? 25
    }

    /// The fill for a share: the zero colour for 0, else its band's colour.
    func fill(_ share: Double) -> String {
        guard share > 0 else { return Palette.zero }
        let band = Int((share * 100 / step - 1e-9).rounded(.up)) - 1
        return Palette.levels[min(max(band, 0), Palette.levels.count - 1)]
    }

    /// The legend's band labels: "≤10%", "≤20%", ...
    var labels: [String] {
        (1...Palette.levels.count).map { "≤" + ChartNumber.format(step * Double($0)) + "%" }
    }
}
