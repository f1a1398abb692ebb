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
            Fetches the daily exports the cache lacks for the period, the previous one and the \
            trend (--history; token from ROBIN_API_TOKEN or --token-file), saying first how many \
            and about how long they take; computes the metrics of the period and of the previous \
            one, and replaces <output>/<period>/ (report.md, report.html, metrics.json, charts/, \
            tables/*.csv, and report.pdf with --pdf) as a whole, then writes <output>/index.md and index.html listing every report, newest \
            first.

            With [[audiences]] in the configuration, each audience's report (the same templates on \
            the rows of its buildings and/or departments) is written to \
            <output>/<period>/audiences/<slug>/, in the same replacement of the period's folder. \
            --audience NAME writes only that audience's folder and leaves the organisation's report \
            and the other audiences' as they are. An audience that matches none of the period's rows \
            is an error (exit 2) naming it, and nothing is written.

            Default period: the last complete ISO week (Monday to Sunday) before today in the \
            org's time zone. The previous period is the ISO week before a week, the calendar \
            month before a month, and the same number of days right before a --from/--to range. \
            Trends cover the last 8 periods the cache holds.

            Examples:
              robin-report report                        # last week, settings from robin-report.toml
              robin-report report --week 2026-W47 --offline
              robin-report report --month 2026-11 --output reports
              robin-report report --history 0            # fetch only last week and the one before
              robin-report report --audience "London site"
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

    @Option(help: ArgumentHelp(
        "Trend periods, this one included, to fetch when the cache lacks them (0 to 8; 0 = only this period and the previous one).",
        valueName: "n"))
    var history = ReportJob.trendPeriods

    @Flag(help: "Also print report.pdf from report.html with a headless Chromium (config: pdf = true, pdf.browser).")
    var pdf = false

    @Option(help: ArgumentHelp(
        "Write only this audience's report (its name or slug in [[audiences]]), not the organisation's or the other audiences'.",
        valueName: "name"))
    var audience: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if let org, org <= 0 { throw ValidationError("--org \(org): must be a positive organisation id") }
        if let audience, audience.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--audience needs the name of an audience of the configuration")
        }
        let most = ReportJob.trendPeriods
        guard (0...most).contains(history) else {
            throw ValidationError("--history \(history): give 0 to \(most) (the trend shows the last \(most) periods)")
        }
    }

    func run() async throws {
        let logger = Logger(label: "robin-report")
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
        // Looked for before any work, so a missing browser fails at once (exit 2).
        let printer = pdf || settings.pdf.enabled ? try PDFPrinter(browser: settings.pdf.browser) : nil
        let templateSet = try templates.map { try TemplateSet.load(directory: $0) } ?? TemplateSet.builtIn()
        var job = ReportJob(period: period, settings: settings, cache: cache, fetcher: fetcher, today: today,
                            stages: .production(templates: templateSet, outputDirectory: settings.outputDirectory,
                                                printer: printer))
        job.history = history
        job.onlyAudience = audience
        // Checked before any fetch: a misspelt name fails at once.
        _ = try job.audiences()
        let quiet = connection.quiet
        let reports = try await job.run(warn: { logger.warning("\($0)") }, announce: { line in
            if !quiet { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        })
        guard !quiet else { return }
        for report in reports {
            print("\(period.title)\(report.audience.map { ", \($0.name)" } ?? ""): \(report.folder)/report.html")
        }
    }
}
