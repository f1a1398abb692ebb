import RobinCharts
import RobinMarkdown
import RobinModel

/// The headline figures: one row per `Measure.headline`, read from metrics.json
/// as the email and the index read them. The template's rows, report.html's
/// sparklines and `tables/headline-figures.csv` all come from here.
struct HeadlineTable {
    let documents: HeadlineDocuments
    /// The trend's periods, oldest first (as many as `documents.trend`).
    let periods: [ReportPeriod]
    /// What one trend period is called in the text alternative: "weeks", "months", "periods".
    let unit: (one: String, many: String)

    init(documents: HeadlineDocuments, input: ReportInput) {
        self.documents = documents
        periods = input.trend.map(\.period)
        switch input.period.kind {
        case .week: unit = ("week", "weeks")
        case .month: unit = ("month", "months")
        case .custom: unit = ("period", "periods")
        }
    }

    /// `measure` over the trend periods, oldest first; nil where a period lacks data.
    func trend(_ measure: Measure) -> [Double?] {
        documents.trend.map { measure.value(in: $0) }
    }

    /// The Markdown trend cell: a text sparkline when two or more periods have the value.
    func sparkline(_ measure: Measure) -> String {
        let values = trend(measure)
        return values.compactMap { $0 }.count >= 2 ? Figures.sparkline(values) : Figures.missing
    }

    /// The trend in words, the sparkline's text alternative:
    /// "People in the office: 283 to 290 over 8 weeks, latest 284".
    func trendSummary(_ measure: Measure) -> String {
        let values = trend(measure)
        let known = values.compactMap { $0 }
        guard let latest = known.last, let low = known.min(), let high = known.max() else {
            return "\(measure.label): no data"
        }
        let span = "over \(values.count) \(values.count == 1 ? unit.one : unit.many)"
        var text = measure.label + ": "
            + (measure.formatted(low) == measure.formatted(high) ? "steady at \(measure.formatted(low)) \(span)"
                : "\(measure.formatted(low)) to \(measure.formatted(high)) \(span)")
        if known.count < values.count { text += " (\(values.count - known.count) without data)" }
        return text + ", latest \(measure.formatted(latest))"
    }

    /// report.html's trend cell: the inline SVG sparkline for a measure's text one
    /// (`MarkdownHTML.render`'s `cellHTML`); nil for every other cell.
    func sparklineHTML(for cell: TableCell) -> String? {
        guard let measure = Measure.headline.first(where: { $0.label == cell.rowHeader }),
              cell.text == sparkline(measure), cell.text != Figures.missing else { return nil }
        return Charts.sparkline(trend(measure), label: trendSummary(measure))
    }

    /// The table: the report's texts (`name`, `value` with its note, `previous`, `change`,
    /// `trend`, `definition`) and the CSV's numbers (a ratio as a percentage, the change
    /// in points for a ratio and in percent otherwise, one column per trend period).
    func table() -> ReportTable {
        let current = documents.current, previous = current.previous
        let raw = { (measure: Measure, value: Double?) -> ReportTable.Cell in
            measure.format == .percent ? .percent(value) : .decimal(value)
        }
        var columns: [ReportTable.Column<Measure>] = [
            .init("name", nil) { .text($0.label) },
            .init(nil, "Measure") { .text($0.label + ($0.format == .percent ? " (%)" : "")) },
            .init("value", nil) { .text($0.textWithNote(in: current)) },
            .init(nil, "This period") { raw($0, $0.value(in: current)) },
            .init(nil, "Note") { .text($0.note(in: current) ?? "") },
            .init("previous", nil) { .text(previous == nil ? Figures.missing : $0.text(in: previous)) },
            .init(nil, "Previous") { raw($0, $0.value(in: previous)) },
            .init("change", nil) { .text($0.change(from: previous, to: current)?.text ?? Figures.missing) },
            .init(nil, "Change") { .decimal(Self.change($0, from: $0.value(in: previous), to: $0.value(in: current))) },
            .init(nil, "Change unit") { .text($0.format == .percent ? "pts" : "%") },
            .init("trend", nil) { .text(sparkline($0)) },
            .init("definition", nil) { .text($0.definition) },
        ]
        for (index, period) in periods.enumerated() {
            columns.append(.init(nil, period.slug) { raw($0, $0.value(in: documents.trend[index])) })
        }
        return ReportTable("Headline figures", rows: Measure.headline, columns: columns)
    }

    /// The change the report shows, as a number: percentage points for a ratio, percent
    /// otherwise; nil when a value is missing or the base is zero (the report's `—`).
    static func change(_ measure: Measure, from before: Double?, to now: Double?) -> Double? {
        guard let before, let now else { return nil }
        if measure.format == .percent { return (now - before) * 100 }
        return before == 0 ? nil : (now - before) / abs(before) * 100
    }
}
