/// One headline figure of the report: how to read it from a `Headline`, how
/// to show it, and which direction is good (for the colour of its change).
public struct KPI: Sendable {
    /// How the value is written.
    public enum Style: Sendable {
        /// A whole number: "59".
        case count
        /// One decimal: "32.8".
        case decimal
        /// A ratio as a percentage: "67.1%"; changes in percentage points.
        case percent
    }

    /// "Desk utilization".
    public var label: String
    /// How the value is written.
    public var style: Style
    /// True when a rise is good news (utilization), false when it is bad (no-shows).
    public var higherIsBetter: Bool
    /// The value in a period; nil when undefined there.
    public var value: @Sendable (Headline) -> Double?

    /// The headline KPIs of PRODUCT.md "The report", in the order they are shown.
    public static let headline: [KPI] = [
        KPI(label: "People in office", style: .count, higherIsBetter: true) { Double($0.people) },
        KPI(label: "Average daily attendance", style: .decimal, higherIsBetter: true) { $0.avgDailyPeople },
        KPI(label: "Peak daily attendance", style: .count, higherIsBetter: true) {
            $0.peakDate == nil ? nil : Double($0.peakPeople)
        },
        KPI(label: "Desk utilization", style: .percent, higherIsBetter: true) { $0.deskUtilization },
        KPI(label: "Desk check-in rate", style: .percent, higherIsBetter: true) { $0.deskCheckInRate },
        KPI(label: "Desk no-show rate", style: .percent, higherIsBetter: false) { $0.noShowRate },
        KPI(label: "Policy adherence", style: .percent, higherIsBetter: true) { $0.policyAdherence },
        KPI(label: "Room utilization", style: .percent, higherIsBetter: true) { $0.roomUtilization },
        KPI(label: "Ghost-meeting rate", style: .percent, higherIsBetter: false) { $0.ghostRate },
        KPI(label: "Meetings", style: .count, higherIsBetter: true) { Double($0.meetings) },
    ]

    /// The value written for people ("67.1%"), or `missing`.
    public func formatted(_ headline: Headline?, missing: String = "n/a") -> String {
        guard let headline, let number = value(headline) else { return missing }
        switch style {
        case .count: return String(Int(number.rounded()))
        case .decimal: return FigureFormat.decimal(number)
        case .percent: return FigureFormat.percent(number)
        }
    }

    /// The change from `previous` to `current`, or nil when either is undefined.
    public func change(from previous: Headline?, to current: Headline) -> KPIChange? {
        guard let previous, let old = value(previous), let new = value(current) else { return nil }
        return KPIChange(kpi: self, old: old, new: new)
    }
}
