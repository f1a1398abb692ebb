import ArgumentParser
import RobinModel

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
