import Foundation
import RobinAnalytics
import RobinExports
import RobinFetch
import RobinModel
import RobinRender

/// The whole pipeline for one period: fetch what the cache lacks (the
/// period, the previous one and `history` trend periods), read the exports,
/// analyze the period (and the previous one, and the trend) for the
/// organisation and for each audience, render, and write `<output>/<period>/`
/// (audiences under `audiences/<slug>/`) plus the archive index.
///
/// Reading, analysis, rendering and writing are `stages`, passed in with
/// production defaults (`ReportStages.production`); the job decides which
/// days to read, which periods to analyse, on whose rows, and what to hand on.
public struct ReportJob: Sendable {
    /// The period reported.
    public var period: ReportPeriod
    /// The organisation's settings, its audiences included.
    public var settings: Settings
    /// Where the daily exports are (and go, when fetched).
    public var cache: ExportCache
    /// Fetches missing days; nil = offline (the cache must hold the period).
    public var fetcher: Fetcher?
    /// Today in the org's time zone: days after it are not fetched.
    public var today: LocalDate
    /// Read, analyze, render, write.
    public var stages: ReportStages
    /// Periods a trend shows by default, this one included (PRODUCT.md: 8).
    public static let trendPeriods = 8
    /// Periods shown in the trends, this one included.
    public var trendLength = ReportJob.trendPeriods
    /// Trend periods, this one included, fetched when the cache lacks them
    /// (`report --history`); 0 fetches only this period and the previous one.
    public var history = ReportJob.trendPeriods
    /// Only this audience's report (`report --audience`: its name, or its
    /// slug); nil = the organisation's report and every audience's.
    public var onlyAudience: String?
    /// Keep each export file's day facts in the derived cache (`FactsStore`,
    /// `<cache>/facts`) and read only the files whose facts are missing or
    /// stale; false = build every file's facts in memory and store nothing
    /// (the figures are the same).
    public var derivedCache = true

    public init(period: ReportPeriod, settings: Settings, cache: ExportCache, fetcher: Fetcher?, today: LocalDate,
                stages: ReportStages) {
        self.period = period
        self.settings = settings
        self.cache = cache
        self.fetcher = fetcher
        self.today = today
        self.stages = stages
    }

    /// What the job asks the fetcher for: the previous period, this one and
    /// the last `history` trend periods in both exports, a day more on each
    /// side (a building's local date can be a day off the org's), up to today;
    /// and the desk exports of the 7 days after the period (bookings ahead,
    /// METRICS.md "Busy days ahead") and a day more, as `readRanges` reads
    /// them, future days included.
    public var fetchRanges: [FetchRange] {
        let earliest = [period.previous, period.earlier(by: max(history, 1) - 1)].map(\.period.from).min()!
        let last = min(period.period.to.adding(days: 1), today)
        let ahead = Period(from: forward.period.from, to: forward.period.to.adding(days: 1))!
        var ranges = [FetchRange(days: ahead, kinds: [.desks])]
        if let days = Period(from: earliest.adding(days: -1), to: last) { ranges.insert(FetchRange(days: days), at: 0) }
        return ranges
    }

    /// The trend periods, oldest first, ending with this one.
    public var trend: [ReportPeriod] { (0..<trendLength).reversed().map { period.earlier(by: $0) } }

    /// The days whose exports a report reads: the trend and the previous
    /// period, a day more on each side (a building's local date can be a day
    /// off the org's); for desks also the 7 days after, when all are cached.
    public var readRanges: (desks: Period, spaces: Period) {
        let spaces = Period(from: min(trend[0].period.from, period.previous.period.from).adding(days: -1),
                            to: period.period.to.adding(days: 1))!
        let desks = forward.complete ? Period(from: spaces.from, to: forward.period.to.adding(days: 1))! : spaces
        return (desks, spaces)
    }

