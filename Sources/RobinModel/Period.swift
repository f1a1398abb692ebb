/// A closed range of local dates `[from, to]` (docs/metrics.md "Time").
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public var from: LocalDate
    public var to: LocalDate

    /// nil when `to` is before `from`.
    public init?(from: LocalDate, to: LocalDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// Number of dates in the period.
    public var dayCount: Int { to.daysSinceEpoch - from.daysSinceEpoch + 1 }

    /// Every date of the period, in order.
    public var dates: [LocalDate] {
        (from.daysSinceEpoch...to.daysSinceEpoch).map(LocalDate.init(daysSinceEpoch:))
    }

    public func contains(_ date: LocalDate) -> Bool {
        date >= from && date <= to
    }

    /// The ISO week (Monday to Sunday) containing `date`.
    public static func isoWeek(containing date: LocalDate) -> Period {
        let monday = date.adding(days: 1 - date.isoWeekday)
        return Period(from: monday, to: monday.adding(days: 6))!
    }

    /// The calendar month containing `date`.
    public static func month(containing date: LocalDate) -> Period {
        let (year, month, _) = date.components
        let first = LocalDate(year: year, month: month, day: 1)!
        return Period(from: first, to: first.adding(days: LocalDate.daysIn(month: month, year: year) - 1))!
    }

    public var description: String { "\(from)..\(to)" }
}
