import RobinMarkdown
import RobinModel

/// Turns a `ReportInput` into the values the Mustache templates show. Numbers
/// are formatted here (templates print them with `{{{...}}}`); names from the
/// exports stay raw and are escaped by the template's content type (`{{...}}`).
struct ReportContext {
    let input: ReportInput
    let charts: [String: ChartReference]
    /// The headline figures (this period's metrics.json with `previous`, and the trend periods').
    let headline: HeadlineTable

    var metrics: Metrics { input.metrics }

    /// The report's tables, in the report's order: those it shows (desk tables when
    /// there are desk reservations, room tables when there are room events) and the
    /// figures of its daily chart and room heatmap. Each becomes `tables/<name>.csv`.
    var tables: [ReportTable] {
        let rows = ReportTables(metrics: metrics)
        let hasDesks = metrics.desks.total.reservations > 0, hasRooms = metrics.rooms.total.events > 0
        var tables = [headline.table()]
        if hasDesks { tables += [rows.daily(), rows.weekdays()] }
        tables += [rows.buildings(), rows.floors()]
        if !metrics.capacity.byBuilding.isEmpty { tables.append(rows.deskCapacity()) }
        if metrics.forward != nil { tables.append(rows.bookedAhead()) }
        if hasDesks { tables.append(rows.departments()) }
        if hasRooms { tables.append(rows.roomDepartments()) }
        if hasDesks { tables.append(rows.anchorDays()) }
        if hasRooms { tables += [rows.capacityBands(), rows.rooms(), rows.roomHours()] }
        return tables + [ReportTables.dataWindow(desks: input.desksRead, events: input.eventsRead)]
    }

    func values() -> [String: Any] {
        let desks = metrics.desks.total, rooms = metrics.rooms.total
        let rows = ReportTables(metrics: metrics)
        // Each table once: its template rows and its Markdown come from the same cells.
        let buildings = rows.buildings(), floors = rows.floors(), departments = rows.departments()
        let roomDepartments = rows.roomDepartments(), capacityBands = rows.capacityBands(), busiest = rows.rooms()
        var values: [String: Any] = [
            "title": input.audience.map { "\(MarkdownEscape.inline($0.name)), \(input.period.title)" } ?? input.period.title,
            "span": input.period.span,
            "slug": input.period.slug,
            "from": metrics.period.from.description,
            "to": metrics.period.to.description,
            "workdays": "\(metrics.workdays)",
            "previousTitle": input.period.previous.title,
            "hasPrevious": metrics.previous != nil,
            "kpis": headline.table().templateRows,
            "summary": summary(),
            "weekdays": rows.weekdays().templateRows,
            "buildings": buildings.templateRows,
            "floors": floors.templateRows,
            "departments": departments.templateRows,
            "roomDepartments": roomDepartments.templateRows,
            "capacityBands": capacityBands.templateRows,
            "busiestRooms": Array(busiest.templateRows.prefix(10)),
            // Whole tables as report.md shows them (`{{{table.buildings}}}`); the rows above stay for custom templates.
            "table": [
                "buildings": buildings.markdown(), "floors": floors.markdown(),
                "departments": departments.markdown(), "roomDepartments": roomDepartments.markdown(),
                "capacityBands": capacityBands.markdown(), "busiestRooms": busiest.markdown(limit: 10),
            ],
            "hasDesks": desks.reservations > 0,
            "hasRooms": rooms.events > 0,
            "minGroupSize": "\(input.settings.minGroupSize)",
            "daysPerWeek": Figures.decimal(input.settings.daysPerWeek, decimals: input.settings.daysPerWeek.rounded() == input.settings.daysPerWeek ? 0 : 1),
            "businessHours": "\(clock(input.settings.businessHours.start))–\(clock(input.settings.businessHours.end))",
            "workweek": (1...7).filter(input.settings.workweek.contains).map(Weekday.name).joined(separator: ", "),
            "dataWindow": ReportTables.dataWindow(desks: input.desksRead, events: input.eventsRead).templateRows,
            "provisional": provisional(),
            "hasProvisional": !input.provisionalDays.isEmpty,
            "timeZones": input.timeZones.map { ["building": $0.building, "zone": $0.zone] },
            "organizationTimeZone": input.organizationTimeZone,
        ]
        values["glance"] = glance()
        let more = moreChanges()
        values["moreChanges"] = more
        values["hasMoreChanges"] = !more.isEmpty
        values.merge(planning()) { $1 }
        for (role, chart) in charts {
            values["chart_" + role] = ["file": "charts/" + chart.fileName, "title": chart.title, "summary": chart.summary]
        }
        return values
    }

    /// Two sentences leadership can read without the tables (`ReportSummary`, which the email also opens with).
    private func summary() -> String {
        ReportSummary.text(headline.documents.current)
    }

    static let weekdayNames = DateWords.weekdayNames

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
/// cache lacked it), each without its group lists (`MetricsDocument(headlineOf:)`):
/// the headline, the summary and the opening read totals, insights, capacity
/// and forward only.
struct HeadlineDocuments {
    var current: MetricsDocument
    var trend: [MetricsDocument?]

    /// `input`'s metrics as metrics.json states them.
    init(_ input: ReportInput) throws(MetricsFileError) {
        current = try MetricsDocument(headlineOf: input.metrics)
        var trend: [MetricsDocument?] = []
        for (period, metrics) in input.trend {
            if period == input.period {
                trend.append(current)
            } else {
                trend.append(try metrics.map { metrics throws(MetricsFileError) in try MetricsDocument(headlineOf: metrics) })
            }
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
