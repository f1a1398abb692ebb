import RobinModel

/// The report's tables, each defined once (`ReportTable`): the template's rows
/// and `tables/<name>.csv` come from the same cells. Rows are in the report's
/// order: names as people expect them (`NaturalOrder`), rooms busiest first.
struct ReportTables {
    let metrics: Metrics

    private typealias Column<Row> = ReportTable.Column<Row>
    private typealias Building = (name: String, desks: DeskFigures?, rooms: RoomFigures?)
    private typealias Floor = (building: String, floor: String, desks: DeskFigures?, rooms: RoomFigures?)

    /// Average people in the office per weekday that the period has, with the previous period's.
    func weekdays() -> ReportTable {
        let before = metrics.previous?.metrics.desks.byWeekday
        let rows = metrics.desks.byWeekday.enumerated().compactMap { index, people in
            people.map { (index, $0, before.flatMap { index < $0.count ? $0[index] : nil }) }
        }
        return ReportTable("Weekday attendance", rows: rows, columns: [
            Column("weekday", "Weekday") { .text(ReportContext.weekdayNames[$0.0]) },
            Column("people", "People") { .decimal($0.1) },
            Column("previous", "Previous") { .decimal($0.2) },
        ])
    }

    /// People in the office per date (the daily chart's figures; CSV only).
    func daily() -> ReportTable {
        ReportTable("Daily attendance", rows: metrics.desks.daily.sorted { $0.date < $1.date }, columns: [
            Column(nil, "Date") { .date($0.date) },
            Column(nil, "Weekday") { .text(ReportContext.weekdayNames[$0.date.isoWeekday - 1]) },
            Column(nil, "People") { .count($0.people) },
            Column(nil, "Desks used") { .count($0.desks) },
        ])
    }

    func buildings() -> ReportTable {
        let names = Set(metrics.desks.byBuilding.compactMap { $0.key["building"] }
                        + metrics.rooms.byBuilding.compactMap { $0.key["building"] })
        let rows: [Building] = names.sorted(by: NaturalOrder.precedes).map { name in
            (name, metrics.desks.byBuilding.first { $0.key["building"] == name }?.figures,
             metrics.rooms.byBuilding.first { $0.key["building"] == name }?.figures)
        }
        return ReportTable("Buildings", rows: rows, columns: [
            .name("building", "Building") { $0.name },
            Column("people", "People") { .count($0.desks?.people) },
            Column("avgDaily", "Average daily people", label: "Avg daily") { .decimal($0.desks?.avgDailyPeople) },
            Column("deskUtilization", "Desk utilization (%)", label: "Desk use") { .percent($0.desks?.deskUtilization) },
            Column("checkIn", "Desk check-in rate (%)", label: "Check-in") { .percent($0.desks?.checkInRate) },
            Column("noShow", "Desk no-show rate (%)", label: "No-show") { .percent($0.desks?.noShowRate) },
            Column("meetings", "Meetings") { .count($0.rooms?.meetings) },
            Column("roomUtilization", "Room utilization (%)", label: "Room use") { .percent($0.rooms?.utilization) },
            Column("ghostRate", "Ghost-meeting rate (%)", label: "Ghost") { .percent($0.rooms?.ghostRate) },
        ])
    }

    func floors() -> ReportTable {
        var keys: [(String, String)] = []
        for key in metrics.desks.byFloor.map(\.key) + metrics.rooms.byFloor.map(\.key) {
            let pair = (key["building"] ?? "", key["floor"] ?? "")
            if !keys.contains(where: { $0 == pair }) { keys.append(pair) }
        }
        keys.sort { $0.0 != $1.0 ? NaturalOrder.precedes($0.0, $1.0) : NaturalOrder.precedes($0.1, $1.1) }
        let rows: [Floor] = keys.map { building, floor in
            let matches = { (key: GroupKey) in key["building"] == building && key["floor"] == floor }
            return (building, floor, metrics.desks.byFloor.first { matches($0.key) }?.figures,
                    metrics.rooms.byFloor.first { matches($0.key) }?.figures)
        }
        return ReportTable("Floors", rows: rows, columns: [
            .name("building", "Building") { $0.building },
            .name("floor", "Floor") { $0.floor },
            Column("people", "People") { .count($0.desks?.people) },
            Column("desks", "Desks") { .count($0.desks?.desksSeen) },
            Column("deskUtilization", "Desk utilization (%)", label: "Desk use") { .percent($0.desks?.deskUtilization) },
            Column("rooms", "Rooms") { .count($0.rooms?.roomsSeen) },
            Column("roomUtilization", "Room utilization (%)", label: "Room use") { .percent($0.rooms?.utilization) },
        ])
    }

