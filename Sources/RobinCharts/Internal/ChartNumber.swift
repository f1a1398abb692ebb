/// Formats numbers for charts the same way on every machine: no locale, no
/// exponent, at most 2 decimals, trailing zeros dropped, never "-0", never NaN.
///
/// `String(Double)` and Foundation's formatters depend on the value's binary
/// shape or the locale; this works on a scaled integer instead.
enum ChartNumber {
    /// Values beyond this are clamped: no chart needs them and Int64 must not overflow.
    static let limit = 1e12

    /// `value` rounded half away from zero to `decimals` (0...2) places; non-finite values give "0".
    static func format(_ value: Double, decimals: Int = 2) -> String {
        let places = min(max(decimals, 0), 2)
        guard value.isFinite else { return "0" }
        let factor: Int64 = places == 0 ? 1 : places == 1 ? 10 : 100
        let scaled = (min(max(value, -limit), limit) * Double(factor)).rounded(.toNearestOrAwayFromZero)
        guard scaled != 0 else { return "0" }
        let units = Int64(abs(scaled))
        var text = String(units / factor)
        var fraction = units % factor
        if fraction != 0 {
            var digits = places
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let raw = String(fraction)
            text += "." + String(repeating: "0", count: digits - raw.count) + raw
        }
        return scaled < 0 ? "-" + text : text
    }

    /// A ratio (0...1) as a percentage with at most `decimals` places, e.g. "45.5%".
    static func percent(_ ratio: Double, decimals: Int = 1) -> String {
        format(ratio * 100, decimals: decimals) + "%"
    }
}
