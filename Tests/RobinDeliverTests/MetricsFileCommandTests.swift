import Foundation
import Testing
import RobinModel
import RobinTestSupport

private let cli = CommandRunner()

/// metrics.json as `report`, `email` and `publish` meet it: one reader, one
/// set of headline measures, and no number that can crash them.
@Suite("metrics.json through the commands")
struct MetricsFileCommandTests {
    /// `report --offline` on the synthetic week; returns the output folder.
    static func report(in work: String, output: String? = nil) async throws -> (output: String, result: CommandRunner.Result) {
        let cache = try Fixture.weekCache(in: work)
        let out = output ?? work + "/Output"
        let result = try await cli.run(["report", "--week", "2026-W47", "--offline", "--org", "1", "--config", Fixture.weekConfig,
                                  "--cache", cache, "--output", out, "--quiet"], directory: work)
        return (out, result)
    }

    static func email(_ report: String, cache: String) async throws -> CommandRunner.Result {
        try await cli.run(["email", "--report", report, "--to", "ann@example.com", "--from", "reports@example.com",
                     "--dry-run", "--cache", cache])
    }

    /// The report's headline table: label, value, previous, change.
    static func reportHeadline(_ markdown: String) -> [[String]] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| Measure | This period |") }) else { return [] }
        return lines[(header + 2)...].prefix { $0.hasPrefix("| ") }.map { line in
            Array(line.dropFirst(2).dropLast(2).components(separatedBy: " | ").prefix(4))
        }
    }

    /// The email's headline table, as text: label, value, previous, change.
    static func emailHeadline(_ html: String) -> [[String]] {
        let labels = Set(Measure.headline.map(\.label))
        return html.components(separatedBy: "<tr>").dropFirst().compactMap { row in
            let cells = row.components(separatedBy: "<td").dropFirst().map { cell in
                var text = String(cell.drop { $0 != ">" }.dropFirst())
                while let open = text.range(of: "<"), let close = text[open.lowerBound...].range(of: ">") {
                    text.removeSubrange(open.lowerBound..<close.upperBound)
                }
                for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                    text = text.replacingOccurrences(of: entity, with: character)
                }
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return cells.count == 4 && labels.contains(cells[0]) ? cells : nil
        }
    }

    @Test("the report's title and headline table and the email's show the same labels and numbers for the same metrics.json")
    func sameHeadline() async throws {
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let (out, report) = try await Self.report(in: work)
        #expect(report.status == 0, "\(report.stderr)")
        let folder = out + "/2026-W47"
        let email = try await Self.email(folder, cache: work + "/sent")
        #expect(email.status == 0, "\(email.stderr)")
        let html = try #require(try await Python.inspect(folder + "/email.eml").part("text/html")?.content)

        let fromReport = Self.reportHeadline(try String(contentsOfFile: folder + "/report.md", encoding: .utf8))
        let fromEmail = Self.emailHeadline(html)
        #expect(fromReport.map(\.first) == Measure.headline.map(\.label))
        #expect(fromEmail == fromReport)
        // The same title: the report's first line is the email's heading and, by default, its subject.
        let title = try String(contentsOfFile: folder + "/report.md", encoding: .utf8).split(separator: "\n")[0].dropFirst(2)
        #expect(title == "Workplace report: Week 47, 2026")
        #expect(html.contains(">\(title)</h1>"))
        // The week before is in the cache (empty but for the overlap), so there is something to compare with.
        #expect(fromReport[0] == ["People in the office", "59", "1", "▲ 5,800.0%"])
        #expect(fromReport[2][1] == "42 (Tue 17 Nov)")
    }

    @Test("email and publish read today's metrics.json, one with keys they do not know, and one without optional keys",
          arguments: ["as written", "unknown keys", "optional keys absent"])
    func tolerantReading(variant: String) async throws {
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let report = try Fixture.reportCopy(in: work)
        var json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(
            fileURLWithPath: Fixture.root.appendingPathComponent("Tests/RobinDeliverTests/Fixtures/metrics-schema-1.json").path)))
            as? [String: Any])
        var desks = json["desks"] as! [String: Any], total = desks["total"] as! [String: Any]
        switch variant {
        case "unknown keys":
            json["insights_v2"] = [["kind": "future"]]
            total["median_arrival"] = "09:12"
        case "optional keys absent":
            json["previous"] = nil
            json["rooms"] = nil
            desks["by_type"] = nil
            total["policy_adherence"] = nil
        default:
            break
        }
        desks["total"] = total
        json["desks"] = desks
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: report + "/metrics.json"))

        let email = try await Self.email(report, cache: work + "/sent")
        #expect(email.status == 0, "\(email.stderr)")
        let html = try #require(try await Python.inspect(report + "/email.eml").part("text/html")?.content)
        #expect(Self.emailHeadline(html).map { $0[1] }.prefix(3) == ["59", "32.8", "42 (Tue 17 Nov)"])

        let repo = try await GitRepo()
        defer { repo.remove() }
        let publish = try await cli.run(["publish", "--report", report, "--repo", repo.path], environment: repo.environment)
        #expect(publish.status == 0, "\(publish.stderr)")
        let roomUse = variant == "optional keys absent" ? "—" : "41.7%"
        #expect(try repo.read("reports/index.md").contains(
            "| [Week 47, 2026](2026-W47/report.md) | 16–22 November 2026 | 59 | 32.8 | 67.1% | \(roomUse) |"))
    }

    @Test("an out-of-range number in metrics.json crashes nothing: huge figures are written out, impossible counts are exit 3 naming the path")
    func outOfRange() async throws {
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let huge = try Fixture.reportCopy(from: "2026-11-16", to: "2026-11-22", in: work)
        let original = try String(contentsOfFile: huge + "/metrics.json", encoding: .utf8)
        try Data(original.replacingOccurrences(of: "\"avg_daily_people\": 32.8,", with: "\"avg_daily_people\": 1e300,").utf8)
            .write(to: URL(fileURLWithPath: huge + "/metrics.json"))
        let written = "1" + String(repeating: ",000", count: 100) + ".0"

        let email = try await Self.email(huge, cache: work + "/sent")
        #expect(email.status == 0, "\(email.stderr)")
        #expect(try await Python.inspect(huge + "/email.eml").part("text/html")?.content.contains(">\(written)</td>") == true)
        let repo = try await GitRepo()
        defer { repo.remove() }
        let publish = try await cli.run(["publish", "--report", huge, "--repo", repo.path], environment: repo.environment)
        #expect(publish.status == 0, "\(publish.stderr)")
        #expect(try repo.read("reports/index.md").contains("| 59 | \(written) | 67.1% |"))

        for (value, problem) in [("-1", "-1 is not a count (a whole number from 0 to 9,007,199,254,740,991)"),
                                 ("1e30", "1e+30 is not a count (a whole number from 0 to 9,007,199,254,740,991)")] {
            let badFolder = try TemporaryFolder("robin-deliver")
            defer { badFolder.remove() }
            let bad = try Fixture.reportCopy(in: badFolder.path)
            try Data(original.replacingOccurrences(of: "\"people\": 59,", with: "\"people\": \(value),").utf8)
                .write(to: URL(fileURLWithPath: bad + "/metrics.json"))
            let message = "robin-report: \(bad)/metrics.json: desks.total.people: \(problem)\n"
            let refused = try await Self.email(bad, cache: work + "/sent")
            #expect(refused.status == 3)
            #expect(refused.stderr == message)
            let clean = try await GitRepo()
            defer { clean.remove() }
            let unpublished = try await cli.run(["publish", "--report", bad, "--repo", clean.path], environment: clean.environment)
            #expect(unpublished.status == 3)
            #expect(unpublished.stderr == message)
            // Refused before anything was copied: the next run is not blocked by a half-written repository.
            #expect(try await clean.git("status", "--porcelain", "--untracked-files=all").isEmpty)
        }
    }

    @Test("report's index of Output/ survives bad and odd folders: a huge figure is listed, an impossible one is named and left out, odd names stay in their row")
    func outputIndex() async throws {
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let out = work + "/Output"
        let original = try String(contentsOfFile: Fixture.report + "/metrics.json", encoding: .utf8)
        func plant(_ name: String, _ from: String, _ to: String, _ edit: (String) -> String = { $0 }) throws {
            try FileManager.default.createDirectory(atPath: "\(out)/\(name)", withIntermediateDirectories: true)
            let text = original.replacingOccurrences(of: "\"from\": \"2026-11-16\"", with: "\"from\": \"\(from)\"")
                .replacingOccurrences(of: "\"to\": \"2026-11-22\"", with: "\"to\": \"\(to)\"")
            try Data(edit(text).utf8).write(to: URL(fileURLWithPath: "\(out)/\(name)/metrics.json"))
        }
        try plant("2026-W40", "2026-09-28", "2026-10-04") {
            $0.replacingOccurrences(of: "\"avg_daily_people\": 32.8,", with: "\"avg_daily_people\": 1e300,")
        }
        try plant("2026-W41", "2026-10-05", "2026-10-11") { $0.replacingOccurrences(of: "\"people\": 59,", with: "\"people\": -1,") }
        try plant("W39 | copy (old) [x]", "2026-09-21", "2026-09-27")

        let (_, report) = try await Self.report(in: work, output: out)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr == "warning: \(out)/2026-W41/metrics.json: desks.total.people: -1 is not a count "
                + "(a whole number from 0 to 9,007,199,254,740,991); left out of the index\n")
        let index = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
        let rows = index.split(separator: "\n").filter { $0.hasPrefix("| [") }
        #expect(rows == [
            "| [Week 47, 2026](2026-W47/report.md) | 16–22 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "| [Week 40, 2026](2026-W40/report.md) | 28 September – 4 October 2026 | 59 | 1\(String(repeating: ",000", count: 100)).0 | 67.1% | 41.7% |",
            "| [Week 39, 2026 \\(W39 \\| copy \\(old\\) \\[x\\]\\)](W39%20%7C%20copy%20%28old%29%20%5Bx%5D/report.md) | 21–27 September 2026 | 59 | 32.8 | 67.1% | 41.7% |",
        ])
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("<a href=\"W39%20%7C%20copy%20%28old%29%20%5Bx%5D/report.html\">Week 39, 2026 (W39 | copy (old) [x])</a>"))
    }
}
