import CCMark

/// Builds the cmark nodes of one pipe table.
///
/// Rows and row groups are `CMARK_NODE_CUSTOM_BLOCK`s; cells and the caption are
/// `CMARK_NODE_CUSTOM_INLINE`s holding the inline nodes cmark parsed from the cell text.
/// Inline cells because cmark's HTML renderer puts a newline around every block, which
/// would land inside `<td>` and in the cell's text content.
enum TableNodes {
    /// The table's root node; the caller owns it (frees it, or hands it to a tree).
    static func make(_ table: PipeTable) throws -> OpaquePointer {
        // The wrapper scrolls a wide table sideways on a narrow screen (see HTMLPage's stylesheet).
        let root = try CMark.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<div class=\"table-wrap\"><table>", exit: "</table></div>")
        do {
            if let caption = table.caption {
                let node = try CMark.appendCustom(CMARK_NODE_CUSTOM_INLINE, to: root, enter: "<caption>", exit: "</caption>")
                try CMark.appendInlines(of: caption, to: node)
            }
            let head = try CMark.appendCustom(CMARK_NODE_CUSTOM_BLOCK, to: root, enter: "<thead>", exit: "</thead>")
            let headerRow = try CMark.appendCustom(CMARK_NODE_CUSTOM_BLOCK, to: head, enter: "<tr>", exit: "</tr>")
            for (text, alignment) in zip(table.header, table.alignments) {
                try appendCell(text, to: headerRow, tag: "th", attributes: " scope=\"col\"" + alignment.attribute)
            }
            guard !table.rows.isEmpty else { return root }
            let body = try CMark.appendCustom(CMARK_NODE_CUSTOM_BLOCK, to: root, enter: "<tbody>", exit: "</tbody>")
            for row in table.rows {
                let rowNode = try CMark.appendCustom(CMARK_NODE_CUSTOM_BLOCK, to: body, enter: "<tr>", exit: "</tr>")
                for (column, (text, alignment)) in zip(row, table.alignments).enumerated() {
                    if column == 0 && table.hasRowHeaders {
                        try appendCell(text, to: rowNode, tag: "th", attributes: " scope=\"row\"" + alignment.attribute)
                    } else {
                        try appendCell(text, to: rowNode, tag: "td", attributes: alignment.attribute)
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
