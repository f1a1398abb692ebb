import ArgumentParser
import Foundation
import Logging
import RobinAnalytics
import RobinExports
import RobinModel

/// `robin-report metrics`: the analytics on local CSV files, no network.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Compute the metrics of local export files (no network).",
        discussion: """
            Reads desk and spaces (room events) exports as Robin's Analytics API writes them, \
            de-duplicates rows that overlapping daily files share, and prints every metric of the \
            period: a short summary, or with --json the metrics.json document.

            Example:
              robin-report metrics --desks desks/*.csv --spaces spaces/*.csv \\
                --from 2026-11-16 --to 2026-11-22 --json

            With --history and --forward it also writes previous, insights and forward, as \
            `report` does (the files must cover those periods and the 7 days after).
            """)

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Desk export CSV files, read in the order given (later rows win for a reservation).",
        valueName: "file"))
    var desks: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Spaces (room events) export CSV files, read in the order given.", valueName: "file"))
    var spaces: [String] = []

    @Option(name: .long, help: ArgumentHelp("First local date of the period (YYYY-MM-DD).", valueName: "date"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("Last local date of the period, inclusive (YYYY-MM-DD).", valueName: "date"))
    var to: String

    @Flag(help: "Accept a period longer than 366 days.")
    var allowLongRange = false

    @OptionGroup var settingsOptions: SettingsOptions

    @OptionGroup var insightOptions: InsightOptions

    @Flag(name: .long, help: "Print metrics.json instead of the summary.")
    var json = false

    func validate() throws {
        if desks.isEmpty && spaces.isEmpty { throw ValidationError("give export files with --desks and/or --spaces") }
        _ = try period()
    }

    /// `--from` to `--to`, checked as `report` checks them.
    func period() throws -> Period {
        try PeriodArgument.range(from: from, to: to, allowLongRange: allowLongRange)!
    }

    func run() async throws {
        let logger = Logger(label: "robin-report")
        let settings = try settingsOptions.settings()
        let exports = try await Exports.read(desks: desks, spaces: spaces) { logger.warning("\($0)") }
        let metrics = try insightOptions.metrics(
            Analyzer(settings: settings), desks: exports.desks, events: exports.events, period: try period())
        let text = json ? metrics.json : MetricsSummary(metrics: metrics).text
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
