import Testing
import RobinModel

/// Numbers as every view writes them: fixed rules, and no value that can trap.
@Suite("Figures")
struct FiguresTests {
    @Test("rounding half away from zero, thousands separators, never -0")
    func ordinary() {
        #expect(Figures.fixed(1234567.25, decimals: 1) == "1,234,567.3")
        #expect(Figures.fixed(-0.04, decimals: 1) == "0.0")
        #expect(Figures.fixed(-2.5, decimals: 0) == "-3")
        #expect(Figures.fixed(0.125, decimals: 2) == "0.13")
        #expect(Figures.percent(0.6705882352941176) == "67.1%")
        #expect(Figures.decimal(nil) == "—" && Figures.percent(.nan) == "—")
        #expect(Figures.count(-1234) == "-1,234")
    }

    @Test("any finite double and any Int are written without trapping", arguments: [
        (1e300, 0, "1" + String(repeating: ",000", count: 100)),
        (-1.7976931348623157e308, 1, "-179,769,313,486,231,570" + String(repeating: ",000", count: 97) + ".0"),
        (9_007_199_254_740_993, 0, "9,007,199,254,740,992"),
        (1.8446744073709552e19, 2, "18,446,744,073,709,552,000.00"),
        (4.9e-324, 1, "0.0"),
        (12345678901234567.0, 1, "12,345,678,901,234,568.0"),
    ] as [(Double, Int, String)])
    func extremes(value: Double, decimals: Int, expected: String) {
        #expect(Figures.fixed(value, decimals: decimals) == expected)
    }

    @Test("extremes elsewhere: Int.min, percent past the double range, infinite changes, sparklines of huge values")
    func elsewhere() {
        #expect(Figures.count(Int.min) == "-9,223,372,036,854,775,808")
        #expect(Figures.fixed(.infinity, decimals: 1) == "—")
        #expect(Figures.percent(1.7e308) == "—")
        #expect(FigureChange.points(from: -1.7e308, to: 1.7e308) == nil)
        #expect(FigureChange.relative(from: 1e-300, to: 1e300) == nil)
        #expect(Figures.sparkline([-1.7e308, 1.7e308, nil, .nan, 0]) == "▁█··▅")
        #expect(Figures.sparkline([nil, nil]) == "—")
    }

    @Test("the text sparkline spans the values' own range, not zero to the top (283 to 290 is a movement)")
    func sparklineRange() {
        #expect(Figures.sparkline([283, 284, 286, 290, 289, 287, 285, 284]) == "▁▂▄█▇▅▃▂")
        #expect(Figures.sparkline([0.62, 0.671]) == "▁█")
        // A steady figure is a flat line in the middle, not a row of full or empty bars.
        #expect(Figures.sparkline([290, 290, nil, 290]) == "▄▄·▄")
        #expect(Figures.sparkline([nil, 7]) == "·▄")
    }
}
