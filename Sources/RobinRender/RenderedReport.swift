/// A rendered report: the files of `Output/<period>/`.
public struct RenderedReport: Sendable {
    /// The folder name: the period's (`2026-W47`), or an audience's slug (`london-site`).
    public var slug: String
    public var markdown: String
    public var html: String
    public var metricsJSON: String
    /// Chart files under `charts/`: file name -> SVG.
    public var charts: [(fileName: String, svg: String)]
    /// One CSV per table of the report under `tables/` (UTF-8 with a BOM, CRLF): file name -> CSV.
    public var tables: [(fileName: String, csv: String)] = []

    /// Every file of the report folder: its path under the folder (`report.md`,
    /// `charts/daily-attendance.svg`, `tables/buildings.csv`) and its contents, in a
    /// fixed order (the tables and charts first, report.html last, so a reader of a
    /// half-written folder never finds a page whose charts are missing).
    public var files: [(path: String, contents: String)] {
        tables.map { ("tables/" + $0.fileName, $0.csv) } + charts.map { ("charts/" + $0.fileName, $0.svg) }
            + [("metrics.json", metricsJSON), ("report.md", markdown), ("report.html", html)]
    }
}
