@testable import RobinCharts
import Testing

@Suite("Number formatting")
struct ChartNumberTests {
    @Test("at most 2 decimals, trailing zeros dropped, no exponent, never -0", arguments: [
        (0.0, "0"), (-0.0, "0"), (-0.001, "0"), (1, "1"), (1.5, "1.5"), (1.50, "1.5"), (2.25, "2.25"),
        (2.255, "2.26"), (0.005, "0.01"), (0.004, "0"), (-1.25, "-1.25"), (100, "100"), (1e-300, "0"),
        (1e300, "1000000000000"), (-1e300, "-1000000000000"), (.nan, "0"), (.infinity, "0"),
        (0.1 + 0.2, "0.3"), (12345.678, "12345.68"), (0.05, "0.05"),
    ] as [(Double, String)])
    func format(_ value: Double, _ expected: String) {
        #expect(ChartNumber.format(value) == expected)
    }

    @Test("fewer decimals")
    func decimals() {
        #expect(ChartNumber.format(41.25, decimals: 1) == "41.3")
        #expect(ChartNumber.format(41.25, decimals: 0) == "41")
        #expect(ChartNumber.format(-0.04, decimals: 1) == "0")
        #expect(ChartNumber.percent(0.515) == "51.5%")
    }

    @Test("nice axis scales", arguments: [
        (42.0, 10.0, 50.0), (40, 10, 40), (3, 1, 3), (0, 0.2, 1), (0.9, 0.2, 1), (96, 20, 100), (7, 2, 8),
        (0.4, 0.1, 0.4),
    ] as [(Double, Double, Double)])
    func scale(_ top: Double, _ step: Double, _ maximum: Double) {
        let scale = NiceScale(dataMaximum: top)
        #expect(scale.step == step && scale.maximum == maximum)
    }
}
