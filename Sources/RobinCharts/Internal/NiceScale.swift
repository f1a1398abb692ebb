/// A value axis from 0 to a round maximum in a few round steps (1, 2, 2.5 or 5 x 10^k).
struct NiceScale: Equatable {
    var step: Double
    var maximum: Double

    /// An axis for values up to `dataMaximum` with at most about `ticks` steps;
    /// `minimumStep` keeps counts of people from getting half-person ticks.
    init(dataMaximum: Double, ticks: Int = 5, minimumStep: Double = 0) {
        let top = dataMaximum.isFinite && dataMaximum > 0 ? dataMaximum : 1
        let rough = max(top / Double(max(ticks, 1)), minimumStep, 1e-9)
        // Powers of ten by repeated multiplication rather than log10/pow, so the
        // result cannot differ between C libraries.
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let factor = [1, 2, 2.5, 5, 10].first { $0 * magnitude >= rough * (1 - 1e-12) } ?? 10
        step = factor * magnitude
        maximum = (top / step - 1e-9).rounded(.up) * step
        if maximum <= 0 { maximum = step }
    }

    /// 0, step, 2 step, ..., maximum.
    var ticks: [Double] {
        let count = Int((maximum / step).rounded())
        return (0...count).map { Double($0) * step }
    }
}
