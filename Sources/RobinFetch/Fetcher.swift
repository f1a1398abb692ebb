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

    /// Brings every day of `days` for each of `kinds` into the cache.
    ///
    /// Days before today (in the organisation's time zone) already cached are
    /// skipped; today and later days are always fetched again. Finished days
    /// are stored as they arrive, so a failed or killed run keeps them.
    /// - Throws: `FetchError` (or `CancellationError` when cancelled).
    public func fetch(days: Period, kinds: [ExportKind] = ExportKind.allCases) async throws -> FetchSummary {
        try configuration.validate()
        let started = ContinuousClock.now
        let cache = self.cache
        let lock = try cache.lock()
        defer { lock.release() }  // held until the fetch returns
        cache.removeStaleTemporaries()

        let today = configuration.today ?? DayWindow.localDate(of: Date(), in: configuration.timeZone)
        var jobs: [ExportJob] = []
        var fromCache = 0
        for date in days.dates {
            let window = DayWindow(date: date, timeZone: configuration.timeZone)
            for kind in kinds {
                if date < today && cache.contains(kind: kind, date: date) {
                    fromCache += 1
                } else {
                    jobs.append(ExportJob(kind: kind, window: window, order: jobs.count))
                }
            }
        }
        let tally = FetchTally()
        await tally.start(total: days.dayCount * kinds.count, fromCache: fromCache)
        logger.info(
            "fetching \(jobs.count) exports for \(days) (\(fromCache) from cache) into \(cache.root)"
        )

        let limiter = PostLimiter(limit: configuration.postLimit, window: configuration.postWindow)
        let run = ExportRun(
            configuration: configuration,
            client: RobinClient(configuration: configuration, logger: logger),
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
