import RobinModel

/// Turns a `ReportInput` into the values the Mustache templates show. Numbers
/// are formatted here (templates print them with `{{{...}}}`); names from the
/// exports stay raw and are escaped by the template's content type (`{{...}}`).
struct ReportContext {
    let input: ReportInput
    let charts: [String: ChartReference]
    /// The period's metrics.json (with `previous`) and the trend periods', read back.
    let headline: HeadlineDocuments

    var metrics: Metrics { input.metrics }
    var previous: Metrics? { input.metrics.previous?.metrics }

    func values() -> [String: Any] {
        let desks = metrics.desks.total, rooms = metrics.rooms.total
        var values: [String: Any] = [
            "title": input.period.title,
            "span": input.period.span,
            "slug": input.period.slug,
            "from": metrics.period.from.description,
            "to": metrics.period.to.description,
            "workdays": "\(metrics.workdays)",
            "previousTitle": input.period.previous.title,
            "hasPrevious": previous != nil,
            "kpis": kpis(),
            "summary": summary(),
            "weekdays": weekdays(),
            "buildings": buildings(),
            "floors": floors(),
            "departments": deskDepartments(),
            "roomDepartments": roomDepartments(),
            "capacityBands": capacityBands(),
            "busiestRooms": busiestRooms(),
            "hasDesks": desks.reservations > 0,
            "hasRooms": rooms.events > 0,
            "minGroupSize": "\(input.settings.minGroupSize)",
            "daysPerWeek": Figures.decimal(input.settings.daysPerWeek, decimals: input.settings.daysPerWeek.rounded() == input.settings.daysPerWeek ? 0 : 1),
            "businessHours": "\(clock(input.settings.businessHours.start))–\(clock(input.settings.businessHours.end))",
            "workweek": (1...7).filter(input.settings.workweek.contains).map(Weekday.name).joined(separator: ", "),
            "dataWindow": dataWindow(),
            "provisional": provisional(),
            "hasProvisional": !input.provisionalDays.isEmpty,
            "timeZones": input.timeZones.map { ["building": $0.building, "zone": $0.zone] },
            "organizationTimeZone": input.organizationTimeZone,
        ]
        for (role, chart) in charts {
            values["chart_" + role] = ["file": "charts/" + chart.fileName, "title": chart.title, "summary": chart.summary]
        }
        return values
    }

    // MARK: - Headline figures

    /// The headline table and the definitions: `Measure.headline`, read from
    /// metrics.json as the email and the index read it.
    private func kpis() -> [[String: Any]] {
        let current = headline.current, previous = current.previous
        return Measure.headline.map { measure in
            let trend = headline.trend.map { measure.value(in: $0) }
            return [
                "name": measure.label,
                "value": measure.textWithNote(in: current),
                "previous": previous == nil ? Figures.missing : measure.text(in: previous),
                "change": measure.change(from: previous, to: current)?.text ?? Figures.missing,
                "trend": trend.compactMap { $0 }.count >= 2 ? Figures.sparkline(trend) : Figures.missing,
                "definition": measure.definition,
            ]
        }
    }

