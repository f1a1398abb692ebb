import CCMark

extension CMark {
    /// Put before a cell's text so cmark reads it as a paragraph's inlines, never as a block
    /// (`# x`, `- x`, `1. x`, `> x`, `---` stay text, as in a GitHub table cell).
    ///
    /// A no-break space is Unicode whitespace for emphasis flanking, like the start of a line,
    /// but not indentation, so it changes nothing else; it is removed again after parsing.
    private static let inlineGuard: Unicode.Scalar = "\u{00A0}"

    /// Parses one line of inline Markdown (a table cell, a caption) with cmark and moves the
    /// resulting inline nodes to the end of `parent`'s children.
    static func appendInlines(of text: String, to parent: OpaquePointer) throws {
        let document = try parse(String(Character(inlineGuard)) + text)
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_first_child(document), cmark_node_next(paragraph) == nil,
              cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let first = cmark_node_first_child(paragraph),
              let literal = literal(first), literal.unicodeScalars.first == inlineGuard
        else { throw MarkdownError(.cell(text)) }
        let rest = String(literal.unicodeScalars.dropFirst())
        if rest.isEmpty {
            cmark_node_unlink(first)
            cmark_node_free(first)
        } else if cmark_node_set_literal(first, rest) != 1 {
            throw MarkdownError(.tree("set a text literal"))
        }
        while let child = cmark_node_first_child(paragraph) {
            cmark_node_unlink(child)
            try append(child, to: parent)
        }
    }
}

extension CMark {
    /// The text a reader sees in one line of inline Markdown (`**This** period` -> `This period`):
    /// text and code literals, a space for each line break; no markup.
    static func plainText(of text: String) throws -> String {
        // Read as inlines, as the cell itself is (`1. x` is not a list).
        let document = try parse(String(Character(inlineGuard)) + text)
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { throw MarkdownError(.tree("walk the document")) }
        defer { cmark_iter_free(iterator) }
        var out = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { out += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: break
            }
        }
        return String(out.unicodeScalars.drop { $0 == inlineGuard })
    }

    /// When `parent`'s only child is a node of `type` (e.g. one `**bold**` run), moves that
    /// node's children up into `parent` and frees it; otherwise changes nothing.
    static func unwrapOnlyChild(of parent: OpaquePointer, ifItIs type: cmark_node_type) throws {
        guard let only = cmark_node_first_child(parent), cmark_node_next(only) == nil,
              cmark_node_get_type(only) == type else { return }
        while let child = cmark_node_first_child(only) {
            cmark_node_unlink(child)
            try append(child, to: parent)
        }
        cmark_node_unlink(only)
        cmark_node_free(only)
    }
}
