import Foundation
import Logging
import RobinModel

/// Fetches Robin's daily exports for a period into the cache.
///
/// Pipelined: every missing export is POSTed as soon as the POST budget
/// allows (earlier days first) while exports already requested are being
/// polled, so a month takes about as long as the budget and one readiness
/// delay, not the sum of every export's wait.
public struct Fetcher: Sendable {
    /// The settings of this fetcher.
    public let configuration: FetchConfiguration
    private let logger: Logger
    private let reporter: (any FetchProgressReporter)?

    /// A fetcher that logs through `logger` (events at info, each HTTP
    /// request at debug) and, when given, shows progress on `progress`.
    public init(
        configuration: FetchConfiguration,
        logger: Logger = Logger(label: "robin-report.fetch"),
        progress: (any FetchProgressReporter)? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.reporter = progress
    }

    /// The cache this fetcher writes.
    public var cache: ExportCache { ExportCache(configuration: configuration) }

    /// What `fetch(days:kinds:)` would request now: every day of `days` that
    /// is missing from the cache or provisional (`SettleRule`), per kind.
    /// Reads the cache only; sends nothing.
    /// - Throws: `FetchError` when a day's cache path holds something other
    ///   than a regular file (a directory, a FIFO, a link): it is never read
    ///   and cannot be replaced, so it is named instead.
    public func plan(days: Period, kinds: [ExportKind] = ExportKind.allCases) throws(FetchError) -> FetchPlan {
        try plan([FetchRange(days: days, kinds: kinds)])
    }

    /// What `fetch(_:)` would request now for `ranges`: each (kind, day) once,
    /// earlier days first, when missing or provisional.
    public func plan(_ ranges: [FetchRange]) throws(FetchError) -> FetchPlan {
        let cache = self.cache
        let rule = configuration.settleRule
        var exports: [FetchPlan.Export] = []
        var final = 0
        for (date, kind) in Self.days(ranges) {
            let path = cache.path(kind: kind, date: date)
            if case .other(let what) = CacheEntry(path: path) {
                throw .io(path, "is \(what), not a regular file: never read as a cached day; remove it so the day can be fetched")
            }
            let state = cache.state(kind: kind, date: date, rule: rule)
            if state.needsFetch {
                exports.append(FetchPlan.Export(kind: kind, date: date, state: state))
            } else {
                final += 1
            }
        }
        return FetchPlan(exports: exports, final: final, postLimit: configuration.postLimit, postWindow: configuration.postWindow)
    }

    /// Every (day, kind) of `ranges` once, by day, then in `ExportKind` order.
    static func days(_ ranges: [FetchRange]) -> [(LocalDate, ExportKind)] {
        var wanted: [LocalDate: Set<ExportKind>] = [:]
        for range in ranges {
            for date in range.days.dates { wanted[date, default: []].formUnion(range.kinds) }
        }
        return wanted.keys.sorted().flatMap { date in
            ExportKind.allCases.filter { wanted[date]!.contains($0) }.map { (date, $0) }
        }
    }

    /// Brings every day of `days` for each of `kinds` into the cache.
    ///
    /// Final days in the cache are skipped; missing and provisional days
    /// (today and later always are) are fetched, each recorded with the time
    /// of its request. Finished days are stored as they arrive, so a failed or
    /// killed run keeps them.
    /// - Throws: `FetchError` (or `CancellationError` when cancelled).
    public func fetch(days: Period, kinds: [ExportKind] = ExportKind.allCases) async throws -> FetchSummary {
        try await fetch([FetchRange(days: days, kinds: kinds)])
    }

    /// Brings every day of each range, in its kinds, into the cache (as
    /// `fetch(days:kinds:)`, each (kind, day) once).
    public func fetch(_ ranges: [FetchRange]) async throws -> FetchSummary {
        try configuration.validate()
        let started = ContinuousClock.now
        let cache = self.cache
        let lock = try cache.lock()
        defer { lock.release() }  // held until the fetch returns
        cache.removeStaleTemporaries()

        let plan = try self.plan(ranges)
        var jobs: [ExportJob] = []
        for export in plan.exports {
            let window = DayWindow(date: export.date, timeZone: configuration.timeZone)
            jobs.append(ExportJob(kind: export.kind, window: window, order: jobs.count))
        }
        let fromCache = plan.final
        let tally = FetchTally()
        await tally.start(total: plan.exportCount + fromCache, fromCache: fromCache)
        let span = ranges.map(\.days.description).joined(separator: ", ")
        logger.info(
            "fetching \(jobs.count) exports for \(span) (\(fromCache) final in the cache, \(plan.provisionalCount) provisional fetched again) into \(cache.root)"
        )

        let limiter = PostLimiter(limit: configuration.postLimit, window: configuration.postWindow)
        let client = RobinClient(configuration: configuration, logger: logger)
        defer { client.close() }
        let run = ExportRun(
            configuration: configuration,
            client: client,
            cache: cache,
            limiter: limiter,
            tally: tally,
            logger: logger,
            reporter: reporter
        )
        let ticker = reporter.map { _ in
            Task {
                while !Task.isCancelled {
                    await run.report()
                    try? await Task.sleep(for: .milliseconds(500))
                }
            }
        }
        func stopProgress() async {
            ticker?.cancel()
            await ticker?.value
            await run.report()
            reporter?.finish()
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for job in jobs {
                    group.addTask { try await run.fetch(job) }
                }
                try await group.waitForAll()
            }
        } catch {
            await stopProgress()
            throw error
        }
        await stopProgress()

        let summary = FetchSummary(
            total: await tally.total,
            fromCache: fromCache,
            fetched: await tally.ready,
            refetched: plan.provisionalCount,
            postsSent: await tally.postsSent,
            getsSent: await tally.getsSent,
            retries: await tally.retries,
            bytesWritten: await tally.bytesWritten,
            elapsed: ContinuousClock.now - started,
            cacheRoot: cache.root
        )
        logger.info("done: \(summary)")
        return summary
    }
}