    /// Office attendance by department (small ones folded by the analytics stage).
    func departments() -> ReportTable {
        ReportTable("Departments", rows: Self.byName(metrics.desks.byDepartment, "department"), columns: [
            .name("department", "Department") { $0.key["department"] ?? "" },
            Column("people", "People") { .count($0.figures.people) },
            Column("avgDays", "Days per person") { .decimal($0.figures.avgDaysPerPerson) },
            Column("policy", "Policy adherence (%)", label: "Policy adherence") { .percent($0.figures.policyAdherence) },
            Column("checkIn", "Desk check-in rate (%)", label: "Check-in") { .percent($0.figures.checkInRate) },
            Column("noShow", "Desk no-show rate (%)", label: "No-show") { .percent($0.figures.noShowRate) },
        ])
    }

    /// Meetings by the host's department.
    func roomDepartments() -> ReportTable {
        ReportTable("Meetings by host department", rows: Self.byName(metrics.rooms.byDepartment, "department"), columns: [
            .name("department", "Department") { $0.key["department"] ?? "" },
            Column("meetings", "Meetings") { .count($0.figures.meetings) },
            Column("hours", "Hours booked") { .decimal($0.figures.bookedHours) },
            Column("avgMinutes", "Average meeting minutes", label: "Avg minutes") { .decimal($0.figures.avgMeetingMinutes) },
            Column("ghostRate", "Ghost-meeting rate (%)", label: "Ghost") { .percent($0.figures.ghostRate) },
            Column("avgAttendees", "Average attendees", label: "Avg attendees") { .decimal($0.figures.avgAttendees) },
        ])
    }

    /// Meetings by room capacity band, in the analytics stage's order (smallest first).
    func capacityBands() -> ReportTable {
        ReportTable("Room capacity", rows: metrics.rooms.byCapacity, columns: [
            Column("capacity", "Capacity", left: true) { .text($0.key["capacity"] ?? "") },
            Column("rooms", "Rooms") { .count($0.figures.roomsSeen) },
            Column("meetings", "Meetings") { .count($0.figures.meetings) },
            Column("avgMinutes", "Average meeting minutes", label: "Avg minutes") { .decimal($0.figures.avgMeetingMinutes) },
            Column("avgAttendees", "Average attendees", label: "Avg attendees") { .decimal($0.figures.avgAttendees) },
            Column("avgFill", "Average fill (%)", label: "Avg fill") { .percent($0.figures.avgFill) },
            Column("oversized", "Over-sized meetings (%)", label: "Over-sized") { .percent($0.figures.oversizedShare) },
        ])
    }

    /// Every room with a meeting, highest utilization first (ties by name); the report shows the first ten.
    func rooms() -> ReportTable {
        let rows = metrics.rooms.bySpace
            .filter { $0.figures.meetings > 0 }
            .sorted {
                let a = $0.figures.utilization ?? 0, b = $1.figures.utilization ?? 0
                return a != b ? a > b : GroupKey.precedes($0.key, $1.key)
            }
        return ReportTable("Rooms", rows: rows, columns: [
            .name("space", "Room") { $0.key["space"] ?? "" },
            .name("building", "Building") { $0.key["building"] ?? "" },
            .name("floor", "Floor") { $0.key["floor"] ?? "" },
            Column("meetings", "Meetings") { .count($0.figures.meetings) },
            Column("utilization", "Room utilization (%)", label: "Utilization") { .percent($0.figures.utilization) },
            Column("avgFill", "Average fill (%)", label: "Avg fill") { .percent($0.figures.avgFill) },
        ])
    }

    /// The share of rooms booked per weekday (rows) and hour of the day, local time (columns; CSV only).
    func roomHours() -> ReportTable {
        var shares = [Int: Double]()
        for cell in metrics.rooms.heatmap { if let share = cell.share { shares[cell.weekday * 24 + cell.hour] = share } }
        let hours: [Column<Int>] = (0..<24).map { hour in
            Column(nil, (hour < 10 ? "0" : "") + "\(hour):00 (%)") { .percent(shares[$0 * 24 + hour]) }
        }
        return ReportTable("Room bookings by hour", rows: Array(1...7),
                           columns: [Column(nil, "Weekday") { .text(ReportContext.weekdayNames[$0 - 1]) }] + hours)
    }

    /// What was read from each kind of export.
    static func dataWindow(desks: DataWindow, events: DataWindow) -> ReportTable {
        ReportTable("Exports read", rows: [("Desk reservations", desks), ("Room events", events)], columns: [
            Column("kind", "Export") { .text($0.0) },
            Column("files", "Daily files") { .count($0.1.files) },
            Column("rows", "Rows read") { .count($0.1.rows) },
            Column("duplicates", "Duplicates removed") { .count($0.1.duplicates) },
            Column("dates", nil) { window in .text(window.1.first.map { "\($0) to \(window.1.last ?? $0)" } ?? Figures.missing) },
            Column(nil, "First date") { .date($0.1.first) },
            Column(nil, "Last date") { .date($0.1.last ?? $0.1.first) },
        ])
    }

    static func byName<Value>(_ groups: [Group<Value>], _ field: String) -> [Group<Value>] {
        groups.sorted { NaturalOrder.precedes($0.key[field] ?? "", $1.key[field] ?? "") }
    }
}
