import Foundation
import RobinMarkdown
import RobinModel

/// Writes reports under the output folder (`Output/` by default):
/// `<output>/<period>/report.md, report.html, metrics.json, charts/*.svg, tables/*.csv`, and the
/// archive `<output>/index.md` and `index.html` (`ReportIndex`). Every file is
/// written atomically (temporary file + rename).
public struct ReportWriter: Sendable {
    public let outputDirectory: String

    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    /// Writes one report; returns its folder.
    public func write(_ report: RenderedReport) throws(AtomicFile.Failure) -> String {
        let folder = (outputDirectory as NSString).appendingPathComponent(report.slug)
        for file in report.files {
            try AtomicFile.write(file.contents, to: (folder as NSString).appendingPathComponent(file.path))
        }
        return folder
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
