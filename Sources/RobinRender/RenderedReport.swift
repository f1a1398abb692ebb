/// A rendered report: the files of `Output/<period>/`.
public struct RenderedReport: Sendable {
    /// The folder name, e.g. `2026-W47`.
    public var slug: String
    public var markdown: String
    public var html: String
    public var metricsJSON: String
    /// Chart files under `charts/`: file name -> SVG.
    public var charts: [(fileName: String, svg: String)]
}
