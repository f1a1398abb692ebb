import RobinModel

/// The planning tables (docs/metrics.md "Capacity", "Busy days ahead", "Anchor days"):
/// how full each building and floor got, what is booked for the days ahead, and on
/// which weekday each department comes in together.
extension ReportTables {
    private typealias CapacityRow = (building: String, floor: String?, figures: CapacityFigures)

    /// Each building, then its floors: desks, the busiest workday's desks used and
    /// date, peak occupancy, people per desk and what that says (`status`).
    func deskCapacity() -> ReportTable {
        let floors = metrics.capacity.byFloor
        let rows: [CapacityRow] = metrics.capacity.byBuilding
            .sorted { NaturalOrder.precedes($0.key["building"] ?? "", $1.key["building"] ?? "") }
            .flatMap { building -> [CapacityRow] in
                let name = building.key["building"] ?? ""
                let own = floors.filter { $0.key["building"] == name }
                    .sorted { NaturalOrder.precedes($0.key["floor"] ?? "", $1.key["floor"] ?? "") }
                return [(name, nil, building.figures)] + own.map { (name, $0.key["floor"] ?? "", $0.figures) }
            }
        return ReportTable("Desk capacity", rows: rows, columns: [
            .init("building", "Building") { .text($0.building) },
            .init("floor", nil) { .text($0.floor ?? "All floors") },
            .init(nil, "Floor") { .text($0.floor ?? "") },
            .init("desks", "Desks") { .count($0.figures.desks) },
            .init("peakUsed", "Peak desks used") { .count($0.figures.peakDesksUsed) },
            .init("peakDate", nil) { .text($0.figures.peakDate.map(Figures.shortDate) ?? Figures.missing) },
            .init(nil, "Peak date") { .date($0.figures.peakDate) },
            .init("peakOccupancy", "Peak occupancy (%)") { .percent($0.figures.peakOccupancy) },
            .init("sharing", "People per desk") { .decimal($0.figures.sharingRatio) },
            .init("status", "Status") { .text(Self.words($0.figures.status)) },
        ])
    }

    /// What a capacity status says in the table: `Consolidate`, `OK`, `At risk`; `—` when undefined.
    static func words(_ status: CapacityStatus?) -> String {
        switch status {
        case .consolidate: "Consolidate"
        case .ok: "OK"
        case .atRisk: "At risk"
        case nil: Figures.missing
        }
    }

    /// The desk bookings of each building on each of the 7 days after the period;
    /// busy days (a `busy_day` insight: 90% booked or more) are marked `Busy` in
    /// words, not by colour alone.
    func bookedAhead() -> ReportTable {
        let rows = (metrics.forward?.byBuilding ?? []).sorted {
            $0.building != $1.building ? NaturalOrder.precedes($0.building, $1.building) : $0.date < $1.date
        }
        // Marked where the analytics found a busy day, so the table and "Needs attention" agree.
        let busyDays = Set(metrics.insights.compactMap { insight -> String? in
            guard case .busyDay(let day) = insight, let building = day.group["building"] else { return nil }
            return building + "\u{0}" + day.date.description
        })
        let busy = { (day: ForwardDay) in busyDays.contains(day.building + "\u{0}" + day.date.description) }
        return ReportTable("Booked ahead", rows: rows, columns: [
            .init("building", "Building") { .text($0.building) },
            .init("date", nil) { .text(Figures.shortDate($0.date)) },
            .init(nil, "Date") { .date($0.date) },
            .init("booked", "Desks booked") { .count($0.booked) },
            .init("desks", "Desks") { .count($0.desks) },
            .init("share", "Booked share (%)") { .percent($0.bookedShare) },
            .init("busy", nil) { .text(busy($0) ? "**Busy**" : "") },
            .init(nil, "Busy") { .text(busy($0) ? "yes" : "") },
        ])
    }

    /// Each department's mean share in the office per workweek weekday, its anchor
    /// day and co-presence (departments of at least `min_group_size` people).
    func anchorDays() -> ReportTable {
        ReportTable("Anchor days", rows: Self.byName(metrics.colocation.byDepartment, "department"),
                    columns: anchorColumns(anchorWeekdays))
    }

    /// The weekdays the anchor-day table has a column for: those `weekday_share` lists, Monday first.
    var anchorWeekdays: [Int] {
        Set(metrics.colocation.byDepartment.flatMap { $0.figures.weekdayShare.map(\.weekday) }).sorted()
    }

    private func anchorColumns(_ weekdays: [Int]) -> [ReportTable.Column<Group<AnchorDays>>] {
        let share = { (group: Group<AnchorDays>, weekday: Int) in
            group.figures.weekdayShare.first { $0.weekday == weekday }?.share
        }
        var columns: [ReportTable.Column<Group<AnchorDays>>] = [
            .init("department", "Department") { .text($0.key["department"] ?? "") },
            .init("people", "People") { .count($0.figures.people) },
        ]
        for weekday in weekdays {
            columns.append(.init(Weekday.name(weekday), Weekday.name(weekday) + " (%)") { .percent(share($0, weekday)) })
        }
        return columns + [
            .init("anchor", "Anchor day") { .text($0.figures.anchorWeekday.map { ReportContext.weekdayNames[$0 - 1] } ?? Figures.missing) },
            .init("anchorShare", "Anchor share (%)") { .percent($0.figures.anchorShare) },
            .init("coPresence", "Co-presence (%)") { .percent($0.figures.coPresence) },
        ]
    }
}
