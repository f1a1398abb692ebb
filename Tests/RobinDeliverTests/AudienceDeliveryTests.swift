import Foundation
import Testing
import RobinDeliver
import RobinModel
import RobinTestSupport

private let cli = CommandRunner()

/// A period folder with audience reports, written by the real `report`, then
/// mailed through a real SMTP server and published into a real git repository.
@Suite("audience delivery")
struct AudienceDeliveryTests {
    /// A work folder holding the synthetic week's cache and a configuration of
    /// `email` keys and `audiences` (TOML tables); `report` writes Output/2026-W47.
    struct Work {
        let folder: TemporaryFolder
        var path: String { folder.path }

        init(email: String = "", audiences: String = Work.twoAudiences) throws {
            folder = try TemporaryFolder("robin-audiences")
            let path = folder.path
            let cache = try Fixture.weekCache(in: path)
            try write(email: email, audiences: audiences, cache: cache)
        }

        static let twoAudiences = """
            [[audiences]]
            name = "London site"
            buildings = ["London"]
            to = ["london-lead@example.com"]
            cc = ["ops@example.com"]

            [[audiences]]
            name = "Engineering"
            departments = ["Engineering"]
            to = ["eng-lead@example.com"]
            """

        func write(email: String, audiences: String, cache: String? = nil) throws {
            let zones = try String(contentsOfFile: Fixture.weekConfig, encoding: .utf8)
            let config = "org_id = 1\ncache = \"\(cache ?? path + "/cache")\"\noutput = \"\(path)/Output\"\n" + zones
                + "\n[email]\nfrom = \"Workplace Team <reports@example.com>\"\nto = [\"ann@example.com\"]\n\(email)\n\n\(audiences)\n"
            try Data(config.utf8).write(to: URL(fileURLWithPath: path + "/robin-report.toml"))
        }

        func report() async throws {
            let result = try await cli.run(["report", "--week", "2026-W47", "--offline", "--quiet"], directory: path)
            #expect(result.status == 0, "\(result.stderr)")
        }

        var period: String { path + "/Output/2026-W47" }

        func email(_ arguments: [String] = [], report: String? = nil) async throws -> CommandRunner.Result {
            try await cli.run(["email", "--report", report ?? period] + arguments, directory: path)
        }

        /// The sent-log's entries (comment lines left out).
        var sentLog: [Substring] {
            ((try? String(contentsOfFile: path + "/cache/sent-log.tsv", encoding: .utf8)) ?? "")
                .split(separator: "\n").filter { !$0.hasPrefix("#") }
        }
    }

    @Test("each report goes to its own list with its own link; the sent-log keys (period, audience), so reruns send only what is missing")
    func perAudienceMail() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        let work = try Work(email: """
            smtp_url = "\(sink.url)"
            report_url = "https://docs.example.com/reports/{folder}/report.html"
            """, audiences: Work.twoAudiences + "\n\n[[audiences]]\nname = \"Singapore\"\nbuildings = [\"Singapore\"]\n")
        defer { work.folder.remove() }
        try await work.report()

        // One audience's folder alone: only its message.
        let london = try await work.email(report: work.period + "/audiences/london-site")
        #expect(london.status == 0, "\(london.stderr)")
        #expect(london.stdout == "sent \"Workplace report - Week 47, 2026 (London site)\" to 2 recipients via \(sink.url)\n")
        #expect(await sink.waitForMessages(1).count == 1)

