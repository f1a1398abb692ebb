import CCMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few libcmark calls the renderer needs, each checked: a NULL or a 0 from cmark throws.
///
/// Nodes are `OpaquePointer`s owned by cmark: a node in a tree is freed with its root
/// (`cmark_node_free`), so every function here either hands a new node to a parent
/// before returning it, or frees it before throwing.
enum CMark {
    /// Options for parsing and rendering: `CMARK_OPT_DEFAULT`, i.e. safe mode in 0.30
    /// (raw HTML omitted, `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs dropped).
    static let options = CMARK_OPT_DEFAULT

    /// Parses a whole document; the caller frees the result with `cmark_node_free`.
    static func parse(_ markdown: String) throws -> OpaquePointer {
        var text = markdown
        let document = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // An empty String may have no storage; cmark still wants a pointer.
                guard let base = chars.baseAddress else { return "".withCString { cmark_parse_document($0, 0, options) } }
                return cmark_parse_document(base, chars.count, options)
            }
        }
        guard let document else { throw MarkdownError(.parse(bytes: markdown.utf8.count)) }
        return document
    }

    /// The HTML of a tree, rendered with `options`.
    static func renderHTML(_ root: OpaquePointer) throws -> String {
        guard let html = cmark_render_html(root, options) else { throw MarkdownError(.render) }
        defer { free(html) }
        return String(cString: html)
    }

    /// A new custom node (`CMARK_NODE_CUSTOM_BLOCK` or `_INLINE`) emitting `enter` and `exit` around its children.
    ///
    /// cmark's HTML renderer writes these strings raw, safe mode or not: they must be our own
    /// fixed markup, never data.
    static func custom(_ type: cmark_node_type, enter: String, exit: String) throws -> OpaquePointer {
        guard let node = cmark_node_new(type) else { throw MarkdownError(.newNode(enter)) }
        guard cmark_node_set_on_enter(node, enter) == 1, cmark_node_set_on_exit(node, exit) == 1 else {
            cmark_node_free(node)
            throw MarkdownError(.tree("set the markup of \(enter)"))
        }
        return node
    }

    /// A new custom node appended to `parent` (which then owns it).
    @discardableResult
    static func appendCustom(_ type: cmark_node_type, to parent: OpaquePointer, enter: String, exit: String) throws
        -> OpaquePointer
    {
        let node = try custom(type, enter: enter, exit: exit)
        try append(node, to: parent)
        return node
    }

    /// Appends `child` to `parent`; on failure frees `child` and throws.
    static func append(_ child: OpaquePointer, to parent: OpaquePointer) throws {
        guard cmark_node_append_child(parent, child) == 1 else {
            cmark_node_free(child)
            throw MarkdownError(.tree("append a child node"))
        }
    }

    /// The literal of a text node, or nil.
    static func literal(_ node: OpaquePointer) -> String? {
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { return nil }
        return String(cString: literal)
    }
}
