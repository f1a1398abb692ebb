import ArgumentParser
import RobinModel

/// Reads the period options' values with a message that says exactly what is
/// wrong: `--month 2026-13: month 13 does not exist`, not a generic usage line.
enum PeriodArgument {
    /// The longest period accepted without `--allow-long-range`, in days.
    static let longestRange = 366

    /// `YYYY-MM-DD` given to `option`.
    static func date(_ text: String, option: String) throws -> LocalDate {
        if let date = LocalDate(text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { throw ValidationError("\(option) \(text): not a date like 2026-11-16 (YYYY-MM-DD)") }
        guard (1...12).contains(month) else { throw ValidationError("\(option) \(text): month \(month) does not exist") }
        guard day > 0 else { throw ValidationError("\(option) \(text): day 0 does not exist") }
        let days = LocalDate.daysIn(month: month, year: year)
        throw ValidationError("\(option) \(text): \(ReportPeriod.monthNames[month - 1]) \(year) has \(days) days")
    }

    /// `YYYY-Www`, an ISO week.
    static func week(_ text: String) throws -> ReportPeriod {
        if let week = ReportPeriod.week(text) { return week }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[0].allSatisfy(\.isNumber),
              parts[1].count == 3, parts[1].first == "W" || parts[1].first == "w",
              let week = Int(parts[1].dropFirst()), parts[1].dropFirst().allSatisfy(\.isNumber)
        else { throw ValidationError("--week \(text): not an ISO week like 2026-W47") }
        if week == 0 { throw ValidationError("--week \(text): week 0 does not exist (ISO weeks start at W01)") }
        let weeks = ReportPeriod.week(year: year, week: 53) == nil ? 52 : 53
        throw ValidationError("--week \(text): ISO year \(year) has \(weeks) weeks")
    }

    /// `YYYY-MM`, a calendar month.
    static func month(_ text: String) throws -> ReportPeriod {
        if let month = ReportPeriod.month(text) { return month }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let month = Int(parts[1]), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { throw ValidationError("--month \(text): not a month like 2026-11 (YYYY-MM)") }
        throw ValidationError("--month \(text): month \(month) does not exist")
    }

    /// `--from`/`--to`, both or neither, in order and at most a year long
    /// unless `allowLongRange`.
    static func range(from: String?, to: String?, allowLongRange: Bool) throws -> Period? {
        let first = try from.map { try date($0, option: "--from") }
        let last = try to.map { try date($0, option: "--to") }
        switch (first, last) {
        case (nil, nil):
            return nil
        case (let first?, nil):
            throw ValidationError("--from \(first) needs --to, the last date of the period")
        case (nil, let last?):
            throw ValidationError("--to \(last) needs --from, the first date of the period")
        case (let first?, let last?):
            guard let period = Period(from: first, to: last) else {
                throw ValidationError("--to \(last) is before --from \(first)")
            }
            try checkLength(period, allowLongRange: allowLongRange)
            return period
        }
    }

    /// Refuses a period over `longestRange` days unless `allowLongRange`: a
    /// typo in a year (`--from 2016-01-01`) would otherwise read years of data.
    static func checkLength(_ period: Period, allowLongRange: Bool) throws {
        guard period.dayCount > longestRange, !allowLongRange else { return }
        throw ValidationError("--from \(period.from) --to \(period.to) spans \(period.dayCount) days; "
            + "periods over \(longestRange) days need --allow-long-range")
    }
}