        // The period: the organisation's and Engineering's; London's was sent, Singapore has no list.
        let period = try await work.email()
        #expect(period.status == 0, "\(period.stderr)")
        #expect(period.stdout == "sent \"Workplace report - Week 47, 2026\" to 1 recipient via \(sink.url)\n"
            + "sent \"Workplace report - Week 47, 2026 (Engineering)\" to 1 recipient via \(sink.url)\n")
        let notices = period.stderr.split(separator: "\n")
        #expect(notices.count == 2)
        #expect(notices[0].hasPrefix("robin-report: 2026-W47/audiences/london-site was already sent at "))
        #expect(notices[0].hasSuffix(" to london-lead@example.com, ops@example.com (\(work.path)/cache/sent-log.tsv); nothing sent (add --resend to send it again)"))
        #expect(notices[1] == "robin-report: audience \"Singapore\" has no to in its [[audiences]]; its report is not mailed")

        let files = await sink.waitForMessages(3)
        try #require(files.count == 3)
        var byRecipient: [String: ParsedMessage] = [:]
        for file in files {
            let parsed = try await Python.inspect(file)
            #expect(parsed.defects.isEmpty)
            byRecipient[(try sink.envelope(file)["rcpt_tos"] as? [String] ?? []).joined(separator: ",")] = parsed
        }
        #expect(Set(byRecipient.keys) == ["london-lead@example.com,ops@example.com", "ann@example.com", "eng-lead@example.com"])
        for (recipients, folder) in [("ann@example.com", "2026-W47"), ("london-lead@example.com,ops@example.com", "2026-W47/audiences/london-site"),
                                     ("eng-lead@example.com", "2026-W47/audiences/engineering")] {
            let message = try #require(byRecipient[recipients])
            let link = "https://docs.example.com/reports/\(folder)/report.html"
            let html = try #require(message.part("text/html")?.content)
            #expect(html.components(separatedBy: "<a href=\"\(link)\"").count == 3, "link at the top and bottom of \(folder)")
            let text = try #require(message.part("text/plain")?.content)
            #expect(text.hasPrefix("Read the full report: \(link)\n\n# Workplace report: "))
            #expect(text.hasSuffix("\nRead the full report: \(link)\n"))
        }
        #expect(byRecipient["london-lead@example.com,ops@example.com"]?.cc == ["ops@example.com"])
        #expect(byRecipient["eng-lead@example.com"]?.part("text/html")?.content.contains("Workplace report: Engineering, Week 47, 2026</h1>") == true)

        // A rerun sends nothing and says so for each report.
        let again = try await work.email()
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.split(separator: "\n").filter { $0.contains("was already sent at") }.count == 3)
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.messages().count == 3)
        let log = work.sentLog
        #expect(log.count == 3)
        #expect(log.filter { $0.hasPrefix("2026-W47\t") }.map { $0.split(separator: "\t").count }.sorted() == [4, 5, 5])
        #expect(log.contains { $0.hasSuffix("\tlondon-lead@example.com,ops@example.com\tlondon-site") })
        #expect(log.contains { $0.hasSuffix("\teng-lead@example.com\tengineering") })
    }

    @Test("a sent-log line written before audiences (four fields) stands for the organisation's report")
    func oldSentLog() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        let work = try Work(email: "smtp_url = \"\(sink.url)\"")
        defer { work.folder.remove() }
        try await work.report()
        try Data("# robin-report sent-log: period\tsent at (UTC)\tMessage-ID\trecipients\n2026-W47\t2026-11-23T07:00:03Z\t<a@example.com>\tann@example.com\n".utf8)
            .write(to: URL(fileURLWithPath: work.path + "/cache/sent-log.tsv"))
        let result = try await work.email()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "robin-report: 2026-W47 was already sent at 2026-11-23T07:00:03Z to ann@example.com (\(work.path)/cache/sent-log.tsv); nothing sent (add --resend to send it again)\n")
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(await sink.waitForMessages(2).count == 2)
        #expect(work.sentLog.count == 3)
    }

    @Test("attach_pdf attaches each folder's report.pdf; a missing one stops the run naming the file, before anything is sent")
    func attachPDF() async throws {
        let work = try Work(email: "attach_pdf = true")
        defer { work.folder.remove() }
        try await work.report()
        let dryRun = ["--dry-run"]
        let missing = try await work.email(dryRun)
        #expect(missing.status == 2)
        #expect(missing.stderr == "robin-report: \(work.period)/report.pdf: missing, and email.attach_pdf is set; run `robin-report report --pdf` (or set pdf = true) to print it, or turn attach_pdf off\n")
        #expect(!FileManager.default.fileExists(atPath: work.period + "/email.eml"))

        // Each folder's own PDF (bytes that say whose they are), in its own email.eml.
        let folders = ["2026-W47": work.period, "2026-W47-london-site": work.period + "/audiences/london-site",
                       "2026-W47-engineering": work.period + "/audiences/engineering"]
        for (name, folder) in folders {
            try Data("%PDF-1.4\n% \(name)\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: folder + "/report.pdf"))
        }
        let result = try await work.email(dryRun)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 3)
        for (name, folder) in folders {
            let parsed = try await Python.inspect(folder + "/email.eml")
            #expect(parsed.content_type == "multipart/mixed")
            #expect(parsed.parts.map(\.content_type) == ["text/plain", "text/html", "application/pdf"])
            let pdf = try #require(parsed.part("application/pdf"))
            #expect(pdf.filename == "workplace-report-\(name).pdf")
            #expect(Data(base64Encoded: pdf.content) == Data("%PDF-1.4\n% \(name)\n%%EOF\n".utf8))
            #expect(parsed.defects.isEmpty && parsed.max_line_octets < 998)
        }
    }

    @Test("an audience folder the configuration does not know stops the run before anything is sent")
    func unknownAudienceFolder() async throws {
        let work = try Work()
        defer { work.folder.remove() }
        try await work.report()
        try work.write(email: "", audiences: "[[audiences]]\nname = \"London site\"\nbuildings = [\"London\"]\nto = [\"l@example.com\"]\n")
        let result = try await work.email(["--dry-run"])
        #expect(result.status == 2)
        #expect(result.stderr == "robin-report: \(work.period)/audiences/engineering: no audience of the configuration has the folder name \"engineering\" (add it to [[audiences]], or run robin-report report again to drop the folder)\n")
        #expect(!FileManager.default.fileExists(atPath: work.period + "/email.eml"))
    }

    @Test("publish copies the audience folders into the repository and the index; an audience dropped from the report goes")
    func publish() async throws {
        let work = try Work()
        defer { work.folder.remove() }
        try await work.report()
        let repo = try await GitRepo()
        defer { repo.remove() }
        let publisher = Publisher(environment: repo.environment)
        guard case .committed(_, let message, let path) = try await Blocking.run({ try publisher.publish(reportFolder: work.period, repository: repo.path) }) else {
            Issue.record("expected a commit")
            return
        }
        #expect(path == "reports/2026-W47")
        #expect(message.hasSuffix("Files: reports/2026-W47/\nAudiences: Engineering, London site (reports/2026-W47/audiences/)\n"), "\(message)")
        let tracked = try await repo.git("ls-files", "reports/2026-W47/audiences").split(separator: "\n")
        for audience in ["london-site", "engineering"] {
            for file in ["report.md", "metrics.json", "charts/daily-attendance.svg"] {
                #expect(tracked.contains(Substring("reports/2026-W47/audiences/\(audience)/\(file)")), "\(audience)/\(file)")
            }
            #expect(try repo.read("reports/2026-W47/audiences/\(audience)/report.md")
                == String(contentsOfFile: work.period + "/audiences/\(audience)/report.md", encoding: .utf8))
        }
        let index = try repo.read("reports/index.md")
        #expect(index.contains("| [Week 47, 2026](2026-W47/report.md) |"))
        #expect(index.contains("| ↳ [London site](2026-W47/audiences/london-site/report.md) |"))
        #expect(index.contains("| ↳ [Engineering](2026-W47/audiences/engineering/report.md) |"))

        // Engineering is dropped from the configuration: the next report and publish remove it.
        try work.write(email: "", audiences: "[[audiences]]\nname = \"London site\"\nbuildings = [\"London\"]\n")
        try await work.report()
        guard case .committed(_, let update, _) = try await Blocking.run({ try publisher.publish(reportFolder: work.period, repository: repo.path) }) else {
            Issue.record("expected a commit")
            return
        }
        #expect(update.hasPrefix("Update workplace report for Week 47, 2026"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports/2026-W47/audiences/engineering"))
        #expect(!(try repo.read("reports/index.md")).contains("Engineering"))
        #expect(try await repo.git("status", "--porcelain").isEmpty)
    }

    @Test("publish refuses an audience folder given alone, and a symbolic link among the audience folders, touching nothing")
    func publishRefusals() async throws {
        let work = try Work()
        defer { work.folder.remove() }
        try await work.report()
        let repo = try await GitRepo()
        defer { repo.remove() }
        let publisher = Publisher(environment: repo.environment)
        let alone = try #require(throws: DeliveryError.self) {
            try publisher.publish(reportFolder: work.period + "/audiences/london-site", repository: repo.path)
        }
        #expect(alone.kind == .usage)
        #expect(alone.message == "\(work.period)/audiences/london-site: the report of audience \"London site\"; publish its period's folder (\(work.period)), which brings every audience's report with it")

        let elsewhereFolder = try TemporaryFolder("robin-elsewhere")
        defer { elsewhereFolder.remove() }
        let elsewhere = elsewhereFolder.path
        try FileManager.default.moveItem(atPath: work.period + "/audiences/engineering", toPath: elsewhere + "/engineering")
        try FileManager.default.createSymbolicLink(atPath: work.period + "/audiences/engineering", withDestinationPath: elsewhere + "/engineering")
        let link = try #require(throws: DeliveryError.self) { try publisher.publish(reportFolder: work.period, repository: repo.path) }
        #expect(link.kind == .badReport)
        #expect(link.message.hasPrefix("\(work.period)/audiences/engineering: a symbolic link;"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports"))
    }
}