    /// The cached files of `readRanges`, by kind.
    public var files: ExportFiles {
        let ranges = readRanges
        func days(_ kind: ExportKind, _ range: Period) -> [ExportFiles.Day] {
            cache.cachedDays(kind: kind, in: range).map { ExportFiles.Day(date: $0, path: cache.path(kind: kind, date: $0)) }
        }
        return ExportFiles(desks: days(.desks, ranges.desks), spaces: days(.spaces, ranges.spaces))
    }

    /// The 7 days after the period, whose desk bookings the report looks ahead to.
    var forward: Analyzer.ForwardWindow {
        Analyzer.ForwardWindow(after: period.period, complete: cache.missingDays(
            kind: .desks, in: Analyzer.ForwardWindow(after: period.period, complete: false).period).isEmpty)
    }

    /// The rule that tells which cached days are still provisional.
    var settleRule: SettleRule { fetcher?.configuration.settleRule ?? SettleRule(settings: settings) }

    /// The audiences this run writes: all of them, or the one `onlyAudience` names.
    public func audiences() throws(PipelineError) -> [Audience] {
        guard let name = onlyAudience else { return settings.audiences }
        guard let audience = settings.audiences.first(where: { $0.name == name })
                ?? settings.audiences.first(where: { $0.slug == name || $0.name.lowercased() == name.lowercased() })
        else { throw .unknownAudience(name: name, known: settings.audiences.map(\.name)) }
        return [audience]
    }

    /// Runs the pipeline; returns the folders written (the organisation's
    /// first). `warn` gets the readers' warnings; `announce` gets one line
    /// before a fetch saying how many exports it asks for and about how long
    /// that takes. Every report is rendered before any is written: an
    /// audience that cannot be made stops the run with nothing replaced.
    @discardableResult
    public func run(warn: @escaping @Sendable (String) -> Void = { _ in },
                    announce: (String) -> Void = { _ in }) async throws -> [WrittenReport] {
        // Before anything else, so a run killed earlier leaves nothing behind once this one is done.
        stages.writer.prepare()
        let audiences = try self.audiences()
        if let fetcher {
            let ranges = fetchRanges
            if let line = try fetcher.plan(ranges).announcement { announce(line) }
            _ = try await fetcher.fetch(ranges)
        }
        let missing = ExportKind.allCases.flatMap { kind in
            cache.missingDays(kind: kind, in: period.period).map { "\(kind)/\($0)" }
        }
        guard missing.isEmpty else { throw PipelineError.notCached(period: period.title, days: missing) }

        let files = self.files
        let scopes = [FactScope.organization] + audiences.map { FactScope(AudienceScope($0)) }
        let store = derivedCache ? FactsStore(cache: cache) : nil
        store?.removeOtherVersions()
        // Rooms one by one (by_space) are read for the periods the analysis combines them for only.
        let withSpaces = Analyzer.periodsWithSpaces(period: period.period, trend: trend.map(\.period))
        let loader = FactsLoader(settings: settings, cache: cache, store: store, reader: stages.reader, scopes: scopes,
                                 spaceDays: withSpaces.map(\.from).min()!...withSpaces.map(\.to).max()!)
        // The two exports at once (two cores: they share nothing), each on a thread of its own:
        // reading and analysing are seconds of CPU, and on the few threads of the cooperative
        // pool they would stall every other task of the process (a server, a timer) meanwhile.
        async let deskFacts = Blocking.run { Result { try loader.load(.desks, dates: files.desks.map(\.date), warn: warn) } }
        async let spaceFacts = Blocking.run { Result { try loader.load(.spaces, dates: files.spaces.map(\.date), warn: warn) } }
        let (desks, spaces) = (try await deskFacts.get(), try await spaceFacts.get())
        let reports = try await Blocking.run { () throws(any Error) -> ReportSet in
            try self.reports(desks: desks, spaces: spaces, audiences: audiences)
        }
        let writer = stages.writer
        // The writing waits on fsync, and with --pdf on a browser for seconds: on a thread of its
        // own, so it holds none of the few threads every task of this process runs on.
        return try await Blocking.run { try writer.write(reports, warn: warn) }
    }

