import Foundation
import RobinAnalytics
import RobinExports
import RobinModel

/// What the exports and config fuzz targets check after one input: an error
/// is clean (its own exit status, one line once escaped), and analyzing the
/// tables read gives a metrics.json that parses. Compiled into the libFuzzer
/// harnesses (`Fuzz/build.sh`) and into this test target (`FuzzCorpusTests`),
/// so a saved crash replays through the very same code. No `Testing` here: a
/// problem is returned as text, and the harness traps on it.
enum FuzzChecks {
    /// The period every input is analyzed for: the fixtures' ISO week,
    /// Monday 2026-11-16 to Sunday 2026-11-22.
    static let period = Period(from: LocalDate(year: 2026, month: 11, day: 16)!,
                               to: LocalDate(year: 2026, month: 11, day: 22)!)!

    /// Problems with `error`: it must end the command with `expected`, and its
    /// message must be one non-empty line once escaped (as `RobinReport.main` prints it).
    static func check(_ error: some StageError, expected: ExitStatus, what: String) -> [String] {
        var problems: [String] = []
        if error.exitStatus != expected {
            problems.append("\(what): exit status \(error.exitStatus) instead of \(expected) for: \(error.description)")
        }
        let shown = MessageText.escaped(error.description)
        if shown.isEmpty || shown.contains(where: \.isNewline) {
            problems.append("\(what): the message is not one line: \(shown.debugDescription)")
        }
        return problems
    }

    /// Analyzes `desks` and `events` for `period` with `settings`: either a clean
    /// error (a time zone the analytics cannot use, exit 2) or a metrics.json that
    /// is valid JSON, as the `metrics` command would write it.
    static func analyze(desks: DeskTable, events: EventTable, settings: Settings) -> [String] {
        let metrics: Metrics
        do {
            metrics = try Analyzer(settings: settings).metrics(desks: desks, events: events, period: period)
        } catch {
            return check(error, expected: .usage, what: "analytics")
        }
        let json = metrics.json
        guard (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil else {
            return ["analytics: metrics.json is not valid JSON: \(json.prefix(2_000))"]
        }
        return []
    }
}
