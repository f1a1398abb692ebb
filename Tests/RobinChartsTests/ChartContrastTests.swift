import Foundation
import Testing
import RobinModel
@testable import RobinCharts

/// WCAG 1.4.11 (non-text contrast): the marks a reader needs are at least 3:1
/// against what is next to them, computed from the palette with WCAG's formula;
/// and the peak and weekend bars are told apart by more than colour.
@Suite("Chart contrast")
struct ChartContrastTests {
    /// WCAG 2 relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    /// The contrast ratio of two colours, 1...21.
    static func ratio(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test("the formula matches WCAG's own examples")
    func formula() {
        #expect(abs(Self.ratio("#000000", "#ffffff") - 21) < 1e-6)
        #expect(abs(Self.ratio("#767676", "#ffffff") - 4.54) < 0.01)
        #expect(abs(Self.ratio("#1f4f86", "#3572b0") - 1.66) < 0.01)  // the old peak against the old bars (issue 12)
    }

    @Test("bars, line, axis and heatmap outlines are 3:1 on the card; the peak 3:1 against the other bars")
    func ratios() {
        let card = Palette.background
        for (name, colour) in [("bars", Palette.data), ("peak", Palette.highlight), ("axis and cell outlines", Palette.axis)] {
            #expect(Self.ratio(colour, card) >= 3, "\(name) \(colour): \(Self.ratio(colour, card)):1 on the card")
        }
        // Weekend bars are hatched in the bar colour with an outline of it, so the peak meets the same colour there.
        #expect(Self.ratio(Palette.highlight, Palette.data) >= 3, "peak against weekday and weekend bars")
        // Heatmap cells, the 0% one included, are outlined in `axis`, 3:1 on the card.
        #expect(Self.ratio(Palette.zero, card) < 3, "(the 0% fill alone would not be enough)")
        #expect(Charts.roomHeatmap(SampleData.heatmap).svg.components(separatedBy: "stroke=\"\(Palette.axis)\"").count - 1 >= 7 * 16)
        // Text on the card.
        #expect(Self.ratio(Palette.mutedText, card) >= 4.5 && Self.ratio(Palette.text, card) >= 4.5)
    }

    @Test("weekend bars are hatched and outlined, the peak is labelled: not colour alone")
    func moreThanColour() {
        let svg = Charts.dailyAttendance(SampleData.week).svg
        let pattern = "url(#chart-daily-attendance-weekend)"
        #expect(svg.contains("<pattern id=\"chart-daily-attendance-weekend\""))
        // Saturday (2 people) is drawn hatched with an outline; Sunday (0) has no bar; plus the legend's swatch.
        let hatched = svg.split(separator: "\n").filter { $0.contains("fill=\"\(pattern)\"") }
        #expect(hatched.count == 2)
        #expect(hatched.allSatisfy { $0.contains("stroke=\"\(Palette.data)\"") })
        #expect(svg.contains(">Peak 42</text>"))
        #expect(svg.split(separator: "\n").filter { $0.contains("fill=\"\(Palette.highlight)\"") && $0.contains("<rect") }.count == 2)
        let weekday = Charts.weekdayAttendance(SampleData.byWeekday).svg
        #expect(weekday.split(separator: "\n").filter { $0.contains("fill=\"url(#chart-weekday-attendance-weekend)\"") }.count == 1)
    }
}
