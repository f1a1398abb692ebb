/// The index of a folder of published reports (`<repo>/<folder>/index.md`):
/// one row per report, newest period first, with its headline figures. It is
/// rebuilt from the folders' metrics.json every time, so it cannot drift.
public struct ReportIndex: Sendable {
    /// One published report: its folder name (relative link) and its metrics.
    public struct Entry: Sendable {
        /// The report's folder name, relative to the index (`2026-W47`).
        public var folder: String
        /// Its metrics.json, read.
        public var metrics: ReportMetrics

        public init(folder: String, metrics: ReportMetrics) {
            self.folder = folder
            self.metrics = metrics
        }
    }

    /// The reports, newest first.
    public var entries: [Entry]

    /// `entries` in any order; they are sorted newest first (by first date,
    /// then last date, then folder).
    public init(entries: [Entry]) {
        self.entries = entries.sorted {
            ($0.metrics.period.from, $0.metrics.period.to, $0.folder) > ($1.metrics.period.from, $1.metrics.period.to, $1.folder)
        }
    }

    /// GitHub-flavoured Markdown.
    public var markdown: String {
        var lines = [
            "<!-- Written by robin-report publish from each folder's metrics.json; edits here are overwritten. -->",
            "",
            "# Workplace reports",
            "",
            "Newest first. Each folder holds the report (report.md), its charts and metrics.json.",
            "",
            "| Period | Dates | People in office | Avg daily attendance | Desk utilization | Room utilization |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for entry in entries {
            let metrics = entry.metrics, current = metrics.current
            let name = metrics.name
            lines.append("| [\(name.label)](\(entry.folder)/report.md) | \(metrics.period.from) to \(metrics.period.to) | "
                         + "\(current.people) | \(FigureFormat.decimal(current.avgDailyPeople)) | "
                         + "\(FigureFormat.percent(current.deskUtilization)) | \(FigureFormat.percent(current.roomUtilization)) |")
        }
        if entries.isEmpty { lines.append("| (none yet) | | | | | |") }
        return lines.joined(separator: "\n") + "\n"
    }
}
