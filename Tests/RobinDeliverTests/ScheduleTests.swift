import Foundation
import Testing
import RobinTestSupport

/// examples/weekly-report.sh, the Monday job of the README ("Run it every Monday"), run twice for
/// real: `report` against the Robin API simulator on loopback (the only change
/// to the job is the simulator's base URL and a fast clock), a real SMTP server,
/// a docs repository with a remote to push to, no git identity.
@Suite("the Monday job")
struct ScheduleTests {
    @Test("mails and publishes once; a rerun mails nothing, commits nothing, and says so in one line")
    func weeklyJobTwice() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        let repo = try await GitRepo()
        defer { repo.remove() }
        let scratch = try TemporaryFolder("robin-monday")
        defer { scratch.remove() }
        let home = scratch.file("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)

        // The docs repository: a clone with one commit on origin/main.
        let remote = scratch.file("docs.git")
        try await repo.git("init", "--quiet", "--bare", "--initial-branch=main", remote)
        try await repo.git("remote", "add", "origin", remote)
        try Data("# Docs\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/README.md"))
        try await repo.git("add", "README.md")
        try await repo.git("commit", "--quiet", "-m", "Start", environment: [
            "GIT_AUTHOR_NAME": "Someone", "GIT_AUTHOR_EMAIL": "someone@example.com",
            "GIT_COMMITTER_NAME": "Someone", "GIT_COMMITTER_EMAIL": "someone@example.com"])
        try await repo.git("push", "--quiet", "-u", "origin", "main")

        // Robin's API: the simulator, serving the synthetic organisation.
        let simulator = try await SimulatorProcess(token: "monday-token")
        defer { simulator.stop() }

        try Data("""
            org_id = 9
            timezone = "America/New_York"

            [email]
            from = "reports@example.com"
            to = ["leaders@example.com"]
            smtp_url = "\(sink.url)"
            """.utf8).write(to: URL(fileURLWithPath: home + "/robin-report.toml"))
        let shim = home + "/robin-report-shim"
        try await TestProcess.writeExecutable("""
            #!/bin/sh
            if [ "$1" = report ]; then
              exec '\(CommandRunner().executable.path)' "$@" --base-url '\(simulator.baseURL)' --poll-interval 0.1 --posts-per-minute 600
            fi
            exec '\(CommandRunner().executable.path)' "$@"

            """, to: shim)

        var environment = repo.environment
        environment["ROBIN_HOME"] = home
        environment["DOCS_REPO"] = repo.path
        environment["ROBIN_REPORT"] = shim
        environment["ROBIN_API_TOKEN"] = "monday-token"
        let script = Fixture.root.appendingPathComponent("examples/weekly-report.sh").path
        let run = { try await TestProcess.run("/bin/sh", [script], environment: environment) }

        // The week the job picks: the ISO week that ended last Sunday.
        let week = try await TestProcess.output("/bin/sh", ["-c", "date -d \"-$(date +%u) days\" +%G-W%V"], environment: environment)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let weekNumber = Int(week.suffix(2))!, year = week.prefix(4)

        let first = try await run()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty && first.stderr.isEmpty, "\(first.stdout)\(first.stderr)")
        #expect(await sink.waitForMessages(1).count == 1)
        let pushed = try await repo.git("--git-dir", remote, "log", "--format=%s", "main")
        #expect(pushed.hasPrefix("Add workplace report for Week \(weekNumber), \(year) ("), "\(pushed)")
        #expect(try await repo.git("--git-dir", remote, "ls-tree", "-r", "--name-only", "main").contains("reports/\(week)/report.md"))

        let second = try await run()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.isEmpty)
        #expect(second.stderr.split(separator: "\n").count == 1)
        #expect(second.stderr.hasPrefix("robin-report: \(week) was already sent at "), "\(second.stderr)")
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.messages().count == 1)
        #expect(try await repo.git("--git-dir", remote, "rev-list", "--count", "main") == "2\n")
    }
}

/// `robin-report simulate` as a child process on a free loopback port.
private struct SimulatorProcess {
    let process: TestProcess
    let baseURL: String

    init(token: String) async throws {
        process = try CommandRunner().start(["simulate", "--token", token, "--ready-after", "0.05", "--posts-per-minute", "600"])
        // The first line it prints is its base URL.
        baseURL = try await process.firstLine()
        guard baseURL.hasPrefix("http://127.0.0.1:") else {
            process.kill()
            throw TestProcess.Failure.noLine(command: "robin-report simulate (said \"\(baseURL)\")", stderr: process.stderr)
        }
    }

    func stop() {
        process.kill(SIGTERM)
    }
}
