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
    func timeoutKillsTheGroup(template: String) throws {
        let mark = Processes.marker()
        let command = template.replacingOccurrences(of: "MARK", with: mark)
        let transport = SendmailTransport(command: command, timeout: 1)
        let error = try #require(throws: DeliveryError.self) { try transport.send(message()) }
        #expect(error.exitStatus == .runtime)
        #expect(error.message == "sendmail command \"\(command)\" did not finish within 1 s and was killed with every "
                + "process it started; delivery status unknown: the command may have sent the message; not recorded "
                + "as sent; check before --resend")
        #expect(Processes.waitUntilGone(mark), "left behind: \(Processes.matching(mark))")
    }

    @Test("a command that exits but leaves a child holding its output: the child is killed at the time limit")
    func leftoverChild() throws {
        let mark = Processes.marker()
        try SendmailTransport(command: "cat >/dev/null; sleep \(mark) & exit 0", timeout: 1).send(message())
        #expect(Processes.waitUntilGone(mark), "left behind: \(Processes.matching(mark))")
    }

    @Test("a command killed by a signal is said to be, not to have exited with a status")
    func signalNamed() throws {
        let error = try #require(throws: DeliveryError.self) {
            try SendmailTransport(command: "kill -9 $$").send(message())
        }
        #expect(error.message == "sendmail command \"kill -9 $$\" was killed by signal 9 (SIGKILL)")
        let term = try #require(throws: DeliveryError.self) {
            try SendmailTransport(command: "echo 'relay gone' >&2; kill -TERM $$").send(message())
        }
        #expect(term.message == "sendmail command \"echo 'relay gone' >&2; kill -TERM $$\" was killed by signal 15 (SIGTERM): relay gone")
    }

    @Test("a command that reads nothing and exits 0 still succeeds; one that reads all of a large message gets all of it")
    func input() throws {
        try SendmailTransport(command: "exit 0").send(message())
        let out = try Fixture.temporaryFolder() + "/piped.eml"
        var large = message()
        large.text = String(repeating: "0123456789 abcdefghij\n", count: 50_000)
        try SendmailTransport(command: "cat > '\(out)'").send(large)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(large.rendered.replacingAll("\r\n", with: "\n").utf8))
    }

    @Test("the command: --sendmail-timeout bounds it, exit 1, nothing recorded in the sent-log")
    func command() throws {
        let work = try Fixture.temporaryFolder()
        let mark = Processes.marker()
        let result = try CommandRunner().run([
            "email", "--report", Fixture.report, "--to", "ann@example.com", "--from", "reports@example.com",
            "--sendmail", "sleep \(mark)", "--sendmail-timeout", "1", "--cache", work + "/cache",
        ])
        #expect(result.status == 1)
        #expect(result.stderr == "robin-report: sendmail command \"sleep \(mark)\" did not finish within 1 s and was killed "
                + "with every process it started; delivery status unknown: the command may have sent the message; not "
                + "recorded as sent; check before --resend\n")
        let log = (try? String(contentsOfFile: work + "/cache/sent-log.tsv", encoding: .utf8)) ?? ""
        #expect(log.split(separator: "\n").filter { !$0.hasPrefix("#") }.isEmpty)
        #expect(Processes.waitUntilGone(mark))

        let bad = try CommandRunner().run(["email", "--report", Fixture.report, "--to", "ann@example.com",
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
    static func waitUntilGone(_ marker: String) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while !matching(marker).isEmpty {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }
}
