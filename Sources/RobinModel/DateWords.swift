/// Dates as sentences say them: "Friday 27 November" (tables use
/// `Figures.shortDate`, "Fri 27 Nov"; files ISO dates).
public enum DateWords {
    /// Monday ... Sunday, by ISO weekday - 1.
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "Friday 27 November": weekday, day and month, no year (the report's period gives it).
    public static func long(_ date: LocalDate) -> String {
        let (_, month, day) = date.components
        return "\(weekdayNames[date.isoWeekday - 1]) \(day) \(ReportPeriod.monthNames[month - 1])"
    }
}
