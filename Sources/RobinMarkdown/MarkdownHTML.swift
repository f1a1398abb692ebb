import CCMark

/// Markdown to HTML through libcmark 0.30, with GitHub pipe tables.
public enum MarkdownHTML {
    /// Renders Markdown to an HTML fragment with libcmark 0.30 in its default safe mode.
    ///
    /// `CMARK_OPT_DEFAULT`: raw HTML is omitted (`<!-- raw HTML omitted -->`) and unsafe link
    /// URLs (`javascript:`, `vbscript:`, `file:`, `data:` but images) are dropped, wherever they are.
    ///
    /// GitHub pipe tables (a header row, a delimiter row with optional `:--:` alignment, body
    /// rows; every line starting with `|`, outside fenced code) become `<table>`s built from
    /// cmark nodes: the cell texts are parsed by cmark itself, so they get its escaping, safe
    /// mode and inline formatting. `\|` in a cell is a literal pipe. Header cells are
    /// `<th scope="col">`; the first cell of a body row is `<th scope="row">` unless the first
    /// column is right-aligned (numbers). Alignment is an inline `text-align` style. Each table
    /// sits in `<div class="table-wrap">`, which scrolls sideways on narrow screens.
    ///
    /// Captions: a one-line paragraph right before a table (directly, or after one blank
    /// line) becomes its `<caption>` when it is all bold (`**Desks by building**`, a bold
    /// line above the table on GitHub) or starts with `Table: ` (Pandoc's convention);
    /// one-line means a blank line, a heading or the start of the document comes before it.
    ///
    /// Layout: `<!-- table-layout: cards -->` on the line right before a table's header row
    /// puts the table in `<div class="table-wrap cards">`, whose rows the stylesheet stacks
    /// as cards on a phone; its body cells carry `data-label` (the column's name).
    ///
    /// `cellHTML` may replace a body cell's content (not a row header's) with HTML, such as
    /// an inline SVG sparkline for the text one. That HTML is written as given: it must be
    /// the caller's own markup with every data value escaped. nil keeps the cell's Markdown.
    ///
    /// Differences from GitHub: a table ends at the first line not starting with `|`; link
    /// reference definitions do not reach into table cells; no other GFM extensions.
    ///
    /// - Throws: `MarkdownError` when cmark fails; Markdown is never passed through unrendered.
    public static func render(_ markdown: String, cellHTML: (TableCell) -> String? = { _ in nil }) throws -> String {
        let marker = placeholderMarker(avoiding: markdown)
        let scan = TableScanner.scan(markdown) { "\(marker)\($0)\(marker)" }
        let document = try CMark.parse(scan.source)
        defer { cmark_node_free(document) }
        for (paragraph, index) in try placeholders(in: document, marker: marker) where index < scan.tables.count {
            let table = try TableNodes.make(scan.tables[index], cellHTML: cellHTML)
            guard cmark_node_replace(paragraph, table) == 1 else {
                cmark_node_free(table)
                throw MarkdownError(.tree("put a table in place"))
            }
            cmark_node_free(paragraph)
        }
        return try CMark.renderHTML(document)
    }

    /// Text that `markdown` does not contain, to frame the table placeholders with.
    private static func placeholderMarker(avoiding markdown: String) -> String {
        var marker = "\u{E000}robin-table\u{E000}"
        while markdown.contains(marker) { marker += "\u{E000}" }
        return marker
    }

    /// The placeholder paragraphs in the tree, with the index of the table each stands for.
    private static func placeholders(in document: OpaquePointer, marker: String) throws -> [(OpaquePointer, Int)] {
        guard let iterator = cmark_iter_new(document) else { throw MarkdownError(.tree("walk the document")) }
        defer { cmark_iter_free(iterator) }
        var found: [(OpaquePointer, Int)] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
                  let text = cmark_node_first_child(node), cmark_node_next(text) == nil,
                  let literal = CMark.literal(text), literal.hasPrefix(marker), literal.hasSuffix(marker),
                  literal.count > 2 * marker.count,
                  let index = Int(literal.dropFirst(marker.count).dropLast(marker.count))
            else { continue }
            found.append((node, index))
        }
        return found
    }
}
