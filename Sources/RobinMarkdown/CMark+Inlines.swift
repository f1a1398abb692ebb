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
