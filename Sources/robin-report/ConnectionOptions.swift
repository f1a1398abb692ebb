import ArgumentParser
import Foundation
import Logging
import RobinFetch
import RobinModel

/// How `report`, `fetch` and `init` talk to Robin's API: token, API root,
/// polling, POST budget, request timeout, body cap and how much they log.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("File holding the API token (instead of ROBIN_API_TOKEN).", valueName: "file"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("Robin API root.", valueName: "url"))
    var baseURL: String = FetchConfiguration.defaultBaseURL.absoluteString

    @Option(help: ArgumentHelp("Seconds between polls of one export (at least 10 unless --base-url is loopback).", valueName: "seconds"))
    var pollInterval: Double = 10

    @Option(help: ArgumentHelp("POST budget per minute (at most 30, Robin's limit, unless --base-url is loopback).", valueName: "n"))
    var postsPerMinute: Int = 30

    @Option(help: ArgumentHelp("Seconds one HTTP request may take, its whole answer included, before it counts as failed and is retried.", valueName: "seconds"))
    var requestTimeout: Double = 60

    @Option(help: ArgumentHelp("Largest answer accepted, in bytes (default 2 GB); a larger export fails and nothing of it is stored.", valueName: "bytes"))
    var maxBodyBytes: Int64 = FetchConfiguration.defaultMaxBodyBytes

    @Flag(help: "Print only errors.")
    var quiet = false

    @Flag(help: "Log every HTTP request.")
    var verbose = false

    func validate() throws {
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil
        else { throw ValidationError("--base-url \"\(baseURL)\": not an http(s) URL") }
        guard pollInterval > 0, pollInterval >= 10 || FetchConfiguration.isLoopback(url) else {
            throw ValidationError("--poll-interval \(pollInterval): Robin asks for 10 seconds or more (less only with a loopback --base-url)")
        }
        guard postsPerMinute > 0, postsPerMinute <= 30 || FetchConfiguration.isLoopback(url) else {
            throw ValidationError("--posts-per-minute \(postsPerMinute): Robin allows at most 30 (more only with a loopback --base-url)")
        }
        guard requestTimeout > 0, requestTimeout.isFinite else { throw ValidationError("--request-timeout must be positive") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    func fetchConfiguration(settings: Settings, organization: Int, token: APIToken) throws -> FetchConfiguration {
        FetchConfiguration(
            baseURL: URL(string: baseURL)!, organizationID: organization, locationIDs: settings.locationIDs,
            cacheDirectory: settings.cacheDirectory, timeZone: TimeZone(identifier: settings.timeZone)!,
            token: token, pollInterval: .seconds(pollInterval), postLimit: postsPerMinute,
            requestTimeout: .seconds(requestTimeout), maxBodyBytes: maxBodyBytes,
            settleTime: .seconds(settings.settleHours * 3600))
    }

    var interactive: Bool { isatty(STDERR_FILENO) == 1 && !quiet && !verbose }

    func logger() -> Logger {
        var logger = Logger(label: "robin-report.fetch")
        logger.logLevel = quiet ? .error : verbose ? .debug : interactive ? .warning : .info
        return logger
    }

    func progress() -> (any FetchProgressReporter)? {
        interactive ? TerminalProgressLine() : nil
    }
}
