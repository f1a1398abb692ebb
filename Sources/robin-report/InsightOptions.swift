import ArgumentParser
import RobinAnalytics
import RobinExports
import RobinModel

/// `metrics --history N --forward`: the trend and the days ahead, read from the
/// same files, so the insights `report` writes can be checked on local exports.
struct InsightOptions: ParsableArguments {
    /// The most trend periods `--history` takes (ten years of months, two of weeks).
    static let maxHistory = 120

    @Option(name: .long, help: ArgumentHelp(
        "Also analyse the n periods before this one from the same files (weeks for a Monday-to-Sunday period, "
            + "calendar months for a whole month, else ranges of the same length) and write previous and "
            + "insights; the files must cover them.",
        valueName: "n"))
    var history: Int?

    @Flag(name: .long, help: "Treat the files' rows of the 7 days after the period as bookings ahead (forward, busy days).")
    var forward = false

    func validate() throws {
        if let history, !(0...Self.maxHistory).contains(history) {
            throw ValidationError("--history must be from 0 to \(Self.maxHistory), not \(history)")
        }
    }

    /// The period's metrics: alone (insights empty) unless --history or --forward is given.
    func metrics(_ analyzer: Analyzer, desks: DeskTable, events: EventTable, period: Period) throws -> Metrics {
        guard history != nil || forward else { return try analyzer.metrics(desks: desks, events: events, period: period) }
        let report = ReportPeriod.range(period)
        let trend = (0...(history ?? 0)).reversed().map { report.earlier(by: $0).period }
        return try analyzer.metrics(desks: desks, events: events, period: period, trend: trend,
                                    forward: forward ? Analyzer.ForwardWindow(after: period, complete: true) : nil)
    }
}
