import Foundation
import Testing
@testable import RobinDeliver
import RobinModel
import RobinTestSupport

/// `publish` into real git repositories made in temporary folders, with no git
/// identity configured (HOME is a fresh folder).
@Suite("publish, for real")
struct PublishTests {
    @Test("copies the report, writes the index, commits with the period and headline figures")
    func firstPublish() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        let outcome = try await Blocking.run {
            try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
        }
        guard case .committed(let commit, let message, let path) = outcome else {
            Issue.record("expected a commit, got \(outcome)")
            return
        }
        #expect(path == "reports/2026-W47")
        #expect(try await repo.commitCount() == 1)
        #expect(try await repo.git("rev-parse", "--short", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) == commit)
        let files = try await repo.git("ls-tree", "-r", "--name-only", "HEAD").split(separator: "\n")
        #expect(files == ["reports/2026-W47/charts/daily-attendance.svg", "reports/2026-W47/charts/desk-utilization-by-building.svg",
                          "reports/2026-W47/charts/room-heatmap.svg", "reports/2026-W47/metrics.json",
                          "reports/2026-W47/report.md", "reports/index.md"])
        #expect(try repo.read("reports/2026-W47/report.md") == String(contentsOfFile: Fixture.report + "/report.md", encoding: .utf8))
        #expect(try repo.read("reports/2026-W47/metrics.json") == String(contentsOfFile: Fixture.report + "/metrics.json", encoding: .utf8))

        let log = try await repo.git("log", "-1", "--format=%an <%ae>|%cn <%ce>|%B")
        let fields = log.split(separator: "|", maxSplits: 2).map(String.init)
        #expect(fields[0] == "robin-report <robin-report@localhost>")
        #expect(fields[1] == "robin-report <robin-report@localhost>")
        #expect(fields[2] == message + "\n")
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Add workplace report for Week 47, 2026 (People 59, Desk use 67.1%, Room use 41.7%)")
        // Every headline measure, in the report's words and numbers.
        #expect(Array(lines[2..<(2 + Measure.headline.count)]) == [
            "People in the office: 59; previous 55, ▲ 7.3%",
            "Average daily attendance: 32.8; previous 30.4, ▲ 7.9%",
            "Peak day attendance: 42 (Tue 17 Nov); previous 39, ▲ 7.7%",
            "Desk utilization: 67.1%; previous 64.7%, ▲ 2.4 pts",
            "Desk check-in rate: 86.0%; previous 84.1%, ▲ 1.8 pts",
            "Desk no-show rate: 6.9%; previous 7.6%, ▼ 0.6 pts",
            "Room utilization: 41.7%; previous 42.3%, ▼ 0.6 pts",
            // The hand-made fixture predates avg_meeting_minutes: absent, so "—".
            "Average meeting minutes: —; previous —, no change to show",
            "Ghost-meeting rate: 11.3%; previous 10.1%, ▲ 1.1 pts",
            "Policy adherence: 62.7%; previous 63.6%, ▼ 0.9 pts",
        ])
        #expect(lines.contains("Period 2026-11-16 to 2026-11-22, 5 workdays; changes against the previous period."))
        #expect(try await repo.git("status", "--porcelain").isEmpty)
    }

    @Test("publishing the same report again makes no commit")
    func idempotent() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        let publisher = Publisher(environment: repo.environment)
        _ = try await Blocking.run { try publisher.publish(reportFolder: Fixture.report, repository: repo.path) }
        let again = try await Blocking.run {
            try publisher.publish(reportFolder: Fixture.report, repository: repo.path)
        }
        #expect(again == .unchanged(path: "reports/2026-W47"))
        #expect(try await repo.commitCount() == 1)
        #expect(try await repo.git("status", "--porcelain").isEmpty)
    }

    @Test("the index lists every report newest first, whatever order they were published in")
    func indexNewestFirst() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let publisher = Publisher(folder: "docs/office", environment: repo.environment)
        _ = try await Blocking.run { try publisher.publish(reportFolder: Fixture.report, repository: repo.path) }
        let november = try Fixture.reportCopy(from: "2026-11-01", to: "2026-11-30", in: work)
        let older = try Fixture.reportCopy(from: "2026-11-09", to: "2026-11-15", in: work)
        _ = try await Blocking.run { try publisher.publish(reportFolder: older, repository: repo.path) }
        _ = try await Blocking.run { try publisher.publish(reportFolder: november, repository: repo.path) }
        #expect(try await repo.commitCount() == 3)
        let index = try repo.read("docs/office/index.md")
        let rows = index.split(separator: "\n").filter { $0.hasPrefix("| [") || $0.hasPrefix("## ") }
        #expect(rows == [
            "## Weeks",
            "| [Week 47, 2026](2026-W47/report.md) | 16–22 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "| [Week 46, 2026](2026-W46/report.md) | 9–15 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
            "## Months",
            "| [November 2026](2026-11/report.md) | 1–30 November 2026 | 59 | 32.8 | 67.1% | 41.7% |",
        ])
        #expect(index.contains("| Report | Dates | People in the office | Average daily attendance | Desk utilization | Room utilization |"))
        #expect(try await repo.git("log", "-1", "--format=%s").hasPrefix("Add workplace report for November 2026 ("))
    }

    @Test("a changed report replaces the old files (a dropped chart goes too) in an Update commit")
    func update() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        let publisher = Publisher(environment: repo.environment)
        _ = try await Blocking.run { try publisher.publish(reportFolder: Fixture.report, repository: repo.path) }
        let work = try TemporaryFolder("robin-deliver")
        defer { work.remove() }
        let report = try Fixture.reportCopy(in: work.path)
        try FileManager.default.removeItem(atPath: report + "/charts/room-heatmap.svg")
        try Data("# Corrected\n".utf8).write(to: URL(fileURLWithPath: report + "/report.md"))
        let outcome = try await Blocking.run { try publisher.publish(reportFolder: report, repository: repo.path) }
        guard case .committed(_, let message, _) = outcome else {
            Issue.record("expected a commit")
            return
        }
        #expect(message.hasPrefix("Update workplace report for Week 47, 2026"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports/2026-W47/charts/room-heatmap.svg"))
        #expect(try repo.read("reports/2026-W47/report.md") == "# Corrected\n")
        #expect(try await repo.git("status", "--porcelain").isEmpty)
    }

    @Test("git's own identity is used when it has one; --author overrides it")
    func identities() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        try await repo.git("config", "user.name", "Docs Bot")
        try await repo.git("config", "user.email", "docs@example.com")
        _ = try await Blocking.run {
            try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
        }
        #expect(try await repo.git("log", "-1", "--format=%an <%ae>") == "Docs Bot <docs@example.com>\n")

        let bare = try await GitRepo()
        defer { bare.remove() }
        let author = GitAuthor("Workplace Team <workplace@example.com>")
        _ = try await Blocking.run {
            try Publisher(author: author, environment: bare.environment).publish(reportFolder: Fixture.report, repository: bare.path)
        }
        #expect(try await bare.git("log", "-1", "--format=%an <%ae>|%cn <%ce>") == "Workplace Team <workplace@example.com>|Workplace Team <workplace@example.com>\n")
    }

    @Test("--no-commit copies and indexes but leaves committing to the user")
    func noCommit() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        let outcome = try await Blocking.run {
            try Publisher(commit: false, environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
        }
        #expect(outcome == .copied(path: "reports/2026-W47"))
        #expect(try await repo.commitCount() == 0)
        #expect(try await repo.git("status", "--porcelain", "--untracked-files=all").contains("?? reports/index.md"))
    }

    @Test("a dirty, missing or non-git folder is a clear error and nothing is written")
    func refusals() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        try Data("draft\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/notes.md"))
        let dirty = try await #require(throws: DeliveryError.self) {
            try await Blocking.run {
                try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
            }
        }
        #expect(dirty.kind == .usage)
        #expect(dirty.message == "--repo \(repo.path) has uncommitted changes (?? notes.md); commit or stash them first, or use --no-commit")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports"))

        let missing = try await #require(throws: DeliveryError.self) {
            try await Blocking.run {
                try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path + "/nope")
            }
        }
        #expect(missing.message == "--repo \(repo.path)/nope: no such folder (clone the docs repository there first)")

        let plainFolder = try TemporaryFolder("robin-deliver")
        defer { plainFolder.remove() }
        let plain = plainFolder.path
        let notGit = try await #require(throws: DeliveryError.self) {
            try await Blocking.run {
                try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: plain)
            }
        }
        #expect(notGit.message == "--repo \(plain): not a git work tree (clone the docs repository there, or git init it)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: plain).isEmpty)

        let escape = try await #require(throws: DeliveryError.self) {
            try await Blocking.run {
                try Publisher(folder: "../outside", environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
            }
        }
        #expect(escape.message == "--folder \"../outside\": must be a relative folder inside the repository, such as reports")
    }

    @Test("the command: one line on success, no commit on a rerun, exit 2 for a dirty repo; never pushes")
    func command() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        // A remote that must never be pushed to.
        let remoteFolder = try TemporaryFolder("robin-deliver")
        defer { remoteFolder.remove() }
        let remote = remoteFolder.path
        try await repo.git("init", "--quiet", "--bare", remote)
        try await repo.git("remote", "add", "origin", remote)
        let cli = CommandRunner()
        let arguments = ["publish", "--report", Fixture.report, "--repo", repo.path]
        let first = try await cli.run(arguments, environment: repo.environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("committed "))
        #expect(first.stdout.hasSuffix(" in \(repo.path): Add workplace report for Week 47, 2026 (People 59, Desk use 67.1%, Room use 41.7%) [reports/2026-W47]\n"))
        let second = try await cli.run(arguments, environment: repo.environment)
        #expect(second.status == 0)
        #expect(second.stdout == "nothing changed in \(repo.path) (reports/2026-W47 already holds this report): no commit\n")
        #expect(try await repo.commitCount() == 1)
        #expect(try await repo.git("--git-dir", remote, "rev-list", "--all").isEmpty)

        try Data("x\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/reports/index.md"))
        let dirty = try await cli.run(arguments, environment: repo.environment)
        #expect(dirty.status == 2)
        #expect(dirty.stderr == "robin-report: --repo \(repo.path) has uncommitted changes (M reports/index.md); commit or stash them first, or use --no-commit\n")
    }
}
