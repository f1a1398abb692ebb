/// How figures read in the report, the email, commit messages and indexes: one
/// set of fixed rules (round half away from zero, no locale), so every place
/// shows the same number the same way on every machine.
public enum Figures {
    /// `12.3%` (one decimal), `missing` for nil.
    public static func percent(_ value: Double?, missing: String = "—") -> String {
        guard let value, value.isFinite else { return missing }
        return fixed(value * 100, decimals: 1) + "%"
    }

    /// `1,234` for whole counts.
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `12.3` with one decimal (thousands separated), `missing` for nil.
    public static func decimal(_ value: Double?, decimals: Int = 1, missing: String = "—") -> String {
        guard let value, value.isFinite else { return missing }
        return fixed(value, decimals: decimals)
    }

    /// `value` rounded half away from zero to `decimals` places, thousands separated, never `-0`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        var text = count(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return value < 0 && scaled != 0 ? "-" + text : text
    }

    /// The change of a rate in percentage points: `▲ 2.1 pts`, `▼ 0.4 pts`, `● 0.0 pts`.
    public static func pointChange(_ now: Double?, _ before: Double?) -> String {
        guard let now, let before else { return "—" }
        let points = (now - before) * 100
        return arrow(points, threshold: 0.05) + " " + fixed(abs(points), decimals: 1) + " pts"
    }

    /// The relative change of a count or mean: `▲ 12.0%`, `▼ 3.5%`; `—` when there is no base.
    public static func relativeChange(_ now: Double?, _ before: Double?) -> String {
        guard let now, let before, before != 0 else { return "—" }
        let change = (now - before) / abs(before) * 100
        return arrow(change, threshold: 0.05) + " " + fixed(abs(change), decimals: 1) + "%"
    }

    private static func arrow(_ change: Double, threshold: Double) -> String {
        change >= threshold ? "▲" : change <= -threshold ? "▼" : "●"
    }

    /// A text sparkline of up to eight values (`▁▃▅▇`), bars scaled from zero so
    /// a steady figure looks steady; gaps as `·`.
    public static func sparkline(_ values: [Double?]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let known = values.compactMap { $0 }
        guard let high = known.max(), let low = known.min() else { return "—" }
        let floor = min(0, low)
        return String(values.map { value -> Character in
            guard let value else { return "·" }
            if high == floor { return bars[0] }
            return bars[min(7, max(0, Int((value - floor) / (high - floor) * 7 + 0.5)))]
        })
    }
}
