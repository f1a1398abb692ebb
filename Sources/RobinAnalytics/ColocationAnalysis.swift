import RobinModel

/// A department's anchor days (METRICS.md "Anchor days") from its `people` and
/// how many of them attended on each date.
struct ColocationAnalysis {
    let calendar: PeriodCalendar
    let workweek: Set<Int>

    /// - Parameters:
    ///   - people: the department's `people`.
    ///   - present: its distinct persons attended on a date index (any building).
    func anchorDays(people: Int, present: (Int) -> Int) -> AnchorDays {
        var shareSums = [Double](repeating: 0, count: 8), dates = [Int](repeating: 0, count: 8)
        // Each present person on a workday with k present sees k - 1 of the others.
        var pairs = 0, others = 0.0
        for date in 0..<calendar.dayCount where calendar.isWorkday[date] {
            let count = present(date), weekday = calendar.weekdays[date]
            if people > 0 { shareSums[weekday] += Double(count) / Double(people) }
            dates[weekday] += 1
            pairs += count
            if people > 1 { others += Double(count) * Double(count - 1) / Double(people - 1) }
        }
        let shares = workweek.sorted().map { weekday in
            AnchorDays.WeekdayShare(weekday: weekday, share: people == 0 || dates[weekday] == 0
                ? nil : shareSums[weekday] / Double(dates[weekday]))
        }
        var anchor: AnchorDays.WeekdayShare?
        for day in shares {
            guard let share = day.share else { continue }
            if anchor?.share.map({ share > $0 }) ?? true { anchor = day }
        }
        return AnchorDays(people: people, weekdayShare: shares, anchorWeekday: anchor?.weekday,
                          anchorShare: anchor?.share,
                          coPresence: people > 1 ? ratio(others, Double(pairs)) : nil)
    }
}
