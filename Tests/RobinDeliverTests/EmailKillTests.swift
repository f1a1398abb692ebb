import Foundation
import Testing
import RobinTestSupport

/// `email` killed with kill -9 after the SMTP server took the message but
/// before the sent-log said so (the Monday job's soak, scripts/soak_job.py,
/// kills the job at random points): the rerun must not mail anyone twice.
@Suite("email under kill -9")
struct EmailKillTests {
    @Test("killed while waiting for the server's answer to the final '.': the rerun sends nothing, says the status is unknown; --resend sends")
    func killedAfterTheServerTookTheMessage() async throws {
        // This server writes the message, then never answers the final ".".
        let silent = try await SMTPSink(stall: "data-end")
        defer { silent.stop() }
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let cache = work + "/cache"
        func arguments(_ sink: SMTPSink) -> [String] {
            ["email", "--report", Fixture.report, "--to", "ann@example.com", "--from", "reports@example.com",
             "--smtp", sink.url, "--cache", cache]
        }
        let process = try CommandRunner().start(arguments(silent), directory: work)
        #expect(await silent.waitForMessages(1).count == 1)
        process.kill()
        let killed = try await process.wait()
        #expect(killed.signaled && killed.status == SIGKILL)

        let sink = try await SMTPSink()
        defer { sink.stop() }
        let rerun = try await CommandRunner().run(arguments(sink), directory: work)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.isEmpty)
        #expect(rerun.stderr.hasPrefix("robin-report: 2026-W47: an earlier run handed the message of "))
        #expect(rerun.stderr.hasSuffix(" to ann@example.com (\(cache)/sent-log.tsv) to the server and stopped before its answer: "
                + "delivery status unknown; nothing sent (check with the recipients; add --resend to send it again)\n"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.messages().isEmpty, "mailed twice")

        let resent = try await CommandRunner().run(arguments(sink) + ["--resend"], directory: work)
        #expect(resent.status == 0, "\(resent.stderr)")
        #expect(await sink.waitForMessages(1).count == 1)
        let again = try await CommandRunner().run(arguments(sink), directory: work)
        #expect(again.stderr.hasPrefix("robin-report: 2026-W47 was already sent at "), "\(again.stderr)")
    }
}
