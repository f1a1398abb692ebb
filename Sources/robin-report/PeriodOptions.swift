import ArgumentParser
import RobinModel

/// `--week`, `--month` or `--from/--to`, and `--allow-long-range`.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ISO week, e.g. 2026-W47.", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("Calendar month, e.g. 2026-11.", valueName: "month"))
    var month: String?

    @Option(help: ArgumentHelp("First local date (YYYY-MM-DD), with --to.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last local date (YYYY-MM-DD), inclusive.", valueName: "date"))
    var to: String?

    @Flag(help: "Accept a --from/--to period longer than 366 days.")
    var allowLongRange = false

    /// Names each option given with its value, then checks each value, so the
    /// message says which options clash or what is wrong with one.
    func validate() throws {
        var given: [String] = []
        if let week { given.append("--week \(week)") }
        if let month { given.append("--month \(month)") }
        if from != nil || to != nil {
            given.append([from.map { "--from \($0)" }, to.map { "--to \($0)" }].compactMap { $0 }.joined(separator: " "))
        }
        if given.count > 1 {
            throw ValidationError("\(given.dropLast().joined(separator: ", ")) and \(given.last!) exclude each other: "
                + "give one of --week, --month or --from/--to")
        }
        if let week { _ = try PeriodArgument.week(week) }
        if let month { _ = try PeriodArgument.month(month) }
        _ = try PeriodArgument.range(from: from, to: to, allowLongRange: allowLongRange)
    }

    /// The chosen period; by default the last complete ISO week before `today`.
    func period(today: LocalDate) throws -> ReportPeriod {
        if let week { return try PeriodArgument.week(week) }
        if let month { return try PeriodArgument.month(month) }
        if let range = try PeriodArgument.range(from: from, to: to, allowLongRange: allowLongRange) { return .range(range) }
        return .lastCompleteWeek(before: today)
    }
}
