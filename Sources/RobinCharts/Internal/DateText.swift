import RobinModel

/// Short English date labels (the report is in English; no locale lookups).
enum DateText {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Mon".
    static func weekday(_ date: LocalDate) -> String { Weekday.name(date.isoWeekday) }

    /// "24 Nov".
    static func dayMonth(_ date: LocalDate) -> String {
        let (_, month, day) = date.components
        return "\(day) \(months[month - 1])"
    }

    /// "Tue 2026-11-24".
    static func long(_ date: LocalDate) -> String { "\(weekday(date)) \(date)" }

    /// Saturday or Sunday.
    static func isWeekend(_ date: LocalDate) -> Bool { date.isoWeekday >= 6 }
}
