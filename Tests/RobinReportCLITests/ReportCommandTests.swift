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

        let before = ["report.md", "report.html", "metrics.json", "charts/trend-people.svg"].map { Self.contents("\(week)/\($0)") }
        let second = try await cli.run(["demo", "--output", out, "--week", "2026-W47", "--quiet"])
        #expect(second.status == 0)
        let after = ["report.md", "report.html", "metrics.json", "charts/trend-people.svg"].map { Self.contents("\(week)/\($0)") }
        #expect(before == after, "a rerun changed the report")
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
