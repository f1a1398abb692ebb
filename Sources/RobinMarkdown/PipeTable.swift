/// A GitHub pipe table found in the Markdown source; its texts are still inline Markdown.
struct PipeTable: Equatable, Sendable {
    /// How the table is laid out on a narrow screen.
    enum Layout: Equatable, Sendable {
        /// The table keeps its columns and scrolls sideways in its wrapper.
        case scroll
        /// Under 480 px each row becomes a card of "column: value" lines
        /// (`<!-- table-layout: cards -->` right before the table).
        case cards
    }

    /// The caption (a `**bold**` line or a `Table: ` line before the table, without the
    /// `Table: ` prefix), if any.
    var caption: String?
    /// The header row's cells.
    var header: [String]
    /// One alignment per column (as many as `header`).
    var alignments: [ColumnAlignment]
    /// The body rows, each cut or padded with empty cells to the header's column count (as GitHub does).
    var rows: [[String]]
    var layout: Layout = .scroll

    /// Whether the first cell of each body row is a row header (`<th scope="row">`).
    ///
    /// The report's tables name their rows in the first column (building, floor, KPI,
    /// weekday); a right-aligned first column (`--:`) holds numbers, so it stays data.
    var hasRowHeaders: Bool { alignments.first != .right }
}
