import Foundation
import RobinAnalytics
import RobinExports
import RobinFetch
import RobinModel
import RobinRender

/// The whole pipeline for one report: fetch what the cache lacks (the
/// period, the previous one and `history` trend periods), read the exports,
/// analyze the period (and the previous one, and the trend), render, and
/// write `<output>/<period>/` plus the archive index.
public struct ReportJob: Sendable {
    public var period: ReportPeriod
    public var settings: Settings
    public var cache: ExportCache
    /// Fetches missing days; nil = offline (the cache must hold the period).
    public var fetcher: Fetcher?
    public var renderer: ReportRenderer
    public var outputDirectory: String
    /// Today in the org's time zone: days after it are not fetched.
    public var today: LocalDate
    /// Periods a trend shows by default, this one included (PRODUCT.md: 8).
    public static let trendPeriods = 8
    /// Periods shown in the trends, this one included.
    public var trendLength = ReportJob.trendPeriods
    /// Trend periods, this one included, fetched when the cache lacks them
    /// (`report --history`); 0 fetches only this period and the previous one.
    public var history = ReportJob.trendPeriods

    public init(period: ReportPeriod, settings: Settings, cache: ExportCache, fetcher: Fetcher?,
                renderer: ReportRenderer, outputDirectory: String, today: LocalDate) {
        self.period = period
        self.settings = settings
        self.cache = cache
        self.fetcher = fetcher
        self.renderer = renderer
        self.outputDirectory = outputDirectory
        self.today = today
    }

    /// The days fetched before reading: the previous period, this one and
    /// the last `history` trend periods, a day more on each side (a
    /// building's local date can be a day off the org's), up to today.
    public var fetchPlan: FetchPlan {
        let earliest = [period.previous, period.earlier(by: max(history, 1) - 1)].map(\.period.from).min()!
        let last = min(period.period.to.adding(days: 1), today)
        return FetchPlan(days: Period(from: earliest.adding(days: -1), to: last), cache: cache, today: today)
    }

    /// Runs the pipeline; returns the report folder. `warn` gets the
    /// readers' warnings; `announce` gets one line before a fetch saying how
    /// many exports it asks for and about how long that takes.
    @discardableResult
    public func run(warn: @escaping @Sendable (String) -> Void = { _ in },
                    announce: (String) -> Void = { _ in }) async throws -> String {
        let folderWriter = ReportFolderWriter(outputDirectory: outputDirectory)
        // Before anything else, so a run killed earlier leaves nothing behind once this one is done.
        folderWriter.removeStaleTemporaries()
        let previous = period.previous
        if let fetcher {
            let plan = fetchPlan
            if let days = plan.days {
                if let line = plan.announcement(postLimit: fetcher.configuration.postLimit,
                                                postWindow: fetcher.configuration.postWindow) { announce(line) }
                _ = try await fetcher.fetch(days: days)
            }
        }
        let missing = ExportKind.allCases.flatMap { kind in
            cache.missingDays(kind: kind, in: period.period).map { "\(kind)/\($0)" }
        }
        guard missing.isEmpty else { throw PipelineError.notCached(period: period.title, days: missing) }

        let trend = (0..<trendLength).reversed().map { period.earlier(by: $0) }
        let readRange = Period(from: min(trend[0].period.from, previous.period.from).adding(days: -1),
                               to: period.period.to.adding(days: 1))!
        let files = ExportKind.allCases.map { kind in
            cache.cachedDays(kind: kind, in: readRange).map { cache.path(kind: kind, date: $0) }
        }
        let exports = try await Exports.read(desks: files[0], spaces: files[1], warn: warn)
        let analyzer = Analyzer(settings: settings)
        func analyze(_ candidate: ReportPeriod) throws -> Metrics? {
            guard ExportKind.allCases.allSatisfy({ cache.missingDays(kind: $0, in: candidate.period).isEmpty }) else { return nil }
            return try analyzer.metrics(desks: exports.desks, events: exports.events, period: candidate.period)
        }
        var metrics = try analyzer.metrics(desks: exports.desks, events: exports.events, period: period.period)
        metrics.previous = try analyze(previous).map(Metrics.Previous.init)
        let trendMetrics = try trend.map { candidate in candidate == period ? metrics : try analyze(candidate) }

        let buildings = Set(exports.desks.buildings + exports.events.buildings).sorted()
        let input = ReportInput(
            period: period, metrics: metrics, trend: Array(zip(trend, trendMetrics)).map { ($0.0, $0.1) },
            desksRead: Self.window(exports.desks.stats, cache: cache, kind: .desks, range: readRange),
            eventsRead: Self.window(exports.events.stats, cache: cache, kind: .spaces, range: readRange),
            timeZones: buildings.map { ($0, settings.timeZone(ofBuilding: $0)) },
            organizationTimeZone: settings.timeZone, settings: settings)
        let report = try renderer.render(input)
        let folder = try folderWriter.write(report)
        try ReportWriter(outputDirectory: outputDirectory).writeIndex(warn: warn)
        return folder
    }

    static func window(_ stats: ReadStats, cache: ExportCache, kind: ExportKind, range: Period) -> DataWindow {
        let days = cache.cachedDays(kind: kind, in: range)
        return DataWindow(files: stats.files.count, rows: stats.rowsRead, duplicates: stats.duplicates,
                          first: days.first, last: days.last)
    }
}

/// A pipeline problem that is not a stage's own.
public enum PipelineError: StageError, Sendable {
    public var exitStatus: ExitStatus { .runtime }

    case notCached(period: String, days: [String])

    public var description: String {
        switch self {
        case .notCached(let period, let days):
            let shown = days.prefix(6).joined(separator: ", ") + (days.count > 6 ? " and \(days.count - 6) more" : "")
            return "the cache lacks exports for \(period): \(shown) (run without --offline, or `robin-report fetch` them)"
        }
    }
}
