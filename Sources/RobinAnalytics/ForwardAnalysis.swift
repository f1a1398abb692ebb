import RobinExports
import RobinModel

/// The `forward` object (METRICS.md "Busy days ahead"): desk bookings per
/// building and local date of the window after the period, against the
/// building's `desks_seen` in the period.
struct ForwardAnalysis {
    let table: DeskTable
    let window: Period
    let settings: Settings

    /// - Parameter desks: the period's desk figures (each building's `desks_seen`).
    func run(desks: DeskMetrics) throws(AnalysisError) -> Forward {
        var zones = try ZoneBook(buildings: table.buildings, settings: settings)
        let calendar = PeriodCalendar(period: window, settings: settings)
        // Bookings as exported: every row not canceled, attended or not yet.
        var booked = [Int](repeating: 0, count: table.buildings.count * window.dayCount)
        for record in table.records where record.canceledAt == Timestamp.missing {
            let date = calendar.dateIndex(localMillis: zones.local(record.start, building: record.building))
            guard date >= 0, date < window.dayCount else { continue }
            booked[Int(record.building) * window.dayCount + date] += 1
        }
        // The period's buildings, and any other building with a booking ahead.
        var buildings = Set(desks.byBuilding.compactMap { $0.key["building"] })
        for (id, name) in table.buildings.enumerated()
        where booked[id * window.dayCount..<(id + 1) * window.dayCount].contains(where: { $0 > 0 }) {
            buildings.insert(name)
        }
        let ids = Dictionary(table.buildings.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let inventory = Inventory.desks(settings)
        var days: [ForwardDay] = []
        for building in buildings.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            // A building with no rows in the period: its inventory, as desks_seen would say, else 0.
            let deskCount = desks.byBuilding.first { $0.key["building"] == building }?.figures.desksSeen
                ?? inventory.building(building, seenOnFloor: [:]) ?? 0
            for (index, date) in window.dates.enumerated() {
                let count = ids[building].map { booked[$0 * window.dayCount + index] } ?? 0
                days.append(ForwardDay(building: building, date: date, booked: count, desks: deskCount,
                                       bookedShare: ratio(Double(count), Double(deskCount))))
            }
        }
        return Forward(period: window, byBuilding: days)
    }
}
