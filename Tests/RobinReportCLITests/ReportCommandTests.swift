import Foundation
import Testing
import RobinTestSupport

/// `demo` and `report` as users run them: the real binary, the real simulator
/// over loopback, real files.
@Suite("report and demo commands", .serialized)
struct ReportCommandTests {
    static func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    @Test("demo writes the week's report, its charts, metrics.json with previous, and the index; a rerun gives the same bytes")
    func demo() async throws {
        let scratch = try TemporaryFolder("robin-report")
        defer { scratch.remove() }
        let out = scratch.path
        let cli = CommandRunner()
        let first = try await cli.run(["demo", "--output", out, "--week", "2026-W47", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let week = out + "/2026-W47"
        for file in ["report.md", "report.html", "metrics.json", "charts/daily-attendance.svg", "charts/room-heatmap.svg",
                     "charts/trend-people.svg"] {
            #expect(FileManager.default.fileExists(atPath: "\(week)/\(file)"), "\(file) missing")
        }
        let markdown = Self.contents(week + "/report.md")
        #expect(markdown.hasPrefix("# Workplace report: Week 47, 2026\n"))
        #expect(markdown.contains("| People in the office |"))
        let json = try JSONSerialization.jsonObject(with: Data(Self.contents(week + "/metrics.json").utf8)) as? [String: Any]
        let previous = json?["previous"] as? [String: Any]
        #expect((previous?["period"] as? [String: Any])?["from"] as? String == "2026-11-09")
        #expect(Self.contents(out + "/index.md").contains("[Week 47, 2026](2026-W47/report.md)"))
        #expect(Self.contents(out + "/index.html").contains("href=\"2026-W47/report.html\""))
        Self.expectEverySection(markdown: markdown, json: json ?? [:])
        try await Self.expectDemoConfiguration(week: week, cli: cli)

        let before = ["report.md", "report.html", "metrics.json", "charts/trend-people.svg"].map { Self.contents("\(week)/\($0)") }
        let second = try await cli.run(["demo", "--output", out, "--week", "2026-W47", "--quiet"])
        #expect(second.status == 0)
        let after = ["report.md", "report.html", "metrics.json", "charts/trend-people.svg"].map { Self.contents("\(week)/\($0)") }
        #expect(before == after, "a rerun changed the report")
    }

    /// examples/demo.toml names the demo's audiences (README: try `email` on the demo): with it,
    /// `email --dry-run` writes one message per report of the week, each to its audience's list.
    static func expectDemoConfiguration(week: String, cli: CommandRunner) async throws {
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/demo.toml").path
        let email = try await cli.run(["email", "--config", config, "--report", week, "--to", "leadership@example.com", "--dry-run"])
        #expect(email.status == 0, "\(email.stderr)")
        let recipients = [("", "leadership@example.com"), ("/audiences/london-site", "london-lead@example.com"),
                          ("/audiences/engineering", "engineering-lead@example.com")]
        for (folder, address) in recipients {
            let message = contents(week + folder + "/email.eml")
            #expect(message.contains("\r\nTo: \(address)\r\n"), "\(folder): \(message.prefix(400))")
        }
    }

    /// The demo's story shows in every part of the report: a mover, targets, a low day, a floor
    /// to consolidate, a busy day ahead, anchor days, and the holiday as a closed date.
    static func expectEverySection(markdown: String, json: [String: Any]) {
        let kinds = Set((json["insights"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
        #expect(kinds == ["mover", "target", "low_day", "capacity", "busy_day"])
        let section = { (title: String) -> [String] in
            let lines = markdown.components(separatedBy: "\n")
            guard let start = lines.firstIndex(of: title) else { return [] }
            return lines[(start + 1)...].prefix { !$0.hasPrefix("#") }.filter { !$0.isEmpty }
        }
        // Sales is away all week, and the headline sentence says so with its baseline.
        #expect(section("### What changed").first?.hasPrefix("- Sales came in less: ") == true)
        #expect(section("### What changed").first?.contains("; its usual is ") == true)
        let targets = section("### Targets")
        #expect(targets.contains { $0.hasPrefix("- Desk utilization") } && targets.contains { $0.hasPrefix("- Room utilization") })
        let attention = section("### Needs attention")
        // A strike-quiet Monday; the Friday holiday is a closed date, not a low day.
        #expect(attention.contains { $0.hasPrefix("- Monday 16 November had ") && $0.contains("under half the usual") })
        #expect(!attention.contains { $0.contains("Friday 20 November") })
        #expect(attention.contains { $0.hasPrefix("- Level 2 at London could be consolidated") })
        #expect(attention.contains { $0.hasPrefix("- London is ") && $0.contains("booked on Tuesday 24 November") })
        #expect(markdown.contains("Workdays: Mon, Tue, Wed, Thu, Fri, except the closed dates Friday 20 November;"))
        #expect(markdown.contains("## Booked ahead: 23–29 November 2026"))
        #expect(section("## Booked ahead: 23–29 November 2026").contains { $0.hasPrefix("| London | Tue 24 Nov |") && $0.hasSuffix("| **Busy** |") })
        #expect(section("## Desk capacity").contains { $0.hasPrefix("| London | Level 2 |") && $0.hasSuffix("| Consolidate |") })
        #expect(section("### Anchor days").contains { $0.hasPrefix("| Marketing |") && $0.contains("| Wednesday |") })
    }

    @Test("report --offline renders from the cache alone, and names the missing days when the cache lacks them")
    func offline() async throws {
        let scratch = try TemporaryFolder("robin-report")
        defer { scratch.remove() }
        let out = scratch.path
        let cli = CommandRunner()
        // The demo fills a cache (organisation 1, all locations) as `fetch` would.
        let demo = try await cli.run(["demo", "--output", out + "/demo", "--week", "2026-W47", "--quiet"])
        #expect(demo.status == 0, "\(demo.stderr)")
        try Data("org_id = 1\ntimezone = \"America/New_York\"\n".utf8).write(to: URL(fileURLWithPath: out + "/robin-report.toml"))
        let report = try await cli.run(["report", "--week", "2026-W46", "--offline", "--cache", out + "/demo/.cache",
                                  "--output", out + "/reports", "--quiet"], directory: out)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(Self.contents(out + "/reports/2026-W46/report.md").hasPrefix("# Workplace report: Week 46, 2026\n"))

        let missing = try await cli.run(["report", "--week", "2026-W30", "--offline", "--cache", out + "/demo/.cache",
                                   "--output", out + "/reports"], directory: out)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("robin-report: the cache lacks exports for Week 30, 2026: desks/2026-07-20"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }

    @Test("demo writes two audiences; report writes the config's audiences, --audience only one, and an audience with no rows is exit 2")
    func audiences() async throws {
        let scratch = try TemporaryFolder("robin-report")
        defer { scratch.remove() }
        let out = scratch.path
        let cli = CommandRunner()
        let demo = try await cli.run(["demo", "--output", out + "/demo", "--week", "2026-W47"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let lines = demo.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last == "demo: Week 47, 2026 for audience \"Engineering\": \(out)/demo/2026-W47/audiences/engineering/report.html")
        #expect(Self.contents(out + "/demo/2026-W47/audiences/london-site/report.md").hasPrefix("# Workplace report: London site, Week 47, 2026\n"))
        #expect(Self.contents(out + "/demo/index.md").contains("| ↳ [London site](2026-W47/audiences/london-site/report.md) |"))

        try Data("""
            org_id = 1
            timezone = "America/New_York"

            [[audiences]]
            name = "Singapore"
            buildings = ["Singapore"]

            [[audiences]]
            name = "Sales"
            departments = ["Sales"]
            """.utf8).write(to: URL(fileURLWithPath: out + "/robin-report.toml"))
        let common = ["report", "--week", "2026-W46", "--offline", "--cache", out + "/demo/.cache", "--output", out + "/reports"]
        let report = try await cli.run(common, directory: out)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout == "Week 46, 2026: \(out)/reports/2026-W46/report.html\n"
            + "Week 46, 2026, Singapore: \(out)/reports/2026-W46/audiences/singapore/report.html\n"
            + "Week 46, 2026, Sales: \(out)/reports/2026-W46/audiences/sales/report.html\n")

        let one = try await cli.run(common + ["--audience", "sales"], directory: out)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == "Week 46, 2026, Sales: \(out)/reports/2026-W46/audiences/sales/report.html\n")

        let unknown = try await cli.run(common + ["--audience", "Paris"], directory: out)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "robin-report: --audience \"Paris\": no such audience (the configuration's audiences: \"Singapore\", \"Sales\")\n")

        try Data("org_id = 1\n\n[[audiences]]\nname = \"Paris\"\nbuildings = [\"Paris\"]\n".utf8)
            .write(to: URL(fileURLWithPath: out + "/robin-report.toml"))
        let before = FolderSnapshot.files(under: out + "/reports")
        let empty = try await cli.run(common, directory: out)
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("robin-report: audience \"Paris\" matches no desk reservation or room event in Week 46, 2026: buildings \"Paris\""))
        #expect(empty.stderr.split(separator: "\n").count == 1)
        #expect(FolderSnapshot.files(under: out + "/reports") == before, "a failed run changed the reports")
    }

    @Test("a broken template exits 2 naming the file, line and column")
    func brokenTemplate() async throws {
        let scratch = try TemporaryFolder("robin-report")
        defer { scratch.remove() }
        let out = scratch.path
        try FileManager.default.createDirectory(atPath: out + "/templates", withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: MARKDOWN}}\n# {{{title}}\n".utf8).write(to: URL(fileURLWithPath: out + "/templates/weekly.mustache"))
        let result = try await CommandRunner().run(["report", "--offline", "--org", "1", "--templates", out + "/templates"], directory: out)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("robin-report: \(out)/templates/weekly.mustache:2:"))
    }

    @Test("report without a token or organisation says what is missing")
    func missingSettings() async throws {
        let scratch = try TemporaryFolder("robin-report")
        defer { scratch.remove() }
        let out = scratch.path
        let noOrg = try await CommandRunner().run(["report"], directory: out, environment: ["ROBIN_API_TOKEN": ""])
        #expect(noOrg.status == 2)
        #expect(noOrg.stderr.contains("no organisation id"))
        let noToken = try await CommandRunner().run(["report", "--org", "5"], directory: out, environment: ["ROBIN_API_TOKEN": ""])
        #expect(noToken.status == 2)
        #expect(noToken.stderr.contains("ROBIN_API_TOKEN"))
    }
}
