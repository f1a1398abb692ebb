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

            Final days in the cache are skipped. A day is final once it was fetched at least \
            --settle-hours after its export window ended (its next local midnight); until then it is \
            provisional and fetched again, and today and later days always are. POSTs are paced at 30 \
            per rolling minute (Robin's limit) and each export is polled every --poll-interval seconds. \
            Only a 200 carrying the export's complete CSV (its header row, not cut short) is stored; \
            redirects are never followed (the token goes only to --base-url). A killed run keeps every \
            finished day; a rerun resumes.

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

    @Option(help: ArgumentHelp("IANA time zone of the organisation; days run from its local midnight.", valueName: "tz"))
    var timezone: String = "UTC"

    @Option(help: ArgumentHelp("Hours after a day's end before a fetch of it is final (fetch.settle_hours in the config).", valueName: "hours"))
    var settleHours: Double = 6

    @Option(help: ArgumentHelp("Rolling window of the POST budget in seconds (at least 60 unless --base-url is loopback).", valueName: "seconds"))
    var postWindow: Double = 60

    @Option(help: ArgumentHelp("Seconds an export may stay not ready before the fetch fails.", valueName: "seconds"))
    var exportDeadline: Double = 1800

    @Option(help: ArgumentHelp("Attempts per request on 5xx, timeouts and dropped connections.", valueName: "n"))
    var maxAttempts: Int = 5

    @Option(help: ArgumentHelp("First retry backoff in seconds (doubles each time, with jitter).", valueName: "seconds"))
    var backoff: Double = 1

    /// Token, API root, polling, POST budget, timeouts and log level, as `report` has them.
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard org > 0 else { throw ValidationError("--org \(org): must be a positive organisation id") }
        guard let fromDate = LocalDate(from) else { throw ValidationError("--from \"\(from)\": not a date (YYYY-MM-DD)") }
        guard let toDate = LocalDate(to) else { throw ValidationError("--to \"\(to)\": not a date (YYYY-MM-DD)") }
        guard fromDate <= toDate else { throw ValidationError("--to \(to) is before --from \(from)") }
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("--timezone \"\(timezone)\": not an IANA time zone (e.g. America/New_York)")
        }
        _ = try parsedLocationIDs()
        // The base URL, poll interval and POST budget are checked by `connection`; the
        // window is fetch's own knob.
        guard postWindow > 0 else { throw ValidationError("--post-window must be positive") }
        guard URL(string: connection.baseURL).map(FetchConfiguration.isLoopback) ?? false || postWindow >= 60 else {
            throw ValidationError("--post-window \(postWindow) s is shorter than Robin's minute (shorter only with a loopback --base-url)")
        }
        guard settleHours >= 0, settleHours.isFinite else { throw ValidationError("--settle-hours must not be negative") }
        guard exportDeadline > 0 else { throw ValidationError("--export-deadline must be positive") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
        guard backoff >= 0 else { throw ValidationError("--backoff must not be negative") }
    }

    func run() async throws {
        let token = try APIToken.load(tokenFile: connection.tokenFile)
        let configuration = FetchConfiguration(
            baseURL: URL(string: connection.baseURL)!,
            organizationID: org,
            locationIDs: try parsedLocationIDs(),
            cacheDirectory: cache,
            timeZone: TimeZone(identifier: timezone)!,
            token: token,
            pollInterval: .seconds(connection.pollInterval),
            postLimit: connection.postsPerMinute,
            postWindow: .seconds(postWindow),
            exportDeadline: .seconds(exportDeadline),
            requestTimeout: .seconds(connection.requestTimeout),
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: .seconds(backoff)),
            maxBodyBytes: connection.maxBodyBytes,
            settleTime: .seconds(settleHours * 3600)
        )
        let fetcher = Fetcher(
            configuration: configuration,
            logger: connection.logger(),
            progress: connection.progress()
        )
        let period = Period(from: LocalDate(from)!, to: LocalDate(to)!)!
        let summary = try await fetcher.fetch(days: period)
        if !connection.quiet {
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
