import Foundation
import Testing
@testable import RobinDeliver
import RobinModel
import RobinTestSupport

/// `--sendmail` with commands that hang, leave children behind or die by a
/// signal: real shells, real processes, found afterwards in /proc.
@Suite("sendmail command faults")
struct SendmailTests {
    private func message() -> EmailMessage {
        EmailMessage(from: Fixture.sender, to: Fixture.leaders, subject: "Report", date: Date(),
                     messageID: "<sendmail@example.com>", text: "Hello\n", html: "<p>Hello</p>\n")
    }

    @Test("a hung command is killed at the time limit with every process it started", arguments: [
        "sleep MARK & sleep MARK",
        // Ignoring SIGTERM (inherited by both sleeps) does not save them: SIGKILL follows.
        "trap '' TERM; sleep MARK & sleep MARK",
    ])
    func timeoutKillsTheGroup(template: String) async throws {
        let mark = Processes.marker()
        let command = template.replacingOccurrences(of: "MARK", with: mark)
        let transport = SendmailTransport(command: command, timeout: 1)
        let message = self.message()
        let error = try await #require(throws: DeliveryError.self) { try await Blocking.run { try transport.send(message) } }
        #expect(error.exitStatus == .runtime)
        #expect(error.message == "sendmail command \"\(command)\" did not finish within 1 s and was killed with every "
                + "process it started; delivery status unknown: the command may have sent the message; not recorded "
                + "as sent; check before --resend")
        #expect(await Processes.waitUntilGone(mark), "left behind: \(Processes.matching(mark))")
    }

    @Test("a command that exits but leaves a child holding its output: the child is killed at the time limit")
    func leftoverChild() async throws {
        let mark = Processes.marker()
        let transport = SendmailTransport(command: "cat >/dev/null; sleep \(mark) & exit 0", timeout: 1)
        let message = self.message()
        try await Blocking.run { try transport.send(message) }
        #expect(await Processes.waitUntilGone(mark), "left behind: \(Processes.matching(mark))")
    }

    @Test("a command killed by a signal is said to be, not to have exited with a status")
    func signalNamed() async throws {
        let message = self.message()
        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run { try SendmailTransport(command: "kill -9 $$").send(message) }
        }
        #expect(error.message == "sendmail command \"kill -9 $$\" was killed by signal 9 (SIGKILL)")
        let term = try await #require(throws: DeliveryError.self) {
            try await Blocking.run {
                try SendmailTransport(command: "echo 'relay gone' >&2; kill -TERM $$").send(message)
            }
        }
        #expect(term.message == "sendmail command \"echo 'relay gone' >&2; kill -TERM $$\" was killed by signal 15 (SIGTERM): relay gone")
    }

    @Test("a command that reads nothing and exits 0 still succeeds; one that reads all of a large message gets all of it")
    func input() async throws {
        let message = self.message()
        try await Blocking.run { try SendmailTransport(command: "exit 0").send(message) }
        let work = try TemporaryFolder("robin-sendmail")
        defer { work.remove() }
        let out = work.file("piped.eml")
        var large = message
        large.text = String(repeating: "0123456789 abcdefghij\n", count: 50_000)
        let sent = large
        try await Blocking.run { try SendmailTransport(command: "cat > '\(out)'").send(sent) }
        // Rendering a megabyte takes a while in a debug build: off the cooperative pool.
        let expected = await HeavyWork.run { Data(sent.rendered.replacingAll("\r\n", with: "\n").utf8) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == expected)
    }

    @Test("the command: --sendmail-timeout bounds it, exit 1, nothing recorded in the sent-log")
    func command() async throws {
        let scratch = try TemporaryFolder("robin-sendmail")
        defer { scratch.remove() }
        let work = scratch.path
        let mark = Processes.marker()
        let result = try await CommandRunner().run([
            "email", "--report", Fixture.report, "--to", "ann@example.com", "--from", "reports@example.com",
            "--sendmail", "sleep \(mark)", "--sendmail-timeout", "1", "--cache", work + "/cache",
        ])
        #expect(result.status == 1)
        #expect(result.stderr == "robin-report: sendmail command \"sleep \(mark)\" did not finish within 1 s and was killed "
                + "with every process it started; delivery status unknown: the command may have sent the message; not "
                + "recorded as sent; check before --resend\n")
        let log = (try? String(contentsOfFile: work + "/cache/sent-log.tsv", encoding: .utf8)) ?? ""
        #expect(log.split(separator: "\n").filter { !$0.hasPrefix("#") }.isEmpty)
        #expect(await Processes.waitUntilGone(mark))

        let bad = try await CommandRunner().run(["email", "--report", Fixture.report, "--to", "ann@example.com",
                                           "--from", "reports@example.com", "--sendmail", "cat", "--sendmail-timeout", "0"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("Error: --sendmail-timeout 0.0: must be more than 0 and at most 86400 seconds\n"))
    }
}

/// Processes found by a unique marker in their command line (/proc).
enum Processes {
    /// A `sleep` duration no other process uses: "987.<random digits>".
    static func marker() -> String {
        "987.\(UInt32.random(in: 100_000...999_999))"
    }

    /// The pids whose command line contains `marker`.
    static func matching(_ marker: String) -> [Int] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(marker)
        }
    }

    /// Waits up to 5 s for every process with `marker` to be gone (a killed
    /// process needs a moment to be reaped); a sleep that was not killed
    /// lives on for 987 s.
    static func waitUntilGone(_ marker: String) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(5)
        while !matching(marker).isEmpty {
            if ContinuousClock.now > deadline { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}
