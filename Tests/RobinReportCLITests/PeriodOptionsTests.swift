import Foundation
import Testing
import RobinModel
import RobinTestSupport

/// Every way to get the period options wrong gets a message naming the
/// option, its value and what is wrong with it (exit 2), checked before any
/// configuration, token or network is needed.
@Suite("period options")
struct PeriodOptionsTests {
    /// The first line argument-parser prints: `Error: <message>`.
    static func message(_ arguments: [String]) async throws -> (status: Int32, line: String) {
        let result = try await CommandRunner().run(arguments, directory: NSTemporaryDirectory())
        return (result.status, String(result.stderr.split(separator: "\n").first ?? ""))
    }

    static let cases: [(arguments: [String], message: String)] = [
        (["--month", "2026-13"], "--month 2026-13: month 13 does not exist"),
        (["--month", "2026-00"], "--month 2026-00: month 0 does not exist"),
        (["--month", "2026-1"], "--month 2026-1: not a month like 2026-11 (YYYY-MM)"),
        (["--month", "November"], "--month November: not a month like 2026-11 (YYYY-MM)"),
        (["--week", "2025-W53"], "--week 2025-W53: ISO year 2025 has 52 weeks"),
        (["--week", "2026-W54"], "--week 2026-W54: ISO year 2026 has 53 weeks"),
        (["--week", "2026-W00"], "--week 2026-W00: week 0 does not exist (ISO weeks start at W01)"),
        (["--week", "2026-47"], "--week 2026-47: not an ISO week like 2026-W47"),
        (["--from", "2026-11-20", "--to", "2026-11-01"], "--to 2026-11-01 is before --from 2026-11-20"),
        (["--from", "2026-02-30", "--to", "2026-03-01"], "--from 2026-02-30: February 2026 has 28 days"),
        (["--from", "2026-02-01", "--to", "2026-13-01"], "--to 2026-13-01: month 13 does not exist"),
        (["--from", "2026-02-00", "--to", "2026-03-01"], "--from 2026-02-00: day 0 does not exist"),
        (["--from", "2026/02/01", "--to", "2026-03-01"], "--from 2026/02/01: not a date like 2026-11-16 (YYYY-MM-DD)"),
        (["--from", "2026-11-20"], "--from 2026-11-20 needs --to, the last date of the period"),
        (["--to", "2026-11-20"], "--to 2026-11-20 needs --from, the first date of the period"),
        (["--week", "2026-W47", "--month", "2026-11"],
         "--week 2026-W47 and --month 2026-11 exclude each other: give one of --week, --month or --from/--to"),
        (["--week", "2026-W47", "--from", "2026-11-01", "--to", "2026-11-30"],
         "--week 2026-W47 and --from 2026-11-01 --to 2026-11-30 exclude each other: give one of --week, --month or --from/--to"),
        (["--month", "2026-11", "--to", "2026-11-30"],
         "--month 2026-11 and --to 2026-11-30 exclude each other: give one of --week, --month or --from/--to"),
        (["--week", "2026-W47", "--month", "2026-13", "--from", "2026-11-01"],
         "--week 2026-W47, --month 2026-13 and --from 2026-11-01 exclude each other: give one of --week, --month or --from/--to"),
        (["--from", "2025-01-01", "--to", "2026-06-30"],
         "--from 2025-01-01 --to 2026-06-30 spans 546 days; periods over 366 days need --allow-long-range"),
        (["--history", "9"], "--history 9: give 0 to 8 (the trend shows the last 8 periods)"),
        (["--history=-1"], "--history -1: give 0 to 8 (the trend shows the last 8 periods)"),
    ]

    @Test("report: each wrong period option gets its own precise message and exit 2", arguments: cases)
    func report(arguments: [String], message: String) async throws {
        let (status, line) = try await Self.message(["report", "--offline", "--org", "1"] + arguments)
        #expect(status == 2)
        #expect(line == "Error: \(message)")
    }

    @Test("metrics: dates, order and length get the same messages")
    func metrics() async throws {
        let base = ["metrics", "--desks", "desks.csv"]
        for (arguments, message) in Self.cases where arguments.first == "--from" && arguments.count == 4 {
            let (status, line) = try await Self.message(base + arguments)
            #expect(status == 2)
            #expect(line == "Error: \(message)")
        }
    }

    @Test("--allow-long-range lets report and metrics take a period over 366 days; 366 days need no flag")
    func longRange() async throws {
        let scratch = try TemporaryFolder("robin-long")
        defer { scratch.remove() }
        let folder = scratch.path
        let desks = folder + "/desks.csv"
        try Data(ExportCSV(.desks).text.utf8).write(to: URL(fileURLWithPath: desks))
        let cli = CommandRunner()
        let long = try await cli.run(["metrics", "--desks", desks, "--from", "2025-01-01", "--to", "2026-06-30", "--allow-long-range"])
        #expect(long.status == 0, "\(long.stderr)")
        #expect(long.stdout.contains("Period 2025-01-01 to 2026-06-30"))
        let leapYear = try await cli.run(["metrics", "--desks", desks, "--from", "2024-01-01", "--to", "2024-12-31"])
        #expect(leapYear.status == 0, "\(leapYear.stderr)")
        let tooLong = try await cli.run(["metrics", "--desks", desks, "--from", "2024-01-01", "--to", "2025-01-01"])
        #expect(tooLong.status == 2)
        #expect(tooLong.stderr.hasPrefix("Error: --from 2024-01-01 --to 2025-01-01 spans 367 days"))
        // report gets past option checking to the cache, which is empty here.
        let report = try await cli.run(["report", "--offline", "--org", "1", "--from", "2025-01-01", "--to", "2026-06-30",
                                  "--allow-long-range"], directory: folder)
        #expect(report.status == 1)
        #expect(report.stderr.hasPrefix("robin-report: the cache lacks exports for 1 January 2025 – 30 June 2026"))
    }
}
