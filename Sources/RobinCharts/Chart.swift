/// One chart: an SVG document plus what the Markdown and HTML need to reference it accessibly.
///
/// `title` and `summary` are plain text (the caller escapes them for its own
/// format); `svg` is complete and already escaped.
public struct Chart: Sendable, Equatable {
    /// The file name under `charts/`, stable per chart, e.g. "daily-attendance.svg".
    public var fileName: String
    /// A short title: the alt text and the SVG's `<title>`.
    public var title: String
    /// One sentence with the key numbers: the text alternative and the SVG's `<desc>`.
    public var summary: String
    /// A complete standalone SVG document (UTF-8, no XML declaration, ends with a newline).
    public var svg: String

    /// A chart from its parts; `svg` must already be a complete, escaped document.
    public init(fileName: String, title: String, summary: String, svg: String) {
        self.fileName = fileName
        self.title = title
        self.summary = summary
        self.svg = svg
    }
}
