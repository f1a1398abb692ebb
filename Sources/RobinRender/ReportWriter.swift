import Foundation
import RobinMarkdown
import RobinModel

/// Writes the archive index of the output folder (`Output/` by default):
/// `<output>/index.md` and `index.html` (`ReportIndex`), each atomically. The
/// report folders themselves are written by `ReportFolderWriter`.
public struct ReportWriter: Sendable {
    public let outputDirectory: String

    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    /// Rewrites `index.md` and `index.html` from every report folder's
    /// metrics.json (`ReportIndex`). A folder whose metrics.json cannot be read
    /// is left out, and `warn` names the file and what is wrong with it.
    public func writeIndex(warn: @escaping @Sendable (String) -> Void) throws {
        let index = try ReportIndex.scan(outputDirectory, badFiles: .skip(warn: warn))
        try AtomicFile.write(index.markdown(), to: (outputDirectory as NSString).appendingPathComponent("index.md"))
        let html = HTMLPage.document(title: "Workplace reports",
                                     bodyHTML: try MarkdownHTML.render(index.body(linkingTo: "report.html")))
        try AtomicFile.write(html, to: (outputDirectory as NSString).appendingPathComponent("index.html"))
    }
}
