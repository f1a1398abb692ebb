import Foundation
import Testing
@testable import RobinDeliver
import RobinModel
import RobinTestSupport

/// Mail sent with libcurl to a real SMTP server on loopback (aiosmtpd), and
/// read back with Python's email package.
@Suite("SMTP, for real")
struct SMTPTests {
    private func composer(subject: String = "Anwesenheit im Büro – {period}") -> EmailComposer {
        EmailComposer(from: Fixture.sender, to: Fixture.leaders, cc: [EmailAddress("CFO <cfo@example.com>")!],
                      subject: SubjectTemplate(subject))
    }

    @Test("a message sent with login arrives whole: parts, encodings, headers, KPIs")
    func sendsAndParses() async throws {
        let sink = try await SMTPSink(user: "reports", password: "s3cret-pass")
        defer { sink.stop() }
        let transport = try SMTPTransport(server: SMTPServer(sink.url)!, user: "reports", password: "s3cret-pass")
        let report = try ReportFolder.load(Fixture.report)
        let message = composer().message(for: report)
        try await Blocking.run { try transport.send(message) }

        let files = await sink.waitForMessages(1)
        try #require(files.count == 1)
        let envelope = try sink.envelope(files[0])
        #expect(envelope["mail_from"] as? String == "reports@example.com")
        #expect(envelope["rcpt_tos"] as? [String] == ["ann@example.com", "bo@example.com", "cfo@example.com"])
        #expect(envelope["authenticated"] as? Bool == true)
        #expect(envelope["login"] as? String == "reports")

        let parsed = try await Python.inspect(files[0])
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.content_type == "multipart/alternative")
        #expect(parsed.parts.map(\.content_type) == ["text/plain", "text/html"])
        for part in parsed.parts {
            #expect(part.charset == "utf-8")
            #expect(part.transfer_encoding == "quoted-printable")
        }
        #expect(parsed.max_line_octets < 998)
        #expect(parsed.crlf && !parsed.bare_lf)
        #expect(parsed.headers["Subject"] == "Anwesenheit im Büro – Week 47, 2026")
        let rawSubject = try #require(parsed.raw_headers.first { $0.hasPrefix("Subject: ") })
        #expect(rawSubject.hasPrefix("Subject: =?UTF-8?B?"))
        #expect(parsed.raw_headers.allSatisfy { $0.utf8.count <= 78 })
        #expect(parsed.headers["Message-ID"] == message.messageID)
        #expect(parsed.headers["Message-ID"]?.hasSuffix("@example.com>") == true)
        #expect(parsed.date_ok)
        #expect(parsed.headers["MIME-Version"] == "1.0")
        #expect(parsed.from == "reports@example.com")
        #expect(parsed.to == ["ann@example.com", "bo@example.com"])
        #expect(parsed.to_names == ["Ann Leader", ""])
        #expect(parsed.cc == ["cfo@example.com"])

