/// How figures read in the report, the email, commit messages and indexes: one
/// set of fixed rules (round half away from zero, no locale), so every place
/// shows the same number the same way on every machine. Every function takes
/// any `Double` (huge, tiny, negative, infinite, NaN) without trapping: a
/// metrics.json written by anyone must never crash a reader.
public enum Figures {
    /// What a figure reads as where it is undefined (a ratio over zero, no previous period).
    public static let missing = "—"

    /// `12.3%` (one decimal), `missing` for nil or a value that is not finite.
    public static func percent(_ value: Double?, missing: String = Figures.missing) -> String {
        guard let value, value.isFinite, (value * 100).isFinite else { return missing }
        return fixed(value * 100, decimals: 1) + "%"
    }

    /// `1,234` for whole counts (any `Int`, `Int.min` included).
    public static func count(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(String(value.magnitude))
    }

    /// `12.3` with one decimal (thousands separated), `missing` for nil or a value that is not finite.
    public static func decimal(_ value: Double?, decimals: Int = 1, missing: String = Figures.missing) -> String {
        guard let value, value.isFinite else { return missing }
        return fixed(value, decimals: decimals)
    }

    /// `value` rounded half away from zero to `decimals` places, thousands
    /// separated, never `-0`; `missing` when it is not finite. Any finite
    /// value works: `1e300` is written out in full (its shortest round-trip
    /// digits, then zeros).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return missing }
        let places = max(0, decimals)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let magnitude = abs(value)
        // From 2^52 on every double is a whole number, so there is nothing to round
        // (and scaling could overflow): its digits, then `places` zeros.
        let digits: String
        let isZero: Bool
        if magnitude >= 4_503_599_627_370_496 {
            digits = wholeDigits(magnitude) + String(repeating: "0", count: places)
            isZero = false
        } else {
            let scaled = (magnitude * scale).rounded(.toNearestOrAwayFromZero)
            digits = wholeDigits(scaled)
            isZero = scaled == 0
        }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        var text = grouped(String(padded.dropLast(places)))
        if places > 0 { text += "." + padded.suffix(places) }
        return value < 0 && !isZero ? "-" + text : text
    }

    /// "Tue 17 Nov": a date in a table cell or a note.
    public static func shortDate(_ date: LocalDate) -> String {
        let (_, month, day) = date.components
        return "\(Weekday.name(date.isoWeekday)) \(day) \(ReportPeriod.monthNames[month - 1].prefix(3))"
    }

    /// A text sparkline of up to eight values (`▁▃▅▇`), scaled to the values' own
    /// range (lowest `▁`, highest `█`) as the HTML report's inline SVG is, so 283
    /// to 290 people reads as a movement, not as eight full bars. A steady figure
    /// (every value equal) is a flat `▄` line; gaps (nil or not finite) are `·`;
    /// no value at all is `missing`.
    public static func sparkline(_ values: [Double?]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let finite = values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        let known = finite.compactMap { $0 }
        guard let high = known.max(), let low = known.min() else { return missing }
        // Scaled to at most 1 in magnitude first, so `high - low` cannot overflow.
        let unit = max(abs(high), abs(low))
        return String(finite.map { value -> Character in
            guard let value else { return "·" }
            if high == low { return bars[3] }
            let share = (value / unit - low / unit) / (high / unit - low / unit)
            return bars[min(7, max(0, Int(share * 7 + 0.5)))]
        })
    }

    /// The decimal digits of a whole, non-negative, finite double.
    static func wholeDigits(_ value: Double) -> String {
        if value < 18_446_744_073_709_551_616 { return String(UInt64(value)) }  // 2^64
        // Past UInt64, Swift writes the shortest round-trip form, "1.2345e+20": expand it.
        let text = value.description
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(text[text.index(after: e)...].filter { $0 != "+" }) else { return text }
        let mantissa = text[..<e]
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        let significant = mantissa.filter { $0 != "." }
        let length = point + exponent
        return String(significant.prefix(length)) + String(repeating: "0", count: max(0, length - significant.count))
    }

    /// `1234567` -> `1,234,567`.
    static func grouped(_ digits: String) -> String {
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }
}
