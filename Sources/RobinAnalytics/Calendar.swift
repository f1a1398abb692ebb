import RobinModel

/// The period seen from the rows: which local date and hour an instant falls on,
/// and which of the period's dates are workdays (weekday in the workweek, not a
/// closed date).
struct PeriodCalendar {
    static let dayMillis: Int64 = 86_400_000
    static let hourMillis: Int64 = 3_600_000

    let period: Period
    let firstDay: Int64
    let dayCount: Int
    /// Per date index: whether it is a workday (in the workweek and not closed).
    let isWorkday: [Bool]
    let workdays: Int
    /// Per date index: ISO weekday 1...7.
    let weekdays: [Int]

    init(period: Period, settings: Settings) {
        self.period = period
        firstDay = Int64(period.from.daysSinceEpoch)
        dayCount = period.dayCount
        weekdays = period.dates.map(\.isoWeekday)
        isWorkday = period.dates.map(settings.isWorkday)
        workdays = isWorkday.filter { $0 }.count
    }

    /// The date index (0 = `period.from`) of a local wall-clock instant in ms; may be out of range.
    @inline(__always)
    func dateIndex(localMillis: Int64) -> Int {
        let day = localMillis >= 0 ? localMillis / Self.dayMillis : (localMillis - Self.dayMillis + 1) / Self.dayMillis
        return Int(day - firstDay)
    }

    /// Local wall-clock ms at the start of date index `index`.
    @inline(__always)
    func startMillis(ofDateIndex index: Int) -> Int64 {
        (firstDay + Int64(index)) * Self.dayMillis
    }

    /// Number of dates per ISO weekday (index 0 = Monday).
    var datesPerWeekday: [Int] {
        var counts = Array(repeating: 0, count: 7)
        for weekday in weekdays { counts[weekday - 1] += 1 }
        return counts
    }
}
