import Foundation
import RobinModel

/// How figures read in the email, the commit message and the index: the same
/// rounding everywhere (one decimal), independent of the machine's locale.
enum FigureFormat {
    /// `0.6706` -> "67.1%", rounded as the report rounds it (`Figures`).
    static func percent(_ ratio: Double?, missing: String = "n/a") -> String {
        Figures.percent(ratio, missing: missing)
    }

    /// `32.8` -> "32.8", rounded as the report rounds it.
    static func decimal(_ value: Double?, missing: String = "n/a") -> String {
        Figures.decimal(value, missing: missing)
    }

    /// "Tue 17 Nov".
    static func shortDate(_ date: LocalDate) -> String {
        let (_, month, day) = date.components
        return "\(weekdays[date.isoWeekday - 1]) \(day) \(ReportPeriod.monthNames[month - 1].prefix(3))"
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
}