        let html = try #require(parsed.part("text/html")?.content)
        #expect(!html.lowercased().contains("<svg"))
        #expect(!html.lowercased().contains("<style"))
        #expect(html == message.html)
        let text = try #require(parsed.part("text/plain")?.content)
        #expect(text == PlainText.fromMarkdown(report.markdown))
        for kpi in ["| People in office | 59 | 55 | +4 (+7.3%) |", "| Desk utilization | 67.1% | 64.7% | +2.4 pts |",
                    "| Room utilization | 41.7% | 42.3% | -0.6 pts |", "[Chart: People in the office each day]"] {
            #expect(text.contains(kpi), "text part lacks \(kpi)")
        }
        #expect(!text.contains("charts/"))
    }

    @Test("a line starting with a dot survives SMTP (quoted-printable and libcurl's dot-stuffing)")
    func dotLines() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        let message = EmailMessage(from: Fixture.sender, to: Fixture.leaders, subject: "dots", date: Date(),
                                   messageID: "<dots@example.com>", text: ".\n..two\nend\n", html: "<p>.</p>\n")
        let transport = try SMTPTransport(server: SMTPServer(sink.url)!, user: nil, password: nil)
        try await Blocking.run { try transport.send(message) }
        let files = await sink.waitForMessages(1)
        try #require(files.count == 1)
        #expect(try await Python.inspect(files[0]).part("text/plain")?.content == ".\n..two\nend\n")
    }

    @Test("STARTTLS required and not offered: an error, and nothing is delivered")
    func startTLSRequired() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        let transport = try SMTPTransport(server: SMTPServer(sink.url)!, user: nil, password: nil, startTLS: .required)
        let message = try composer().message(for: ReportFolder.load(Fixture.report))
        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run { try transport.send(message) }
        }
        #expect(error.kind == .runtime)
        #expect(error.message == "\(sink.url): the server does not offer STARTTLS, and robin-report sends to 127.0.0.1 only over TLS; nothing was sent")
        try await Task.sleep(for: .milliseconds(200))
        #expect(sink.messages().isEmpty)
    }

    @Test("a refused login names the user, never the password")
    func loginRefused() async throws {
        let sink = try await SMTPSink(user: "reports", password: "right")
        defer { sink.stop() }
        let transport = try SMTPTransport(server: SMTPServer(sink.url)!, user: "reports", password: "wrong-pass-123")
        let message = try composer().message(for: ReportFolder.load(Fixture.report))
        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run { try transport.send(message) }
        }
        #expect(error.message.contains("refused the login of \"reports\""))
        #expect(!error.message.contains("wrong-pass-123"))
        #expect(sink.messages().isEmpty)
    }

    @Test("nothing listening: a one-line error naming the server")
    func nobodyThere() async throws {
        let port: Int
        do {
            let sink = try await SMTPSink()
            port = sink.port
            try await sink.stopAndWait()
        }
        let transport = try SMTPTransport(server: SMTPServer("smtp://127.0.0.1:\(port)")!, user: nil, password: nil)
        let message = try composer().message(for: ReportFolder.load(Fixture.report))
        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run { try transport.send(message) }
        }
        #expect(error.message.hasPrefix("smtp://127.0.0.1:\(port): cannot connect"))
    }

    /// A transport with a 2 s limit to `sink`.
    private func impatient(_ sink: SMTPSink) throws -> SMTPTransport {
        var transport = try SMTPTransport(server: SMTPServer(sink.url)!, user: nil, password: nil)
        transport.timeout = 2
        return transport
    }

    @Test("a server silent after the final dot: delivery status unknown, not recorded as sent, exit 1")
    func silentAfterData() async throws {
        let sink = try await SMTPSink(stall: "data-end")
        defer { sink.stop() }
        let transport = try impatient(sink)
        let cache = try TemporaryFolder("robin-sent-log")
        defer { cache.remove() }
        let log = SentLog(cacheDirectory: cache.path)
        let delivery = EmailDelivery(composer: composer(), transport: transport, sentLog: log)
        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run { try delivery.deliver(reportFolder: Fixture.report) }
        }
        #expect(error.exitStatus == .runtime)
        #expect(error.message.hasPrefix("\(sink.url): delivery status unknown: the server may have the message; "
                                        + "not recorded as sent; check before --resend (the whole message was sent, then: "))
        // It did have it: the "nothing was sent" of a connection failure would have been a lie.
        #expect(await sink.waitForMessages(1).count == 1)
        #expect(try log.entry(for: "2026-W47") == nil)
    }

    @Test("a server silent before the data (at RCPT TO): nothing was sent, and it is not called a connection failure")
    func silentBeforeData() async throws {
        let sink = try await SMTPSink(stall: "rcpt")
        defer { sink.stop() }
        let transport = try impatient(sink)
        let message = try composer().message(for: ReportFolder.load(Fixture.report))
        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run { try transport.send(message) }
        }
        #expect(error.message == "\(sink.url): the server stopped answering (Timeout was reached) (SMTP 250) before the "
                + "message was sent; nothing was sent")
        #expect(sink.messages().isEmpty)
    }

    @Test("a message refused after its final dot is known not to be delivered")
    func refusedAfterData() async throws {
        let sink = try await SMTPSink(reject: true)
        defer { sink.stop() }
        let transport = try impatient(sink)
        let message = try composer().message(for: ReportFolder.load(Fixture.report))
        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run { try transport.send(message) }
        }
        #expect(error.message.hasPrefix("\(sink.url): the server refused the message: "))
        #expect(error.message.hasSuffix("(SMTP 554); nothing was delivered"))
        #expect(sink.messages().isEmpty)
    }
}
