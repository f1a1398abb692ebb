import RobinModel

/// Builds the `insights` array of METRICS.md from `Metrics` values: the
/// period's own (with its `capacity` and `forward`), `previous`, and the
/// trend's. Kinds in the order mover, target, low_day, capacity, busy_day.
struct InsightSearch {
    let settings: Settings

    private var privacy: InsightPrivacy { InsightPrivacy(minGroupSize: settings.minGroupSize) }

    /// - Parameter trend: the trend periods' metrics, oldest first, ending with `current`'s
    ///   (nil = not at hand); `previous` is the entry before the last.
    func insights(current: Metrics, trend: [Metrics?]) -> [Insight] {
        let earlier = Array(trend.dropLast())
        var insights: [Insight] = []
        if let last = earlier.last, let previous = last {
            insights += MoverSearch(privacy: privacy)
                .movers(current: current, previous: previous, earlier: Array(earlier.dropLast()))
                .map(Insight.mover)
        }
        insights += targets(current).map(Insight.target)
        insights += lowDays(current, earlier: earlier.compactMap { $0 }).map(Insight.lowDay)
        insights += capacityAlerts(current).map(Insight.capacity)
        insights += busyDays(current).map(Insight.busyDay)
        return insights
    }

    /// The org and each building against `[targets]`: by measure, the org first, then buildings by name.
    func targets(_ metrics: Metrics) -> [Insight.TargetCheck] {
        var checks: [Insight.TargetCheck] = []
        for (measure, target) in settings.targets.sorted(by: { $0.key < $1.key }) {
            var values: [(GroupKey, Double?)]
            if measure == .roomUtilization {
                values = [(GroupKey([]), metrics.rooms.total.utilization)]
                    + metrics.rooms.byBuilding.map { ($0.key, $0.figures.utilization) }
            } else {
                values = [(GroupKey([]), Self.value(measure, metrics.desks.total))]
                    + metrics.desks.byBuilding.map { ($0.key, Self.value(measure, $0.figures)) }
            }
            for (key, value) in values {
                guard let value, privacy.allows(key, in: metrics) else { continue }
                checks.append(Insight.TargetCheck(measure: measure, group: key, value: value, target: target))
            }
        }
        return checks
    }

    /// A desk measure's value; nil for `room_utilization`.
    static func value(_ measure: TargetMeasure, _ figures: DeskFigures) -> Double? {
        switch measure {
        case .avgDaysPerPerson: figures.avgDaysPerPerson
        case .checkInRate: figures.checkInRate
        case .deskUtilization: figures.deskUtilization
        case .policyAdherence: figures.policyAdherence
        case .roomUtilization: nil
        }
    }

    /// Workdays of the period under half their usual attendance: the median of
    /// `daily.people` over the trend's workdays with the same weekday (this period's
    /// included, at least 3 of them), by date.
    func lowDays(_ metrics: Metrics, earlier: [Metrics]) -> [Insight.LowDay] {
        var people: [LocalDate: Int] = [:]
        for day in (earlier + [metrics]).flatMap(\.desks.daily) where settings.isWorkday(day.date) {
            people[day.date] = day.people
        }
        var byWeekday: [Int: [Int]] = [:]
        for (date, count) in people { byWeekday[date.isoWeekday, default: []].append(count) }
        return metrics.desks.daily.compactMap { day in
            guard settings.isWorkday(day.date), let same = byWeekday[day.date.isoWeekday], same.count >= 3 else { return nil }
            let usual = Self.median(same)
            return Double(day.people) < usual / 2 ? Insight.LowDay(date: day.date, people: day.people, usual: usual) : nil
        }
    }

    /// The middle value; the mean of the two middle ones for an even count.
    static func median(_ values: [Int]) -> Double {
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Buildings, then floors, whose capacity status is not `ok`, in `capacity`'s order.
    func capacityAlerts(_ metrics: Metrics) -> [Insight.CapacityAlert] {
        (metrics.capacity.byBuilding + metrics.capacity.byFloor).compactMap { group in
            guard let status = group.figures.status, status != .ok, let occupancy = group.figures.peakOccupancy,
                  privacy.allows(group.key, in: metrics) else { return nil }
            return Insight.CapacityAlert(group: group.key, status: status, peakOccupancy: occupancy)
        }
    }

    /// Dates ahead with at least 90% of a building's desks booked, by date, then building.
    func busyDays(_ metrics: Metrics) -> [Insight.BusyDay] {
        (metrics.forward?.byBuilding ?? [])
            .compactMap { day -> Insight.BusyDay? in
                let key = GroupKey([.init("building", day.building)])
                guard let share = day.bookedShare, share >= 0.9, privacy.allows(key, in: metrics) else { return nil }
                return Insight.BusyDay(group: key, date: day.date, bookedShare: share)
            }
            .sorted { $0.date != $1.date ? $0.date < $1.date : InsightSort.precedes($0.group, $1.group) }
    }
}
