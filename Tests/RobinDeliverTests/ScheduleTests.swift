import Foundation
import Testing
import RobinTestSupport

/// examples/weekly-report.sh, the Monday job of the README ("Run it every Monday"), run twice for
/// real: a real SMTP server, a docs repository with a remote to push to, no git
/// identity. `report` is stood in for by a copy of the fixture report (the
/// renderer is not part of this stage); email and publish are the real commands.
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

        try Data("""
            [email]
            from = "reports@example.com"
            to = ["leaders@example.com"]
            smtp_url = "\(sink.url)"
            """.utf8).write(to: URL(fileURLWithPath: home + "/robin-report.toml"))
        let shim = home + "/robin-report-shim"
        try Data("""
            #!/bin/sh
            if [ "$1" = report ]; then rm -rf "Output/$3"; mkdir -p Output; cp -R '\(Fixture.report)' "Output/$3"; exit 0; fi
            exec '\(CommandRunner().executable.path)' "$@"
            """.utf8).write(to: URL(fileURLWithPath: shim))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim)

        var environment = repo.environment
        environment["ROBIN_HOME"] = home
        environment["DOCS_REPO"] = repo.path
        environment["ROBIN_REPORT"] = shim
        let script = Fixture.root.appendingPathComponent("examples/weekly-report.sh").path
        let run = { try ScriptResult.run(script, environment: environment) }

        let first = try run()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty && first.stderr.isEmpty, "\(first.stdout)\(first.stderr)")
        #expect(sink.waitForMessages(1).count == 1)
        let pushed = try repo.git("--git-dir", remote, "log", "--format=%s", "main")
        #expect(pushed.hasPrefix("Add workplace report for week 47, 2026 ("))
        #expect(try repo.git("--git-dir", remote, "ls-tree", "-r", "--name-only", "main").contains("reports/2026-W47/report.md"))

        let second = try run()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.isEmpty)
        #expect(second.stderr.split(separator: "\n").count == 1)
        #expect(second.stderr.hasPrefix("robin-report: 2026-W47 was already sent at "))
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
    static func run(_ script: String, environment: [String: String]) throws -> ScriptResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script]
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
