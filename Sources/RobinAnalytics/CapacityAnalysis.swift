import RobinModel

/// A building's or floor's capacity figures (METRICS.md "Capacity") from its
/// `desks_seen`, `people` and the desks it used on each date.
struct CapacityAnalysis {
    let calendar: PeriodCalendar

    /// - Parameters:
    ///   - desks: the group's `desks_seen`.
    ///   - people: the group's `people`.
    ///   - desksUsed: distinct desks attended on a date index of the period.
    func figures(desks: Int, people: Int, desksUsed: (Int) -> Int) -> CapacityFigures {
        var peak = 0
        var peakDate: LocalDate?
        for date in 0..<calendar.dayCount where calendar.isWorkday[date] {
            let used = desksUsed(date)
            if used > peak { (peak, peakDate) = (used, calendar.period.from.adding(days: date)) }
        }
        // With no workday there is no busiest workday to speak of: occupancy unknown, not 0.
        let occupancy = calendar.workdays == 0 ? nil : ratio(Double(peak), Double(desks))
        return CapacityFigures(desks: desks, peakDesksUsed: peak, peakDate: peakDate, peakOccupancy: occupancy,
                               sharingRatio: ratio(Double(people), Double(desks)),
                               status: occupancy.map(CapacityStatus.init(peakOccupancy:)))
    }
}