    /// Two sentences leadership can read without the tables.
    private func summary() -> String {
        let desks = metrics.desks.total, rooms = metrics.rooms.total
        guard desks.reservations > 0 || rooms.events > 0 else {
            return "No desk reservations or room bookings were found for this period."
        }
        var text = "\(Figures.count(desks.people)) people came to the office, \(Figures.decimal(desks.avgDailyPeople)) on an average workday"
        if let peak = desks.peakDate {
            text += ", most on \(ReportContext.weekdayNames[peak.isoWeekday - 1]) (\(Figures.count(desks.peakPeople)))"
        }
        text += ". Desks were \(Figures.percent(desks.deskUtilization)) used and rooms \(Figures.percent(rooms.utilization)) of business hours"
        if let ghost = rooms.ghostRate { text += "; \(Figures.percent(ghost)) of meetings were ghost meetings" }
        return text + "."
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    private func weekdays() -> [[String: Any]] {
        let before = previous?.desks.byWeekday
        return metrics.desks.byWeekday.enumerated().compactMap { index, people in
            guard let people else { return nil }
            return ["weekday": ReportContext.weekdayNames[index], "people": Figures.decimal(people),
                    "previous": Figures.decimal(before?[index] ?? nil)]
        }
    }

    // MARK: - Breakdowns

    private func buildings() -> [[String: Any]] {
        let names = Set(metrics.desks.byBuilding.compactMap { $0.key["building"] } + metrics.rooms.byBuilding.compactMap { $0.key["building"] })
        return names.sorted(by: NaturalOrder.precedes).map { name in
            let d = metrics.desks.byBuilding.first { $0.key["building"] == name }?.figures
            let r = metrics.rooms.byBuilding.first { $0.key["building"] == name }?.figures
            return [
                "building": name,
                "people": d.map { Figures.count($0.people) } ?? "—",
                "avgDaily": Figures.decimal(d?.avgDailyPeople),
                "deskUtilization": Figures.percent(d?.deskUtilization),
                "checkIn": Figures.percent(d?.checkInRate),
                "noShow": Figures.percent(d?.noShowRate),
                "meetings": r.map { Figures.count($0.meetings) } ?? "—",
                "roomUtilization": Figures.percent(r?.utilization),
                "ghostRate": Figures.percent(r?.ghostRate),
            ]
        }
    }

    private func floors() -> [[String: Any]] {
        var keys: [(String, String)] = []
        for key in metrics.desks.byFloor.map(\.key) + metrics.rooms.byFloor.map(\.key) {
            let pair = (key["building"] ?? "", key["floor"] ?? "")
            if !keys.contains(where: { $0 == pair }) { keys.append(pair) }
        }
        keys.sort { $0.0 != $1.0 ? NaturalOrder.precedes($0.0, $1.0) : NaturalOrder.precedes($0.1, $1.1) }
        return keys.map { building, floor in
            let d = metrics.desks.byFloor.first { $0.key["building"] == building && $0.key["floor"] == floor }?.figures
            let r = metrics.rooms.byFloor.first { $0.key["building"] == building && $0.key["floor"] == floor }?.figures
            return [
                "building": building, "floor": floor,
                "people": d.map { Figures.count($0.people) } ?? "—",
                "desks": d.map { Figures.count($0.desksSeen) } ?? "—",
                "deskUtilization": Figures.percent(d?.deskUtilization),
                "rooms": r.map { Figures.count($0.roomsSeen) } ?? "—",
                "roomUtilization": Figures.percent(r?.utilization),
            ]
        }
    }

    private func deskDepartments() -> [[String: Any]] {
        metrics.desks.byDepartment.sorted { NaturalOrder.precedes($0.key["department"] ?? "", $1.key["department"] ?? "") }.map {
            let f = $0.figures
            return [
                "department": $0.key["department"] ?? "",
                "people": Figures.count(f.people),
                "avgDays": Figures.decimal(f.avgDaysPerPerson),
                "policy": Figures.percent(f.policyAdherence),
                "checkIn": Figures.percent(f.checkInRate),
                "noShow": Figures.percent(f.noShowRate),
            ]
        }
    }

    private func roomDepartments() -> [[String: Any]] {
        metrics.rooms.byDepartment.sorted { NaturalOrder.precedes($0.key["department"] ?? "", $1.key["department"] ?? "") }.map {
            let f = $0.figures
            return [
                "department": $0.key["department"] ?? "",
                "meetings": Figures.count(f.meetings),
                "hours": Figures.decimal(f.bookedHours),
                "ghostRate": Figures.percent(f.ghostRate),
                "avgAttendees": Figures.decimal(f.avgAttendees),
            ]
        }
    }

    private func capacityBands() -> [[String: Any]] {
        metrics.rooms.byCapacity.map {
            let f = $0.figures
            return [
                "capacity": $0.key["capacity"] ?? "",
                "rooms": Figures.count(f.roomsSeen),
                "meetings": Figures.count(f.meetings),
                "avgAttendees": Figures.decimal(f.avgAttendees),
                "avgFill": Figures.percent(f.avgFill),
                "oversized": Figures.percent(f.oversizedShare),
            ]
        }
    }

    /// The ten rooms with the highest utilization (ties by name).
    private func busiestRooms() -> [[String: Any]] {
        metrics.rooms.bySpace
            .filter { $0.figures.meetings > 0 }
            .sorted {
                let a = $0.figures.utilization ?? 0, b = $1.figures.utilization ?? 0
                return a != b ? a > b : GroupKey.precedes($0.key, $1.key)
            }
            .prefix(10)
            .map {
                let f = $0.figures
                return [
                    "space": $0.key["space"] ?? "", "building": $0.key["building"] ?? "", "floor": $0.key["floor"] ?? "",
                    "meetings": Figures.count(f.meetings),
                    "utilization": Figures.percent(f.utilization),
                    "avgFill": Figures.percent(f.avgFill),
                ]
            }
    }

    private func dataWindow() -> [[String: Any]] {
        [("Desk reservations", input.desksRead), ("Room events", input.eventsRead)].map { name, window in
            [
                "kind": name,
                "files": Figures.count(window.files),
                "rows": Figures.count(window.rows),
                "duplicates": Figures.count(window.duplicates),
                "dates": window.first.map { first in "\(first) to \(window.last ?? first)" } ?? "—",
            ]
        }
    }

    /// The provisional days read, per export: `desk reservations 2026-11-23, 2026-11-24`.
    private func provisional() -> [[String: Any]] {
        input.provisionalDays.enumerated().map { index, entry in
            [
                "kind": entry.kind == .desks ? "desk reservations" : "room events",
                "dates": entry.dates.map(\.description).joined(separator: ", "),
                "last": index == input.provisionalDays.count - 1,
            ]
        }
    }

    private func clock(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}

/// The documents the headline table is read from: this period's metrics.json
/// (with `previous`) and each trend period's, oldest first (nil where the
/// cache lacked it).
struct HeadlineDocuments {
    var current: MetricsDocument
    var trend: [MetricsDocument?]

    /// `input`'s metrics as metrics.json states them.
    init(_ input: ReportInput) throws(MetricsFileError) {
        current = try MetricsDocument(input.metrics)
        var trend: [MetricsDocument?] = []
        for (period, metrics) in input.trend {
            if period == input.period { trend.append(current) } else { trend.append(try metrics.map(MetricsDocument.init)) }
        }
        self.trend = trend
    }
}

/// A chart as the templates reference it.
public struct ChartReference: Sendable, Equatable {
    public var fileName: String
    public var title: String
    public var summary: String

    public init(fileName: String, title: String, summary: String) {
        self.fileName = fileName
        self.title = title
        self.summary = summary
    }
}

/// Orders names the way people expect: numbers inside by value (floor 2 before 10).
enum NaturalOrder {
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        var a = Substring(lhs), b = Substring(rhs)
        while let x = a.first, let y = b.first {
            if x.isNumber, y.isNumber, x.isASCII, y.isASCII {
                let na = a.prefix { $0.isASCII && $0.isNumber }, nb = b.prefix { $0.isASCII && $0.isNumber }
                let va = Int(na) ?? 0, vb = Int(nb) ?? 0
                if va != vb { return va < vb }
                a = a.dropFirst(na.count)
                b = b.dropFirst(nb.count)
                continue
            }
            if x != y { return x.unicodeScalars.first!.value < y.unicodeScalars.first!.value }
            a = a.dropFirst()
            b = b.dropFirst()
        }
        return a.isEmpty && !b.isEmpty
    }
}
