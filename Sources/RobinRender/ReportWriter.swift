import Foundation
import RobinMarkdown
import RobinModel

/// Writes reports under the output folder (`Output/` by default):
/// `<output>/<period>/report.md, report.html, metrics.json, charts/*.svg`, and the
/// archive `<output>/index.md` and `index.html`, newest first. Every file is
/// written atomically (temporary file + rename).
public struct ReportWriter: Sendable {
    public let outputDirectory: String

    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    /// Rewrites `index.md` and `index.html` from every report folder's metrics.json.
    public func writeIndex() throws {
        let entries = ReportIndex.entries(in: outputDirectory)
        let markdown = ReportIndex.markdown(entries)
        try AtomicFile.write(markdown, to: (outputDirectory as NSString).appendingPathComponent("index.md"))
        let html = HTMLPage.document(title: "Workplace reports", bodyHTML: try MarkdownHTML.render(
            ReportIndex.markdown(entries, linkSuffix: "report.html")))
        try AtomicFile.write(html, to: (outputDirectory as NSString).appendingPathComponent("index.html"))
    }
}

/// The archive index: one row per report folder.
enum ReportIndex {
    struct Entry {
        var slug: String
        var period: ReportPeriod
        var people: Int?
        var avgDaily: Double?
        var deskUtilization: Double?
        var roomUtilization: Double?
    }

    /// Every `<folder>/metrics.json` under `directory`, newest period first.
    static func entries(in directory: String) -> [Entry] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var entries: [Entry] = []
        for folder in folders {
            let path = (directory as NSString).appendingPathComponent(folder + "/metrics.json")
            guard let data = FileManager.default.contents(atPath: path),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let period = json["period"] as? [String: Any],
                  let from = (period["from"] as? String).flatMap(LocalDate.init),
                  let to = (period["to"] as? String).flatMap(LocalDate.init),
                  let range = Period(from: from, to: to)
            else { continue }
            let desks = (json["desks"] as? [String: Any])?["total"] as? [String: Any]
            let rooms = (json["rooms"] as? [String: Any])?["total"] as? [String: Any]
            entries.append(Entry(
                slug: folder, period: ReportPeriod.range(range),
                people: desks?["people"] as? Int, avgDaily: desks?["avg_daily_people"] as? Double,
                deskUtilization: desks?["desk_utilization"] as? Double, roomUtilization: rooms?["utilization"] as? Double))
        }
        return entries.sorted {
            $0.period.period.from != $1.period.period.from
                ? $0.period.period.from > $1.period.period.from : $0.slug < $1.slug
        }
    }

    static func markdown(_ entries: [Entry], linkSuffix: String = "report.md") -> String {
        var lines = ["# Workplace reports", "", "Newest first.", ""]
        if entries.isEmpty {
            lines.append("No reports yet.")
        } else {
            lines += [
                "Table: Every report with its headline figures", "",
                "| Report | Dates | People | Avg daily | Desk use | Room use |",
                "| --- | --- | ---: | ---: | ---: | ---: |",
            ]
            for entry in entries {
                let link = "[\(MarkdownEscape.inline(entry.period.title))](\(entry.slug)/\(linkSuffix))"
                lines.append("| \(link) | \(entry.period.span) | \(entry.people.map(Figures.count) ?? "—") | "
                    + "\(Figures.decimal(entry.avgDaily)) | \(Figures.percent(entry.deskUtilization)) | "
                    + "\(Figures.percent(entry.roomUtilization)) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
