import Foundation

/// A KPI's change against the previous period: "+4 (+7.3%)", "-1.2 pts".
public struct KPIChange: Sendable {
    /// Whether the change is good news, bad news or none (drives its colour).
    public enum Tone: Sendable, Equatable {
        case good, bad, flat
    }

    /// The KPI that changed.
    public var kpi: KPI
    /// Its value in the previous period, and in this one (ratios in 0...1).
    public var old: Double
    public var new: Double

    /// The change as written: percentage points for ratios ("+2.3 pts"), the
    /// difference and its relative size for counts ("+4 (+7.3%)").
    public var text: String {
        switch kpi.style {
        case .percent:
            return signed(String(format: "%.1f", (new - old) * 100)) + " pts"
        case .count, .decimal:
            let difference = kpi.style == .count
                ? String(Int((new - old).rounded())) : String(format: "%.1f", new - old)
            guard old != 0 else { return signed(difference) }
            return signed(difference) + " (" + signed(String(format: "%.1f", (new - old) / abs(old) * 100)) + "%)"
        }
    }

    /// Good, bad or flat, given the KPI's good direction; a change that rounds
    /// to zero in the shown precision is flat.
    public var tone: Tone {
        let shown = kpi.style == .percent ? (new - old) * 100 : new - old
        if abs(shown) < (kpi.style == .count ? 0.5 : 0.05) { return .flat }
        return (shown > 0) == kpi.higherIsBetter ? .good : .bad
    }

    /// "+3.2", "-1.0", "0.0": a sign on anything that is not zero.
    private func signed(_ number: String) -> String {
        let zero = number.allSatisfy { $0 == "0" || $0 == "." || $0 == "-" }
        if zero { return number.hasPrefix("-") ? String(number.dropFirst()) : number }
        return number.hasPrefix("-") ? number : "+" + number
    }
}
