import ArgumentParser
import Foundation
import Logging
import RobinFetch
import RobinModel

/// `robin-report fetch`: daily exports from Robin's Analytics API into the cache.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download Robin's daily desk and space exports into the local cache.",
        discussion: """
            One export per local day and kind, from local midnight to the next local midnight in \
            --timezone, stored as <cache>/<org>/<locations>/<kind>/<YYYY-MM-DD>.csv.

            The token comes from ROBIN_API_TOKEN or --token-file; it is never printed, logged or stored.

            Past days already in the cache are skipped; today and later days are fetched again. \
            POSTs are paced at 30 per rolling minute (Robin's limit) and each export is polled every \
            --poll-interval seconds. A killed run keeps every finished day; a rerun resumes.

            Exit codes: 0 success, 1 API or I/O failure, 2 usage or configuration error.
            """
    )

    @Option(help: ArgumentHelp("Robin organisation id.", valueName: "id"))
    var org: Int

    @Option(help: ArgumentHelp("First local date, YYYY-MM-DD.", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("Last local date (inclusive), YYYY-MM-DD.", valueName: "date"))
    var to: String

    @Option(name: .customLong("location-ids"), help: ArgumentHelp("Comma-separated location ids to export (default: all locations).", valueName: "ids"))
    var locationIDs: String?

    @Option(help: ArgumentHelp("Cache folder; files go to <cache>/<org>/<locations>/<kind>/<date>.csv.", valueName: "dir"))
    var cache: String = ".robin-cache"

    @Option(help: ArgumentHelp("Robin API root.", valueName: "url"))
    var baseURL: String = FetchConfiguration.defaultBaseURL.absoluteString

    @Option(help: ArgumentHelp("Seconds between polls of one export (at least 10 unless --base-url is loopback).", valueName: "seconds"))
    var pollInterval: Double = 10

    @Option(help: ArgumentHelp("File holding the API token (instead of ROBIN_API_TOKEN).", valueName: "file"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("IANA time zone of the organisation; days run from its local midnight.", valueName: "tz"))
    var timezone: String = "UTC"

    @Option(help: ArgumentHelp("POST budget per --post-window (at most 30 unless --base-url is loopback).", valueName: "n"))
    var postsPerMinute: Int = 30

    @Option(help: ArgumentHelp("Rolling window of the POST budget in seconds (at least 60 unless --base-url is loopback).", valueName: "seconds"))
    var postWindow: Double = 60

    @Option(help: ArgumentHelp("Seconds an export may stay not ready before the fetch fails.", valueName: "seconds"))
    var exportDeadline: Double = 1800

    @Option(help: ArgumentHelp("Seconds one HTTP request may take before it counts as failed and is retried.", valueName: "seconds"))
    var requestTimeout: Double = 60

    @Option(help: ArgumentHelp("Attempts per request on 5xx, timeouts and dropped connections.", valueName: "n"))
    var maxAttempts: Int = 5

    @Option(help: ArgumentHelp("First retry backoff in seconds (doubles each time, with jitter).", valueName: "seconds"))
    var backoff: Double = 1

    @Flag(help: "Print only errors.")
    var quiet = false

    @Flag(help: "Log every HTTP request.")
    var verbose = false

    func validate() throws {
        guard org > 0 else { throw ValidationError("--org \(org): must be a positive organisation id") }
        guard let fromDate = LocalDate(from) else { throw ValidationError("--from \"\(from)\": not a date (YYYY-MM-DD)") }
        guard let toDate = LocalDate(to) else { throw ValidationError("--to \"\(to)\": not a date (YYYY-MM-DD)") }
        guard fromDate <= toDate else { throw ValidationError("--to \(to) is before --from \(from)") }
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("--timezone \"\(timezone)\": not an IANA time zone (e.g. America/New_York)")
        }
        _ = try parsedLocationIDs()
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil
        else { throw ValidationError("--base-url \"\(baseURL)\": not an http(s) URL") }
        let loopback = FetchConfiguration.isLoopback(url)
        guard pollInterval > 0, pollInterval >= 10 || loopback else {
            throw ValidationError("--poll-interval \(pollInterval): Robin asks for 10 seconds or more (less only with a loopback --base-url)")
        }
        guard postsPerMinute > 0, postWindow > 0 else {
            throw ValidationError("--posts-per-minute and --post-window must be positive")
        }
        guard loopback || (postsPerMinute <= 30 && postWindow >= 60) else {
            throw ValidationError("--posts-per-minute \(postsPerMinute) per \(postWindow) s exceeds Robin's 30 per minute")
        }
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be positive") }
        guard exportDeadline > 0 else { throw ValidationError("--export-deadline must be positive") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
        guard backoff >= 0 else { throw ValidationError("--backoff must not be negative") }
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    func run() async throws {
        let token = try APIToken.load(tokenFile: tokenFile)
        let configuration = FetchConfiguration(
            baseURL: URL(string: baseURL)!,
            organizationID: org,
            locationIDs: try parsedLocationIDs(),
            cacheDirectory: cache,
            timeZone: TimeZone(identifier: timezone)!,
            token: token,
            pollInterval: .seconds(pollInterval),
            postLimit: postsPerMinute,
            postWindow: .seconds(postWindow),
            exportDeadline: .seconds(exportDeadline),
            requestTimeout: .seconds(requestTimeout),
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: .seconds(backoff))
        )
        let interactive = isatty(STDERR_FILENO) == 1 && !quiet && !verbose
        var logger = Logger(label: "robin-report.fetch")
        logger.logLevel = quiet ? .error : verbose ? .debug : interactive ? .warning : .info
        let fetcher = Fetcher(
            configuration: configuration,
            logger: logger,
            progress: interactive ? TerminalProgressLine() : nil
        )
        let period = Period(from: LocalDate(from)!, to: LocalDate(to)!)!
        let summary = try await fetcher.fetch(days: period)
        if !quiet {
            print(summary)
        }
    }

    private func parsedLocationIDs() throws -> [Int]? {
        guard let locationIDs else { return nil }
        let parts = locationIDs.split(separator: ",", omittingEmptySubsequences: false)
        let ids = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, ids.count == parts.count, ids.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--location-ids \"\(locationIDs)\": expected positive ids separated by commas, e.g. 1,2")
        }
        return ids
    }
}
