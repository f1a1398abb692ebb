import RobinModel

/// How a period is named in subjects, commit messages and folder names.
///
/// The report's own title for it (`ReportPeriod.title`), so the subject, the
/// email's heading and the commit name the period as report.md does: an ISO
/// week (Monday to Sunday) is "Week 47, 2026" in folder `2026-W47`; a calendar
/// month is "November 2026" in `2026-11`; any other period is "3–19 November
/// 2026" in `2026-11-03_2026-11-19` (one day: its date).
public struct PeriodName: Sendable, Equatable {
    /// The period named.
    public var period: Period
    /// For people: "Week 47, 2026", "November 2026", "3–19 November 2026".
    public var label: String
    /// For folders: "2026-W47", "2026-11", "2026-11-03_2026-11-19".
    public var folder: String

    public init(_ period: Period) {
        self.period = period
        // Weeks and months are recognised, folders named and titles written as the renderer does.
        let named = ReportPeriod.range(period)
        folder = named.slug
        label = named.title
    }
}

extension MetricsDocument {
    /// How the report's period is named ("Week 47, 2026") and filed ("2026-W47").
    public var name: PeriodName { PeriodName(period) }
}
