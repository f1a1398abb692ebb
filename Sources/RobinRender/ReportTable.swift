import RobinMarkdown
import RobinModel

/// One table of the report, written twice from the same cells: for a reader
/// (the Mustache rows of report.md: `1,234`, `67.1%`, `—`) and for a spreadsheet
/// (`tables/<name>.csv`: `1234`, `67.12`, an empty cell).
struct ReportTable {
    /// One cell before it is written.
    enum Cell {
        /// A name (building, floor, department, room) or a label, as is.
        case text(String)
        /// A whole count; nil where the report shows `—`.
        case count(Int?)
        /// A mean or a number of hours; nil where undefined.
        case decimal(Double?)
        /// A ratio (0...1); nil where undefined.
        case percent(Double?)
        /// A date; nil where there is none.
        case date(LocalDate?)

        /// As the report shows it.
        var display: String {
            switch self {
            case .text(let text): text
            case .count(let value): value.map(Figures.count) ?? Figures.missing
            case .decimal(let value): Figures.decimal(value)
            case .percent(let value): Figures.percent(value)
            case .date(let value): value?.description ?? Figures.missing
            }
        }

        /// As a CSV cell holds it (see `CSVText`).
        var csv: CSVText.Field {
            switch self {
            case .text(let text): .text(text)
            case .count(let value): .number(value.map(String.init) ?? "")
            case .decimal(let value): .number(CSVText.number(value))
            case .percent(let value): .number(CSVText.number(value.map { $0 * 100 }))
            case .date(let value): .number(value?.description ?? "")
            }
        }
    }

    /// One column: its key in the template's rows, its CSV heading, its heading in
    /// the report (`label`: short, `Ghost` for `Ghost-meeting rate (%)`; the CSV
    /// heading when not given), and its cell in a row. A column without a key is in
    /// the CSV only, one without a heading in the report only.
    struct Column<Row> {
        var key: String?
        var heading: String?
        var label: String?
        /// Left-aligned in the report (names, labels); numbers are right-aligned.
        var left: Bool
        /// A name from the exports, escaped as Markdown text in the report.
        var isName = false
        var cell: (Row) -> Cell

        init(_ key: String?, _ heading: String?, label: String? = nil, left: Bool = false, _ cell: @escaping (Row) -> Cell) {
            self.key = key
            self.heading = heading
            self.label = label ?? heading
            self.left = left
            self.cell = cell
        }

        /// A column of names from the exports (building, floor, department, room): left-aligned, escaped.
        static func name(_ key: String, _ heading: String, _ text: @escaping (Row) -> String) -> Column {
            var column = Column(key, heading, left: true) { .text(text($0)) }
            column.isName = true
            return column
        }
    }

    /// The CSV file's name without `.csv`: the table's short caption, slugged.
    var name: String
    private var keys: [String?]
    private var headings: [String?]
    private var labels: [String?]
    private var left: [Bool]
    private var names: [Bool]
    private var cells: [[Cell]]

    /// A table called `title` (its CSV is `tables/<slug of title>.csv`).
    init<Row>(_ title: String, rows: [Row], columns: [Column<Row>]) {
        name = ReportTable.slug(title)
        keys = columns.map(\.key)
        headings = columns.map(\.heading)
        labels = columns.map(\.label)
        left = columns.map(\.left)
        names = columns.map(\.isName)
        cells = rows.map { row in columns.map { $0.cell(row) } }
    }

    /// The table as report.md shows it: a pipe table of the columns with a key, under
    /// their labels, names from the exports escaped as Markdown text (our own labels
    /// and figures as they are), the first `limit` rows; no final newline. Adding a column to a table here adds it to the report and its CSV.
    func markdown(limit: Int = .max) -> String {
        let columns = keys.indices.filter { keys[$0] != nil }
        let line = { (cells: [String]) in "| " + cells.joined(separator: " | ") + " |" }
        var lines = [line(columns.map { labels[$0] ?? "" }), line(columns.map { left[$0] ? "---" : "---:" })]
        for row in cells.prefix(limit) {
            lines.append(line(columns.map { index in
                names[index] ? MarkdownEscape.inline(row[index].display) : row[index].display
            }))
        }
        return lines.joined(separator: "\n")
    }

    /// The rows for the template: key -> the text the report shows.
    var templateRows: [[String: Any]] {
        cells.map { row in
            var values: [String: Any] = [:]
            for (key, cell) in zip(keys, row) { if let key { values[key] = cell.display } }
            return values
        }
    }

    /// The CSV file: a heading row, then one row per table row.
    var csv: String {
        let columns = headings.indices.filter { headings[$0] != nil }
        return CSVText.document(header: columns.map { headings[$0]! },
                                rows: cells.map { row in columns.map { row[$0].csv } })
    }

    /// `Headline figures` -> `headline-figures`: lower-case ASCII letters and digits, runs of anything else one `-`.
    static func slug(_ title: String) -> String {
        var out = ""
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "table" : out
    }
}
