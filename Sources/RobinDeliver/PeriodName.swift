import RobinModel

/// How a period is named in subjects, commit messages and folder names.
///
/// An ISO week (Monday to Sunday) is "week 47, 2026" in folder `2026-W47`; a
/// calendar month is "November 2026" in `2026-11`; any other period is
/// "2026-11-03 to 2026-11-19" in `2026-11-03_2026-11-19` (one day: its date).
public struct PeriodName: Sendable, Equatable {
    /// The period named.
    public var period: Period
    /// For people: "week 47, 2026", "November 2026", "2026-11-03 to 2026-11-19".
    public var label: String
    /// For folders: "2026-W47", "2026-11", "2026-11-03_2026-11-19".
    public var folder: String

    public init(_ period: Period) {
        self.period = period
        // Weeks and months are recognised, and folders named, as the renderer does.
        let named = ReportPeriod.range(period)
        folder = named.slug
        switch named.kind {
        case .week(let year, let week): label = "week \(week), \(year)"
        case .month: label = named.title
        case .custom: label = period.dayCount == 1 ? "\(period.from)" : "\(period.from) to \(period.to)"
        }
    }
}

extension MetricsDocument {
    /// How the report's period is named ("week 47, 2026") and filed ("2026-W47").
    public var name: PeriodName { PeriodName(period) }
}