    /// Every report of the run, analysed and rendered from the loaded facts (CPU only).
    private func reports(desks: [[ExportFileFacts]], spaces: [[ExportFileFacts]], audiences: [Audience]) throws -> ReportSet {
        let files = self.files
        func book(_ scope: Int) -> FactBook {
            var book = FactBook()
            for file in desks[scope] + spaces[scope] { book.add(file) }
            return book
        }
        let organizationFacts = book(0)

        let ranges = readRanges, rule = settleRule
        let assembly = ReportAssembly(
            period: period, trend: trend, settings: settings,
            desksRead: files.desks.map(\.date), spacesRead: files.spaces.map(\.date),
            // The days ahead are left out: they are provisional until they are over.
            provisionalDays: ExportKind.allCases.map { kind in
                (kind, cache.provisionalDays(kind: kind, in: ranges.spaces, rule: rule))
            }.filter { !$0.1.isEmpty })
        let organization = try analyze(organizationFacts, settings: settings)
        var audienceReports: [ReportSet.AudienceReport] = []
        for (index, audience) in audiences.enumerated() {
            let scope = AudienceScope(audience)
            var facts = book(index + 1)
            facts.setPolicy(organizationFacts)
            let metrics = try analyze(facts, settings: scope.settings(settings))
            try check(audience, metrics: metrics.last!!, organization: organization.last!!, facts: organizationFacts)
            var scoped = assembly
            scoped.settings = scope.settings(settings)
            audienceReports.append(.init(audience: audience.label, report: try stages.renderer.render(
                scoped.input(facts: facts, desks: desks[0], spaces: spaces[0], metrics: metrics, audience: audience.label))))
        }
        let report = onlyAudience == nil
            ? try stages.renderer.render(assembly.input(facts: organizationFacts, desks: desks[0], spaces: spaces[0],
                                                        metrics: organization)) : nil
        return ReportSet(period: period, organization: report, audiences: audienceReports)
    }

    /// The trend's metrics from `facts` with `settings`.
    private func analyze(_ facts: FactBook, settings: Settings) throws -> [Metrics?] {
        let atHand = trend.map(\.period).filter { candidate in
            candidate == period.period || ExportKind.allCases.allSatisfy { cache.missingDays(kind: $0, in: candidate).isEmpty }
        }
        return try stages.analyzer.trendMetrics(AnalysisRequest(
            facts: facts, settings: settings, period: period.period,
            trend: trend.map(\.period), atHand: Set(atHand), forward: forward))
    }

    /// An audience that matches none of the period's rows (while the
    /// organisation has some) is a configuration mismatch, not an empty
    /// report; one with departments and fewer people than `min_group_size`
    /// would show a small team. Both stop the run.
    private func check(_ audience: Audience, metrics: Metrics, organization: Metrics, facts: FactBook) throws(PipelineError) {
        let hasRows = { (metrics: Metrics) in metrics.desks.total.reservations > 0 || metrics.rooms.total.events > 0 }
        if !hasRows(metrics) && hasRows(organization) {
            var filter: [String] = []
            if !audience.buildings.isEmpty { filter.append("buildings " + Self.quoted(audience.buildings)) }
            if !audience.departments.isEmpty { filter.append("departments " + Self.quoted(audience.departments)) }
            let exported = audience.buildings.isEmpty
                ? "the exports' departments: " + Self.quoted(facts.departments)
                : "the exports' buildings: " + Self.quoted(facts.buildings)
            throw .emptyAudience(name: audience.name, period: period.title, filter: filter.joined(separator: " and "),
                                 exported: exported)
        }
        let people = metrics.desks.total.people
        if !audience.departments.isEmpty, metrics.desks.total.reservations > 0, people < settings.minGroupSize {
            throw .smallAudience(name: audience.name, period: period.title, people: people, minGroupSize: settings.minGroupSize)
        }
    }

    /// `"A", "B"`, at most 12 names, then how many more.
    static func quoted(_ names: [String]) -> String {
        names.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ") + (names.count > 12 ? " and \(names.count - 12) more" : "")
    }
}
