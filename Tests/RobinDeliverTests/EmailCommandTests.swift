import Foundation
import Testing
import RobinTestSupport

private let cli = CommandRunner()

/// `robin-report email` as cron runs it.
@Suite("email command")
struct EmailCommandTests {
    @Test("sends over SMTP once; a rerun sends nothing and says so; --resend sends again; the password is never shown")
    func sendOnceThenRefuse() async throws {
        let sink = try await SMTPSink(user: "reports", password: "pw-7f3a9c")
        defer { sink.stop() }
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let cache = work + "/cache"
        let arguments = ["email", "--report", Fixture.report, "--to", "Ann Leader <ann@example.com>", "bo@example.com",
                         "--from", "reports@example.com", "--smtp", sink.url, "--smtp-user", "reports", "--cache", cache]
        let environment = ["SMTP_PASSWORD": "pw-7f3a9c"]

        let first = try await cli.run(arguments, directory: work, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "sent \"Workplace report - Week 47, 2026\" to 2 recipients via \(sink.url)\n")
        #expect(await sink.waitForMessages(1).count == 1)

        let second = try await cli.run(arguments, directory: work, environment: environment)
        #expect(second.status == 0)
        #expect(second.stdout.isEmpty)
        #expect(second.stderr.hasPrefix("robin-report: 2026-W47 was already sent at "))
        #expect(second.stderr.hasSuffix(" to ann@example.com, bo@example.com (\(cache)/sent-log.tsv); nothing sent (add --resend to send it again)\n"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.messages().count == 1)

        let third = try await cli.run(arguments + ["--resend"], directory: work, environment: environment)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(await sink.waitForMessages(2).count == 2)

        let log = try String(contentsOfFile: cache + "/sent-log.tsv", encoding: .utf8)
        let entries = log.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0.hasPrefix("2026-W47\t") && $0.hasSuffix("\tann@example.com,bo@example.com") })
        for text in [first.stdout, first.stderr, second.stderr, third.stdout, third.stderr, log] {
            #expect(!text.contains("pw-7f3a9c"))
        }
        for file in sink.messages() { #expect(try !String(contentsOfFile: file, encoding: .utf8).contains("pw-7f3a9c")) }
    }

    @Test("defaults come from the [email] table of the configuration")
    func configDefaults() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        try Data("""
            cache = "\(work)/cache"

            [email]
            from = "Workplace Team <reports@example.com>"
            to = ["ann@example.com"]
            cc = ["cfo@example.com"]
            subject = "Office week: {period} ({folder})"
            smtp_url = "\(sink.url)"
            """.utf8).write(to: URL(fileURLWithPath: work + "/robin-report.toml"))
        let result = try await cli.run(["email", "--report", Fixture.report], directory: work)
        #expect(result.status == 0, "\(result.stderr)")
        let files = await sink.waitForMessages(1)
        try #require(files.count == 1)
        let parsed = try await Python.inspect(files[0])
        #expect(parsed.headers["Subject"] == "Office week: Week 47, 2026 (2026-W47)")
        #expect(parsed.to == ["ann@example.com"] && parsed.cc == ["cfo@example.com"])
        #expect(FileManager.default.fileExists(atPath: work + "/cache/sent-log.tsv"))
    }

    @Test("--dry-run writes email.eml in the report folder, sends nothing and logs nothing")
    func dryRun() async throws {
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let report = try Fixture.reportCopy(in: work)
        let arguments = ["email", "--report", report, "--to", "ann@example.com", "--from", "reports@example.com",
                         "--subject", "Rapport – {period}", "--dry-run", "--cache", work + "/cache"]
        let result = try await cli.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(report)/email.eml (dry run: nothing sent)\n")
        let parsed = try await Python.inspect(report + "/email.eml")
        #expect(parsed.headers["Subject"] == "Rapport – Week 47, 2026")
        #expect(parsed.parts.map(\.content_type) == ["text/plain", "text/html"])
        #expect(parsed.max_line_octets < 998 && parsed.crlf && !parsed.bare_lf)
        #expect(parsed.defects.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: work + "/cache/sent-log.tsv"))
        // A dry run may be repeated: it is never "already sent".
        #expect(try await cli.run(arguments).status == 0)
    }

    @Test("--sendmail pipes the message to the command; a failing command is a one-line error")
    func sendmail() async throws {
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let out = work + "/piped.eml"
        let result = try await cli.run(["email", "--report", Fixture.report, "--to", "ann@example.com", "--from", "reports@example.com",
                                  "--sendmail", "cat > '\(out)'", "--cache", work + "/cache"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "sent \"Workplace report - Week 47, 2026\" to 1 recipient via sendmail command \"cat > '\(out)'\"\n")
        let parsed = try await Python.inspect(out)
        #expect(!parsed.crlf)  // local mail programs take LF line ends
        #expect(parsed.defects.isEmpty)
        #expect(parsed.part("text/plain")?.content.contains("| Desk utilization | 67.1% |") == true)

        let failing = try await cli.run(["email", "--report", Fixture.report, "--to", "ann@example.com", "--from", "reports@example.com",
                                   "--sendmail", "echo 'msmtp: cannot connect' >&2; exit 75", "--cache", work + "/cache2"])
        #expect(failing.status == 1)
        #expect(failing.stderr == "robin-report: sendmail command \"echo 'msmtp: cannot connect' >&2; exit 75\" exited with status 75: msmtp: cannot connect\n")
        // Nothing was sent, so nothing is recorded (the log may exist with its header only).
        let log = (try? String(contentsOfFile: work + "/cache2/sent-log.tsv", encoding: .utf8)) ?? ""
        #expect(log.split(separator: "\n").filter { !$0.hasPrefix("#") }.isEmpty)
    }

    @Test("usage errors: exit 2 and a line saying what is wrong, before connecting anywhere", arguments: [
        (["--smtp", "smtp://mail.example.com:587", "--no-starttls"], 2,
         "robin-report: smtp://mail.example.com:587: STARTTLS is required to mail.example.com, which is not this machine (plain SMTP is allowed only to localhost, 127.0.0.1 or ::1)\n"),
        (["--smtp", "smtp://reports:hunter2@mail.example.com"], 2,
         "Error: --smtp: the URL must not hold a user or password: give the user with --smtp-user (or email.smtp_user) and the password in SMTP_PASSWORD\n"),
        (["--smtp", "smtp://127.0.0.1:1", "--dry-run"], 2, "Error: give one of --smtp, --sendmail and --dry-run\n"),
        ([], 2, "robin-report: say how to send: --smtp URL, --sendmail CMD or --dry-run (or set email.smtp_url or email.sendmail in the configuration)\n"),
        (["--dry-run", "--to", "not-an-address"], 2, "Error: \"not-an-address\" is not an address like name@example.com\n"),
        (["--dry-run", "--subject", "Week {week}"], 2, "Error: --subject: unknown placeholder {week} (known: {period}, {from}, {to}, {folder}, {headline}, {audience})\n"),
    ] as [([String], Int32, String)])
    func errors(arguments: [String], status: Int32, message: String) async throws {
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        var base = ["email", "--report", Fixture.report, "--from", "reports@example.com", "--cache", work + "/cache"]
        if !arguments.contains("--to") { base += ["--to", "ann@example.com"] }
        let result = try await cli.run(base + arguments, directory: work)
        #expect(result.status == status)
        // The first line says what is wrong (argument-parser adds the usage after flag errors).
        #expect(String(result.stderr.prefix { $0 != "\n" }) + "\n" == message)
        #expect(!result.stderr.contains("hunter2"))
        #expect(result.duration < .seconds(10))  // refused before connecting anywhere
    }

    @Test("a missing report folder exits 1; a folder without metrics.json exits 3")
    func badReports() async throws {
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let missing = try await cli.run(["email", "--report", work + "/nope", "--to", "a@example.com", "--from", "b@example.com", "--dry-run"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "robin-report: \(work)/nope: no such report folder\n")
        let report = try Fixture.reportCopy(in: work)
        try FileManager.default.removeItem(atPath: report + "/metrics.json")
        let incomplete = try await cli.run(["email", "--report", report, "--to", "a@example.com", "--from", "b@example.com", "--dry-run"])
        #expect(incomplete.status == 3)
        #expect(incomplete.stderr == "robin-report: \(report)/metrics.json: missing (is \(report) a report folder written by robin-report report?)\n")
    }
}
