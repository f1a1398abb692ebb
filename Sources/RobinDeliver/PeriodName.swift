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
        let (year, month, day) = period.from.components
        if period.dayCount == 7, period.from.isoWeekday == 1 {
            let week = period.from.isoWeek
            label = "week \(week.week), \(week.year)"
            folder = "\(week.year)-W\(week.week < 10 ? "0" : "")\(week.week)"
        } else if day == 1, period == Period.month(containing: period.from) {
            label = "\(PeriodName.months[month - 1]) \(year)"
            folder = "\(year)-\(month < 10 ? "0" : "")\(month)"
        } else if period.dayCount == 1 {
            label = "\(period.from)"
            folder = "\(period.from)"
        } else {
            label = "\(period.from) to \(period.to)"
            folder = "\(period.from)_\(period.to)"
        }
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]
}
