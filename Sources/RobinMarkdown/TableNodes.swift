import CCMark
import RobinModel

/// Builds the cmark nodes of one pipe table.
///
/// Rows and row groups are `CMARK_NODE_CUSTOM_BLOCK`s; cells and the caption are
/// `CMARK_NODE_CUSTOM_INLINE`s holding the inline nodes cmark parsed from the cell text.
/// Inline cells because cmark's HTML renderer puts a newline around every block, which
/// would land inside `<td>` and in the cell's text content.
enum TableNodes {
    /// The table's root node; the caller owns it (frees it, or hands it to a tree).
    ///
    /// `cellHTML` may give trusted HTML for a body cell (see `MarkdownHTML.render`).
    static func make(_ table: PipeTable, cellHTML: (TableCell) -> String? = { _ in nil }) throws -> OpaquePointer {
        // The wrapper scrolls a wide table sideways on a narrow screen, or lets a cards
        // table stack its rows (see HTMLPage's stylesheet).
        let cards = table.layout == .cards
        // Explicit roles keep a cards table a table for screen readers once CSS makes its
        // parts blocks (Safari drops the table semantics of `display: block` otherwise).
        let role = { (name: String) in cards ? " role=\"\(name)\"" : "" }
        let root = try CMark.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<div class=\"table-wrap\(cards ? " cards" : "")\"><table\(role("table"))>",
                                    exit: "</table></div>")
        do {
            if let caption = table.caption {
                let node = try CMark.appendCustom(CMARK_NODE_CUSTOM_INLINE, to: root, enter: "<caption>", exit: "</caption>")
                try CMark.appendInlines(of: caption, to: node)
                // A caption written as one bold run (GitHub's caption-like line) is bold by
                // the stylesheet already.
                try CMark.unwrapOnlyChild(of: node, ifItIs: CMARK_NODE_STRONG)
            }
            let head = try CMark.appendCustom(CMARK_NODE_CUSTOM_BLOCK, to: root, enter: "<thead\(role("rowgroup"))>", exit: "</thead>")
            let headerRow = try CMark.appendCustom(CMARK_NODE_CUSTOM_BLOCK, to: head, enter: "<tr\(role("row"))>", exit: "</tr>")
            for (text, alignment) in zip(table.header, table.alignments) {
                try appendCell(text, to: headerRow, tag: "th", attributes: " scope=\"col\"" + role("columnheader") + alignment.attribute)
            }
            guard !table.rows.isEmpty else { return root }
            // A card shows each value after its column's name.
            let labels = try cards
                ? table.header.map { " data-label=\"\(HTMLEscaping.escape(try CMark.plainText(of: $0)))\"" }
                : Array(repeating: "", count: table.header.count)
            let body = try CMark.appendCustom(CMARK_NODE_CUSTOM_BLOCK, to: root, enter: "<tbody\(role("rowgroup"))>", exit: "</tbody>")
            for row in table.rows {
                let rowNode = try CMark.appendCustom(CMARK_NODE_CUSTOM_BLOCK, to: body, enter: "<tr\(role("row"))>", exit: "</tr>")
                for (column, (text, alignment)) in zip(row, table.alignments).enumerated() {
                    let isRowHeader = column == 0 && table.hasRowHeaders
                    let tag = isRowHeader ? "th" : "td"
                    let attributes = isRowHeader ? " scope=\"row\"" + role("rowheader") + alignment.attribute
                        : labels[column] + role("cell") + alignment.attribute
                    if !isRowHeader,
                       let html = cellHTML(TableCell(text: text, rowHeader: row.first ?? "", columnHeader: table.header[column])) {
                        try CMark.appendCustom(CMARK_NODE_CUSTOM_INLINE, to: rowNode, enter: "<\(tag)\(attributes)>\(html)",
                                               exit: "</\(tag)>\n")
                    } else {
                        try appendCell(text, to: rowNode, tag: tag, attributes: attributes)
                    }
                }
            }
        } catch {
            cmark_node_free(root)
            throw error
        }
        return root
    }

    /// One cell, on a line of its own in the HTML.
    private static func appendCell(_ text: String, to row: OpaquePointer, tag: String, attributes: String) throws {
        let cell = try CMark.appendCustom(CMARK_NODE_CUSTOM_INLINE, to: row, enter: "<\(tag)\(attributes)>", exit: "</\(tag)>\n")
        try CMark.appendInlines(of: text, to: cell)
    }
}

/// A body cell of a pipe table, as `MarkdownHTML.render`'s `cellHTML` sees it: Markdown
/// texts as written in the source (a `\|` already read as `|`).
public struct TableCell: Sendable, Equatable {
    /// The cell's text.
    public var text: String
    /// The first cell of its row (the row's name, e.g. the measure).
    public var rowHeader: String
    /// Its column's header cell.
    public var columnHeader: String

    public init(text: String, rowHeader: String, columnHeader: String) {
        self.text = text
        self.rowHeader = rowHeader
        self.columnHeader = columnHeader
    }
}
