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
    func weeklyJobTwice() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let repo = try GitRepo()
        let home = try Fixture.temporaryFolder()

        // The docs repository: a clone with one commit on origin/main.
        let remote = try Fixture.temporaryFolder() + "/docs.git"
        try repo.git("init", "--quiet", "--bare", "--initial-branch=main", remote)
        try repo.git("remote", "add", "origin", remote)
        try Data("# Docs\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/README.md"))
        try repo.git("add", "README.md")
        try repo.git("commit", "--quiet", "-m", "Start", environment: [
            "GIT_AUTHOR_NAME": "Someone", "GIT_AUTHOR_EMAIL": "someone@example.com",
            "GIT_COMMITTER_NAME": "Someone", "GIT_COMMITTER_EMAIL": "someone@example.com"])
        try repo.git("push", "--quiet", "-u", "origin", "main")

        // Robin's API: the simulator, serving the synthetic organisation.
        let simulator = try SimulatorProcess(token: "monday-token")
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
        try Data("""
            #!/bin/sh
            if [ "$1" = report ]; then
              exec '\(CommandRunner().executable.path)' "$@" --base-url '\(simulator.baseURL)' --poll-interval 0.1 --posts-per-minute 600
            fi
            exec '\(CommandRunner().executable.path)' "$@"
            """.utf8).write(to: URL(fileURLWithPath: shim))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim)

        var environment = repo.environment
        environment["ROBIN_HOME"] = home
        environment["DOCS_REPO"] = repo.path
        environment["ROBIN_REPORT"] = shim
        environment["ROBIN_API_TOKEN"] = "monday-token"
        let script = Fixture.root.appendingPathComponent("examples/weekly-report.sh").path
        let run = { try ScriptResult.run(script, environment: environment) }

        // The week the job picks: the ISO week that ended last Sunday.
        let week = try ScriptResult.run("/bin/sh", arguments: ["-c", "date -d \"-$(date +%u) days\" +%G-W%V"], environment: environment)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let weekNumber = Int(week.suffix(2))!, year = week.prefix(4)

        let first = try run()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty && first.stderr.isEmpty, "\(first.stdout)\(first.stderr)")
        #expect(sink.waitForMessages(1).count == 1)
        let pushed = try repo.git("--git-dir", remote, "log", "--format=%s", "main")
        #expect(pushed.hasPrefix("Add workplace report for week \(weekNumber), \(year) ("), "\(pushed)")
        #expect(try repo.git("--git-dir", remote, "ls-tree", "-r", "--name-only", "main").contains("reports/\(week)/report.md"))

        let second = try run()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.isEmpty)
        #expect(second.stderr.split(separator: "\n").count == 1)
        #expect(second.stderr.hasPrefix("robin-report: \(week) was already sent at "), "\(second.stderr)")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(sink.messages().count == 1)
        #expect(try repo.git("--git-dir", remote, "rev-list", "--count", "main") == "2\n")
    }
}

/// What a script printed and its exit status.
private struct ScriptResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `script` with /bin/sh and exactly `environment`.
    static func run(_ script: String, arguments: [String]? = nil, environment: [String: String]) throws -> ScriptResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = arguments ?? [script]
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return ScriptResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// `robin-report simulate` as a child process on a free loopback port.
private final class SimulatorProcess {
    let process = Process()
    let baseURL: String

    init(token: String) throws {
        process.executableURL = CommandRunner().executable
        process.arguments = ["simulate", "--token", token, "--ready-after", "0.05", "--posts-per-minute", "600"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line it prints is its base URL.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        baseURL = String(decoding: line, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard baseURL.hasPrefix("http://127.0.0.1:") else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
