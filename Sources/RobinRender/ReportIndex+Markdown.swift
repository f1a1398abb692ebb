import RobinMarkdown
import RobinModel

extension ReportIndex {
    /// The index as GitHub-flavoured Markdown, each row linking to the
    /// report's `reportFile` (`report.md`, or `report.html` for index.html).
    /// It starts with a comment saying it is generated.
    public func markdown(linkingTo reportFile: String = "report.md") -> String {
        "<!-- Written by robin-report from each report's metrics.json; edits here are overwritten. -->\n\n"
            + body(linkingTo: reportFile)
    }

    /// The index without the comment (for the HTML page, where cmark's safe mode would keep a trace of it).
    public func body(linkingTo reportFile: String) -> String {
        var lines = ["# Workplace reports", ""]
        guard !entries.isEmpty else { return (lines + ["No reports yet."]).joined(separator: "\n") + "\n" }
        lines += ["Newest first. Each folder holds the report, its charts and metrics.json; "
                  + "audience reports are listed under their period.", ""]
        let columns = Measure.index
        for section in Section.allCases {
            let reports = entries(in: section)
            guard !reports.isEmpty else { continue }
            lines += [
                "## \(section.title)", "",
                "| Report | Dates | " + columns.map(\.label).joined(separator: " | ") + " |",
                "| --- | --- |" + String(repeating: " ---: |", count: columns.count),
            ]
            for report in reports {
                lines.append(row(report, reportFile: reportFile))
                lines += report.audiences.map { row($0, reportFile: reportFile) }
            }
            lines.append("")
        }
        lines.removeLast()
        return lines.joined(separator: "\n") + "\n"
    }

    /// One table row: the linked name, the dates, the index measures.
    private func row(_ entry: Entry, reportFile: String) -> String {
        let period = entry.period
        var name: String
        if let slug = entry.audience {
            // Its name as its metrics.json gives it (reports before audiences had names: the folder's).
            let audience = entry.document.audience?.name ?? slug
            // Under its period's row, or on its own when the period's report is missing.
            name = entries.contains { $0.audiences.contains { $0.path == entry.path } }
                ? audience : "\(period.title): \(audience)"
        } else {
            name = period.title
            // A folder not named after its period (a copy, a renamed folder) says which it is.
            if entry.path != period.slug { name += " (\(entry.path))" }
        }
        let link = "[\(MarkdownEscape.inline(name))](\(ReportIndex.linkTarget(entry.path + "/" + reportFile)))"
        let cells = [(entry.audience == nil ? "" : "↳ ") + link, period.span]
            + Measure.index.map { $0.text(in: entry.document) }
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// A relative path as a link destination: every byte but unreserved
    /// characters and `/` percent-encoded, so spaces, `|`, brackets and
    /// parentheses in folder names can break neither the link nor the table row.
    static func linkTarget(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
