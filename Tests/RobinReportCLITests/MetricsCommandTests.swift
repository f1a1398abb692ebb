import Foundation
import Testing
import RobinModel
import RobinTestSupport

private let cli = CommandRunner()

private func deskExport(_ rows: [[String: String]]) -> ExportCSV {
    var csv = ExportCSV(.desks)
    for row in rows { csv.add(row) }
    return csv
}

private let oneDesk: [String: String] = [
    "Building": "HQ", "Floor": "3", "Desk ID": "D1", "Reservation ID": "1", "Type": "hoteled",
    "Start (UTC)": "2026-11-17 14:00:00", "Hour Duration": "8", "Assignee Email": "ann@example.com",
    "Assignee Name": "Ann Example", "Assignee Department": "Eng",
]

@Suite("metrics command")
struct MetricsCommandTests {
    @Test("--json prints metrics.json with no names or emails in it")
    func json() async throws {
        let desks = try deskExport([oneDesk]).file(name: "desks.csv")
        defer { desks.remove() }
        let result = try await cli.run(["metrics", "--desks", desks.path, "--from", "2026-11-16", "--to", "2026-11-22", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schema_version"] as? Int == 1)
        let total = (object?["desks"] as? [String: Any])?["total"] as? [String: Any]
        #expect(total?["reservations"] as? Int == 1)
        #expect(!result.stdout.contains("ann@example.com"))
        #expect(!result.stdout.contains("Ann Example"))
    }

    @Test("the summary names the period and the headline figures")
    func summary() async throws {
        let desks = try deskExport([oneDesk]).file(name: "desks.csv")
        defer { desks.remove() }
        let result = try await cli.run(["metrics", "--desks", desks.path, "--from", "2026-11-16", "--to", "2026-11-22"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Period 2026-11-16 to 2026-11-22 (5 workdays)"))
        #expect(result.stdout.contains("desk utilization      20.0%"))
    }

    @Test("bad input data exits 3 with one line naming file, line, column and value")
    func badData() async throws {
        var bad = oneDesk
        bad["Start (UTC)"] = "2026-13-01 09:00"
        let desks = try deskExport([oneDesk, bad]).file(name: "2026-11-17.csv")
        defer { desks.remove() }
        let result = try await cli.run(["metrics", "--desks", desks.path, "--from", "2026-11-16", "--to", "2026-11-22", "--json"])
        #expect(result.status == 3)
        #expect(result.stderr == "robin-report: \(desks.path):3: column \"Start (UTC)\": \"2026-13-01 09:00\" is not a date and time\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("control characters from a cell are shown escaped, so a cell cannot recolour the terminal or forge a line")
    func controlCharactersInMessages() async throws {
        var bad = oneDesk
        bad["Start (UTC)"] = "\u{1B}[31mred\u{0}\nrobin-report: all good"
        let desks = try deskExport([bad]).file(name: "2026-11-17.csv")
        defer { desks.remove() }
        let result = try await cli.run(["metrics", "--desks", desks.path, "--from", "2026-11-16", "--to", "2026-11-22", "--json"])
        #expect(result.status == 3)
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line: \(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
        #expect(result.stderr.contains(#"\u{1B}[31mred\u{0}\u{A}robin-report: all good"#))
    }

    @Test("a bad config key exits 2 naming file and line")
    func badConfig() async throws {
        let config = try TempFile("timezone = \"UTC\"\nmin_group = 3\n", name: "robin-report.toml")
        let desks = try deskExport([oneDesk]).file()
        defer { config.remove(); desks.remove() }
        let result = try await cli.run(["metrics", "--desks", desks.path, "--from", "2026-11-16", "--to", "2026-11-22",
                                  "--config", config.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("robin-report: \(config.path):2: unknown key \"min_group\""))
    }

    @Test("robin-report.toml in the working directory is read by default")
    func defaultConfig() async throws {
        let config = try TempFile("min_group_size = 1\n", name: "robin-report.toml")
        let desks = try deskExport([oneDesk]).file()
        defer { config.remove(); desks.remove() }
        let folder = (config.path as NSString).deletingLastPathComponent
        let result = try await cli.run(["metrics", "--desks", desks.path, "--from", "2026-11-16", "--to", "2026-11-22", "--json"],
                                 directory: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"department\": \"Eng\""))
    }

    @Test("usage errors exit 2", arguments: [
        ["metrics", "--from", "2026-11-16", "--to", "2026-11-22"],
        ["metrics", "--desks", "x.csv", "--from", "2026-11-22", "--to", "2026-11-16"],
        ["metrics", "--desks", "x.csv", "--from", "16/11/2026", "--to", "2026-11-22"],
        ["metrics", "--desks", "x.csv", "--from", "2026-11-16", "--to", "2026-11-22", "--timezone", "Mars/Base"],
        ["metrics", "--desks", "x.csv", "--from", "2026-11-16", "--to", "2026-11-22", "--min-group-size", "0"],
    ])
    func usage(arguments: [String]) async throws {
        let result = try await cli.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("a missing file exits 1 naming it")
    func missingFile() async throws {
        let result = try await cli.run(["metrics", "--desks", "/nonexistent/desks.csv", "--from", "2026-11-16", "--to", "2026-11-22"])
        #expect(result.status == 1)
        #expect(result.stderr == "robin-report: /nonexistent/desks.csv: cannot open: No such file or directory\n")
    }
}
