import RobinModel

/// A failure inside libcmark while turning Markdown into HTML.
///
/// cmark accepts any text as Markdown, so these only happen when cmark itself fails
/// (out of memory, a node operation refused). The renderer throws rather than
/// passing the Markdown through unrendered.
public struct MarkdownError: StageError, Equatable {
    public var exitStatus: ExitStatus { .runtime }

    enum Kind: Equatable {
        /// `cmark_parse_document` returned no document.
        case parse(bytes: Int)
        /// `cmark_node_new` returned no node.
        case newNode(String)
        /// A tree operation (append, replace, set on_enter/on_exit) returned failure.
        case tree(String)
        /// `cmark_render_html` returned no buffer.
        case render
        /// cmark's parse of a table cell did not have the shape it always has.
        case cell(String)
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// One line naming what failed, e.g. `cmark: could not parse 1234 bytes of Markdown`.
    public var description: String {
        switch kind {
        case .parse(let bytes): "cmark: could not parse \(bytes) bytes of Markdown"
        case .newNode(let what): "cmark: could not create a \(what) node"
        case .tree(let what): "cmark: could not \(what)"
        case .render: "cmark: could not render HTML"
        case .cell(let text): "cmark: unexpected parse of table cell \"\(text)\""
        }
    }
}
