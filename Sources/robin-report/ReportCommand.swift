import ArgumentParser
import Foundation
import Logging
import RobinFetch
import RobinModel
import RobinPipeline
import RobinRender

/// `robin-report report`: fetch what the cache lacks, analyze, render, write.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the leadership report for a week or a month.",
        discussion: """
            Fetches the period's daily exports the cache lacks (token from ROBIN_API_TOKEN or \
            --token-file), computes the metrics of the period and of the previous one, and writes \
            <output>/<period>/report.md, report.html, metrics.json and charts/, then \
            <output>/index.md and index.html listing every report, newest first.

            Default period: the last complete ISO week (Monday to Sunday) before today in the \
            org's time zone. Trends cover the last 8 periods the cache holds.

            Examples:
              robin-report report                        # last week, settings from robin-report.toml
              robin-report report --week 2026-W47 --offline
              robin-report report --month 2026-11 --output reports
            """)

    @OptionGroup var periodOptions: PeriodOptions
    @OptionGroup var settingsOptions: SettingsOptions

    @Option(help: ArgumentHelp("Robin organisation id (overrides the config's org_id).", valueName: "id"))
    var org: Int?

    @Option(help: ArgumentHelp("Export cache folder (default: the config's cache, else .robin-cache).", valueName: "dir"))
    var cache: String?

    @Flag(help: "Use only the cache; fail naming the missing days if the period is not there.")
    var offline = false

    @Option(help: ArgumentHelp("Output folder (default: the config's output, else Output).", valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("Folder of Mustache templates replacing the built-in ones (weekly.mustache, monthly.mustache, partials/).", valueName: "dir"))
    var templates: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if let org, org <= 0 { throw ValidationError("--org \(org): must be a positive organisation id") }
    }

    func run() async throws {
        let logger = Logger(label: "robin-report")
        do {
            var settings = try settingsOptions.settings()
            if let org { settings.organizationID = org }
            if let cache { settings.cacheDirectory = cache }
            if let output { settings.outputDirectory = output }
            guard let organization = settings.organizationID else {
                throw Failure.usage("no organisation id: set org_id in the config or pass --org")
            }
            let zone = TimeZone(identifier: settings.timeZone)!
            let today = DayWindow.localDate(of: Date(), in: zone)
            let period = try periodOptions.period(today: today)
            let cache = ExportCache(directory: settings.cacheDirectory, organizationID: organization, locationIDs: settings.locationIDs)
            let fetcher: Fetcher? = offline ? nil : Fetcher(
                configuration: try connection.fetchConfiguration(settings: settings, organization: organization, token: .load(tokenFile: connection.tokenFile)),
                logger: connection.logger(), progress: connection.progress())
            let templateSet = try templates.map { try TemplateSet.load(directory: $0) } ?? TemplateSet.builtIn()
            let job = ReportJob(period: period, settings: settings, cache: cache, fetcher: fetcher,
                                renderer: ReportRenderer(templates: templateSet),
                                outputDirectory: settings.outputDirectory, today: today)
            let folder = try await job.run { logger.warning("\($0)") }
            if !connection.quiet { print("\(period.title): \(folder)/report.html") }
        } catch {
            throw Failure(error)
        }
    }
}

/// `--week`, `--month` or `--from/--to`.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ISO week, e.g. 2026-W47.", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("Calendar month, e.g. 2026-11.", valueName: "month"))
    var month: String?

    @Option(help: ArgumentHelp("First local date (YYYY-MM-DD), with --to.", valueName: "date"))
    var from: LocalDate?

    @Option(help: ArgumentHelp("Last local date (YYYY-MM-DD), inclusive.", valueName: "date"))
    var to: LocalDate?

    func validate() throws {
        let given = [week != nil, month != nil, from != nil || to != nil].filter { $0 }.count
        guard given <= 1 else { throw ValidationError("give one of --week, --month or --from/--to") }
        if let week, ReportPeriod.week(week) == nil { throw ValidationError("--week \"\(week)\": not an ISO week like 2026-W47") }
        if let month, ReportPeriod.month(month) == nil { throw ValidationError("--month \"\(month)\": not a month like 2026-11") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if let from, let to, to < from { throw ValidationError("--to (\(to)) is before --from (\(from))") }
    }

    /// The chosen period; by default the last complete ISO week before `today`.
    func period(today: LocalDate) throws -> ReportPeriod {
        if let week { return ReportPeriod.week(week)! }
        if let month { return ReportPeriod.month(month)! }
        if let from, let to { return .range(Period(from: from, to: to)!) }
        return .lastCompleteWeek(before: today)
    }
}

/// How `report` talks to Robin's API.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("File holding the API token (instead of ROBIN_API_TOKEN).", valueName: "file"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("Robin API root.", valueName: "url"))
    var baseURL: String = FetchConfiguration.defaultBaseURL.absoluteString

    @Option(help: ArgumentHelp("Seconds between polls of one export (at least 10 unless --base-url is loopback).", valueName: "seconds"))
    var pollInterval: Double = 10

    @Option(help: ArgumentHelp("POST budget per minute (at most 30, Robin's limit, unless --base-url is loopback).", valueName: "n"))
    var postsPerMinute: Int = 30

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
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    func fetchConfiguration(settings: Settings, organization: Int, token: APIToken) throws -> FetchConfiguration {
        FetchConfiguration(
            baseURL: URL(string: baseURL)!, organizationID: organization, locationIDs: settings.locationIDs,
            cacheDirectory: settings.cacheDirectory, timeZone: TimeZone(identifier: settings.timeZone)!,
            token: token, pollInterval: .seconds(pollInterval), postLimit: postsPerMinute)
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
