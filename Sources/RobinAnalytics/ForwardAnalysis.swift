import RobinModel

/// The `forward` object (METRICS.md "Busy days ahead"): desk bookings per
/// building and local date of the window after the period, against the
/// building's `desks_seen` in the period.
struct ForwardAnalysis {
    let window: Period
    let settings: Settings

    /// - Parameters:
    ///   - desks: the period's desk figures (each building's `desks_seen`).
    ///   - days: the desk facts of the window's dates, with their date indexes.
    func run(desks: DeskMetrics, days: [(date: Int, facts: DeskDayFacts)]) -> Forward {
        // Bookings as exported: every row not canceled, attended or not yet.
        var booked: [String: [Int]] = [:]
        for (date, day) in days {
            for group in day.groups where group.key.kind == DeskGroupKind.building.rawValue && group.counts.booked > 0 {
                booked[group.key.names[0], default: Array(repeating: 0, count: window.dayCount)][date] += group.counts.booked
            }
        }
        // The period's buildings, and any other building with a booking ahead.
        let buildings = Set(desks.byBuilding.compactMap { $0.key["building"] }).union(booked.keys)
        let inventory = Inventory.desks(settings)
        var result: [ForwardDay] = []
        for building in buildings.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            // A building with no rows in the period: its inventory, as desks_seen would say, else 0.
            let deskCount = desks.byBuilding.first { $0.key["building"] == building }?.figures.desksSeen
                ?? inventory.building(building, seenOnFloor: [:]) ?? 0
            for (index, date) in window.dates.enumerated() {
                let count = booked[building]?[index] ?? 0
                result.append(ForwardDay(building: building, date: date, booked: count, desks: deskCount,
                                         bookedShare: ratio(Double(count), Double(deskCount))))
            }
        }
        return Forward(period: window, byBuilding: result)
    }
}
