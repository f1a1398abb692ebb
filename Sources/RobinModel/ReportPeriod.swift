/// The period a report covers, with the names people and folders use for it.
public struct ReportPeriod: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An ISO 8601 week, Monday to Sunday.
        case week(year: Int, week: Int)
        /// A calendar month.
        case month(year: Int, month: Int)
        /// Any other range of dates.
        case custom
    }

    public var kind: Kind
    public var period: Period

    /// ISO week `week` of ISO year `year`; nil when it does not exist.
    public static func week(year: Int, week: Int) -> ReportPeriod? {
        guard let monday = LocalDate.monday(isoYear: year, week: week) else { return nil }
        return ReportPeriod(kind: .week(year: year, week: week), period: Period(from: monday, to: monday.adding(days: 6))!)
    }

    /// Calendar month `month` of `year`; nil when it does not exist.
    public static func month(year: Int, month: Int) -> ReportPeriod? {
        guard let first = LocalDate(year: year, month: month, day: 1) else { return nil }
        return ReportPeriod(kind: .month(year: year, month: month), period: Period.month(containing: first))
    }

    /// A range of dates, named as a week or a month when it is exactly one.
    public static func range(_ period: Period) -> ReportPeriod {
        let (year, week) = period.from.isoWeek
        if period.from.isoWeekday == 1, period.dayCount == 7 { return .week(year: year, week: week)! }
        let (y, m, d) = period.from.components
        if d == 1, Period.month(containing: period.from) == period { return .month(year: y, month: m)! }
        return ReportPeriod(kind: .custom, period: period)
    }

    /// Parses `2026-W48`.
    public static func week(_ text: String) -> ReportPeriod? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]),
              parts[1].first == "W" || parts[1].first == "w", let week = Int(parts[1].dropFirst()),
              parts[1].count == 3
        else { return nil }
        return .week(year: year, week: week)
    }

    /// Parses `2026-11`.
    public static func month(_ text: String) -> ReportPeriod? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return .month(year: year, month: month)
    }

    /// The last complete ISO week before `today`.
    public static func lastCompleteWeek(before today: LocalDate) -> ReportPeriod {
        range(Period.isoWeek(containing: today.adding(days: -7)))
    }

    /// The folder name: `2026-W47`, `2026-11`, `2026-11-03_2026-11-12`, or `2026-11-03` for one day.
    public var slug: String {
        switch kind {
        case .week(let year, let week): "\(year)-W\(week < 10 ? "0" : "")\(week)"
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .custom: period.dayCount == 1 ? "\(period.from)" : "\(period.from)_\(period.to)"
        }
    }

    /// For people: `Week 47, 2026`, `November 2026`, or `3 to 12 November 2026`.
    public var title: String {
        switch kind {
        case .week(let year, let week): "Week \(week), \(year)"
        case .month(let year, let month): "\(ReportPeriod.monthNames[month - 1]) \(year)"
        case .custom: span
        }
    }

    /// The dates in words: `16-22 November 2026`, `28 October - 3 November 2026`.
    public var span: String {
        let (y1, m1, d1) = period.from.components, (y2, m2, d2) = period.to.components
        if period.dayCount == 1 { return "\(d1) \(ReportPeriod.monthNames[m1 - 1]) \(y1)" }
        if y1 == y2, m1 == m2 { return "\(d1)–\(d2) \(ReportPeriod.monthNames[m2 - 1]) \(y2)" }
        if y1 == y2 { return "\(d1) \(ReportPeriod.monthNames[m1 - 1]) – \(d2) \(ReportPeriod.monthNames[m2 - 1]) \(y2)" }
        return "\(d1) \(ReportPeriod.monthNames[m1 - 1]) \(y1) – \(d2) \(ReportPeriod.monthNames[m2 - 1]) \(y2)"
    }

    /// Short label for trend axes: `W47`, `Nov`, or the start date.
    public var shortLabel: String {
        switch kind {
        case .week(_, let week): "W\(week)"
        case .month(_, let month): String(ReportPeriod.monthNames[month - 1].prefix(3))
        case .custom: period.from.description
        }
    }

    /// The period a report compares with (docs/metrics.md `previous`): the
    /// previous ISO week for a week, the previous calendar month for a month,
    /// the same number of days right before for any other range. It is the
    /// trend's previous point too (`earlier(by: 1)`), so a report never shows
    /// two different "previous" values for one measure.
    public var previous: ReportPeriod { earlier(by: 1) }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]
}

extension ReportPeriod {
    /// The period `count` periods before this one: weeks by week, months by
    /// calendar month, other ranges by their length.
    public func earlier(by count: Int) -> ReportPeriod {
        switch kind {
        case .week:
            return .range(Period(from: period.from.adding(days: -7 * count), to: period.to.adding(days: -7 * count))!)
        case .month(let year, let month):
            let index = year * 12 + (month - 1) - count
            return .month(year: index / 12, month: index % 12 + 1)!
        case .custom:
            let shift = period.dayCount * count
            return .range(Period(from: period.from.adding(days: -shift), to: period.to.adding(days: -shift))!)
        }
    }
}
