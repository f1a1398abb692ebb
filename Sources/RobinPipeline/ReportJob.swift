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
    /// Prints report.pdf into the new folder before it replaces the old one
    /// (`report --pdf`, `pdf = true`); nil = no PDF.
    public var printer: PDFPrinter?

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

    /// What the job asks the fetcher for: the previous period, this one and
    /// the last `history` trend periods in both exports, a day more on each
    /// side (a building's local date can be a day off the org's), up to today;
    /// and the desk exports of the 7 days after the period (bookings ahead,
    /// METRICS.md "Busy days ahead"), future days included.
    public var fetchRanges: [FetchRange] {
        let earliest = [period.previous, period.earlier(by: max(history, 1) - 1)].map(\.period.from).min()!
        let last = min(period.period.to.adding(days: 1), today)
        var ranges = [FetchRange(days: forward.period, kinds: [.desks])]
        if let days = Period(from: earliest.adding(days: -1), to: last) { ranges.insert(FetchRange(days: days), at: 0) }
        return ranges
    }

    /// The 7 days after the period, whose desk bookings the report looks ahead to.
    var forward: Analyzer.ForwardWindow {
        Analyzer.ForwardWindow(after: period.period, complete: cache.missingDays(
            kind: .desks, in: Analyzer.ForwardWindow(after: period.period, complete: false).period).isEmpty)
    }

    /// The rule that tells which cached days are still provisional.
    var settleRule: SettleRule { fetcher?.configuration.settleRule ?? SettleRule(settings: settings) }

    /// Runs the pipeline; returns the report folder. `warn` gets the
    /// readers' warnings; `announce` gets one line before a fetch saying how
    /// many exports it asks for and about how long that takes.
    @discardableResult
    public func run(warn: @escaping @Sendable (String) -> Void = { _ in },
                    announce: (String) -> Void = { _ in }) async throws -> String {
        let folderWriter = ReportFolderWriter(outputDirectory: outputDirectory)
        // Before anything else, so a run killed earlier leaves nothing behind once this one is done.
        folderWriter.removeStaleTemporaries()
        if let fetcher {
            let ranges = fetchRanges
            if let line = try fetcher.plan(ranges).announcement { announce(line) }
            _ = try await fetcher.fetch(ranges)
        }
        let missing = ExportKind.allCases.flatMap { kind in
            cache.missingDays(kind: kind, in: period.period).map { "\(kind)/\($0)" }
        }
        guard missing.isEmpty else { throw PipelineError.notCached(period: period.title, days: missing) }

        let trend = (0..<trendLength).reversed().map { period.earlier(by: $0) }
        let forward = self.forward
        let readRange = Period(from: min(trend[0].period.from, period.previous.period.from).adding(days: -1),
                               to: period.period.to.adding(days: 1))!
        let deskRange = Period(from: readRange.from, to: forward.complete ? forward.period.to.adding(days: 1) : readRange.to)!
        let deskFiles = cache.cachedDays(kind: .desks, in: deskRange).map { cache.path(kind: .desks, date: $0) }
        let spaceFiles = cache.cachedDays(kind: .spaces, in: readRange).map { cache.path(kind: .spaces, date: $0) }
        let exports = try await Exports.read(desks: deskFiles, spaces: spaceFiles, warn: warn)
        let trendMetrics = try Analyzer(settings: settings).trendMetrics(
            desks: exports.desks, events: exports.events, period: period.period, trend: trend.map(\.period),
            isAtHand: { candidate in ExportKind.allCases.allSatisfy { cache.missingDays(kind: $0, in: candidate).isEmpty } },
            forward: forward)
        let rule = settleRule
        let provisional = ExportKind.allCases.map { kind in
            (kind, cache.provisionalDays(kind: kind, in: readRange, rule: rule))
        }.filter { !$0.1.isEmpty }

        let buildings = Set(exports.desks.buildings + exports.events.buildings).sorted()
        let input = ReportInput(
            period: period, metrics: trendMetrics.last!!, trend: Array(zip(trend, trendMetrics)).map { ($0.0, $0.1) },
            desksRead: Self.window(exports.desks.stats, cache: cache, kind: .desks, range: deskRange),
            eventsRead: Self.window(exports.events.stats, cache: cache, kind: .spaces, range: readRange),
            timeZones: buildings.map { ($0, settings.timeZone(ofBuilding: $0)) },
            organizationTimeZone: settings.timeZone, settings: settings, provisionalDays: provisional)
        let report = try renderer.render(input)
        var finish: (@Sendable (String) throws -> Void)?
        if let printer {
            finish = { staging in try printer.print(html: staging + "/report.html", to: staging + "/report.pdf") }
        }
        let finishing = finish
        // The writing waits on fsync, and with --pdf on a browser for seconds: on a thread of its
        // own, so it holds none of the few threads every task of this process runs on.
        let folder = try await Blocking.run { try folderWriter.write(report, finish: finishing) }
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
