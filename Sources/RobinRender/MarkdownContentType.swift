import Mustache
import RobinMarkdown

/// `{{% CONTENT_TYPE: MARKDOWN}}`: `{{value}}` in a template is escaped so a
/// name from the exports renders as literal text in Markdown and in the HTML made
/// from it (never a link, emphasis, HTML or a broken table row).
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        MarkdownEscape.inline(text)
    }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    /// Registers the content type with swift-mustache (a process-wide table) once.
    static func registerOnce() { _ = registration }
}
