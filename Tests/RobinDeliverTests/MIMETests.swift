import Foundation
import Testing
@testable import RobinDeliver
import RobinModel

@Suite("MIME building blocks")
struct MIMETests {
    @Test("quoted-printable: lines of at most 76, = and non-ASCII encoded, trailing space and leading dot protected")
    func quotedPrintable() {
        let text = String(repeating: "abcdefghij", count: 20) + "\nsum = 3 \n.hidden\nFrom here\nBjørn – ok\n"
        let encoded = QuotedPrintable.encode(text)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines[0].hasSuffix("="))
        #expect(encoded.contains("sum =3D 3=20\r\n"))
        #expect(encoded.contains("\r\n=2Ehidden\r\n"))
        #expect(encoded.contains("\r\n=46rom here\r\n"))
        #expect(encoded.contains("Bj=C3=B8rn =E2=80=93 ok\r\n"))
        #expect(encoded.utf8.allSatisfy { $0 < 128 })
        #expect(!encoded.contains("=_"))
    }

    @Test("a soft line break never leaves a dot at the start of a line")
    func softBreakDot() {
        let encoded = QuotedPrintable.encode(String(repeating: "x", count: 75) + ".tail\n")
        #expect(encoded == String(repeating: "x", count: 75) + "=\r\n=2Etail\r\n")
    }

    @Test("RFC 2047: ASCII subjects stay readable, others become UTF-8 encoded words of at most 75 characters")
    func encodedWords() {
        #expect(HeaderText.unstructured("Workplace report - Week 47, 2026", headerName: "Subject")
            == "Workplace report - Week 47, 2026")
        let long = String(repeating: "Anwesenheit im Büro – ", count: 6)
        let encoded = HeaderText.unstructured(long, headerName: "Subject")
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(word.count <= 75)
        }
        let decoded = words.map { word in
            String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }.joined()
        #expect(decoded == long)
        // Text that looks like an encoded word is encoded, so it is read as the text it is.
        #expect(HeaderText.unstructured("=?x?=", headerName: "Subject").hasPrefix("=?UTF-8?B?"))
    }

    @Test("a long ASCII subject is folded at spaces under 78 characters a line")
    func folding() {
        let subject = Array(repeating: "Workplace", count: 20).joined(separator: " ")
        let folded = HeaderText.unstructured(subject, headerName: "Subject")
        let lines = ("Subject: " + folded).components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(folded.replacingOccurrences(of: "\r\n", with: "") == subject)
    }

    @Test("mailboxes: display names quoted or encoded as needed")
    func mailboxes() {
        #expect(HeaderText.mailbox(EmailAddress("ann@example.com")!) == "ann@example.com")
        #expect(HeaderText.mailbox(EmailAddress("Ann Leader <ann@example.com>")!) == "Ann Leader <ann@example.com>")
        #expect(HeaderText.mailbox(EmailAddress("\"Leader, Ann\" <ann@example.com>")!) == "\"Leader, Ann\" <ann@example.com>")
        #expect(HeaderText.mailbox(EmailAddress("Bjørn <bo@example.com>")!) == "=?UTF-8?B?QmrDuHJu?= <bo@example.com>")
    }

    @Test("addresses: accepted and refused, with the reason", arguments: [
        ("ann@example.com", nil),
        ("Ann Leader <ann@example.com>", nil),
        ("  ann.leader+reports@mail.example.co.uk ", nil),
        ("ann", "is not an address like name@example.com"),
        ("ann@", "is not an address like name@example.com"),
        ("ann@exa mple.com", "\"exa mple.com\" is not a domain name"),
        ("a b@example.com", "the part before @ has characters an address cannot have"),
        ("ann@example.com\r\nBcc: evil@example.com", "contains a line break or control character"),
    ] as [(String, String?)])
    func addresses(text: String, problem: String?) {
        #expect(EmailAddress.problem(text) == problem)
        #expect((EmailAddress(text) == nil) == (problem != nil))
    }

    @Test("SMTP URLs: schemes, default ports, loopback, and no credentials in the URL")
    func smtpURLs() throws {
        let starttls = try #require(SMTPServer("smtp://mail.example.com"))
        #expect(starttls.port == 587 && !starttls.implicitTLS && !starttls.isLoopback)
        let tls = try #require(SMTPServer("smtps://mail.example.com:2465/"))
        #expect(tls.port == 2465 && tls.implicitTLS && tls.url == "smtps://mail.example.com:2465")
        #expect(SMTPServer("smtp://127.0.0.1:2525")?.isLoopback == true)
        #expect(SMTPServer("smtp://localhost")?.isLoopback == true)
        #expect(SMTPServer("smtp://[::1]:25")?.isLoopback == true)
        #expect(SMTPServer("smtp://[::1]:25")?.url == "smtp://[::1]:25")
        #expect(SMTPServer("smtp://127.0.0.1.example.com")?.isLoopback == false)
        #expect(SMTPServer.problem("http://mail.example.com") == "must start with smtp:// (STARTTLS) or smtps:// (TLS)")
        #expect(SMTPServer.problem("smtp://mail.example.com:99999") == "has a port that is not a number from 1 to 65535")
        let secret = try #require(SMTPServer.problem("smtp://me:hunter2@mail.example.com"))
        #expect(secret.contains("SMTP_PASSWORD") && !secret.contains("hunter2"))
    }

    @Test("STARTTLS: required to any host but loopback, and relaxing it elsewhere fails before connecting")
    func startTLSPolicy() throws {
        #expect(try SMTPTransport(server: SMTPServer("smtp://mail.example.com")!, user: nil, password: nil).startTLS == .required)
        #expect(try SMTPTransport(server: SMTPServer("smtp://127.0.0.1:25")!, user: nil, password: nil).startTLS == .ifOffered)
        #expect(try SMTPTransport(server: SMTPServer("smtp://localhost")!, user: nil, password: nil, startTLS: .never).startTLS == .never)
        let error = try #require(throws: DeliveryError.self) {
            try SMTPTransport(server: SMTPServer("smtp://mail.example.com")!, user: nil, password: nil, startTLS: .never)
        }
        #expect(error.kind == .usage)
        #expect(error.message.contains("STARTTLS is required to mail.example.com"))
    }

    @Test("period names: ISO week, calendar month, any range, one day", arguments: [
        ("2026-11-16", "2026-11-22", "Week 47, 2026", "2026-W47"),
        ("2026-12-28", "2027-01-03", "Week 53, 2026", "2026-W53"),
        ("2027-01-04", "2027-01-10", "Week 1, 2027", "2027-W01"),
        ("2026-11-01", "2026-11-30", "November 2026", "2026-11"),
        ("2028-02-01", "2028-02-29", "February 2028", "2028-02"),
        ("2026-11-03", "2026-11-19", "3–19 November 2026", "2026-11-03_2026-11-19"),
        ("2026-11-17", "2026-11-23", "17–23 November 2026", "2026-11-17_2026-11-23"),
        ("2026-11-17", "2026-11-17", "17 November 2026", "2026-11-17"),
    ])
    func periodNames(from: String, to: String, label: String, folder: String) {
        let name = PeriodName(Period(from: LocalDate(from)!, to: LocalDate(to)!)!)
        #expect(name.label == label)
        #expect(name.folder == folder)
    }

    @Test("subject templates fill every placeholder; bad templates are refused")
    func subjects() {
        let name = PeriodName(Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!)
        #expect(SubjectTemplate(EmailSettings.defaultSubject).subject(for: name) == "Workplace report - Week 47, 2026")
        #expect(SubjectTemplate("{folder}: {from}..{to} ({period})").subject(for: name)
            == "2026-W47: 2026-11-16..2026-11-22 (Week 47, 2026)")
        #expect(EmailSettings.subjectProblem("Report {week}")
            == "unknown placeholder {week} (known: {period}, {from}, {to}, {folder}, {headline}, {audience})")
        #expect(EmailSettings.subjectProblem("{period}: {headline}") == nil)
        #expect(EmailSettings.subjectProblem("Report {period") == "has a { with no closing }")
        #expect(EmailSettings.subjectProblem("two\nlines") == "must be one line (no line breaks or control characters)")
    }

    @Test("{headline}: the most notable insight as one plain line without its full stop, or the fallback sentence")
    func headlineSubject() throws {
        var metrics = MetricsDocument(period: Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!)
        let template = SubjectTemplate("Office, {period}: {headline}")
        #expect(template.subject(for: metrics)
            == "Office, Week 47, 2026: Nothing stood out: no marked change, missed target or day needing attention")
        metrics.insights = try JSONDecoder().decode([MetricsDocument.Insight].self, from: Data("""
            [{"kind": "target", "measure": "desk_utilization", "group": {}, "value": 0.8, "target": 0.7, "status": "met"},
             {"kind": "busy_day", "group": {"building": "Line\\nBreak & <Co>"}, "date": "2026-11-24", "booked_share": 0.95}]
            """.utf8))
        // A met target is not news; the busy day is. A line break in a name is a space, so the subject stays one line.
        #expect(template.subject(for: metrics) == "Office, Week 47, 2026: Line Break & <Co> is 95.0% booked on Tuesday 24 November")
        let message = EmailComposer(from: Fixture.sender, to: Fixture.leaders, subject: template)
            .message(for: try ReportFolder.load(Fixture.report))
        #expect(message.subject == template.subject(for: try Fixture.metrics()))
    }

    @Test("the text part: Markdown kept, charts and local links reduced to words, comments dropped")
    func plainText() {
        let markdown = "# Title\r\n<!-- generated -->\r\n| a | b |\n| --- | --- |\n![Desk use](charts/desks.svg)\n"
            + "See [metrics.json](metrics.json) and [Robin](https://robinpowered.com \"Robin\").\n![](charts/x.svg)\n\n"
        #expect(PlainText.fromMarkdown(markdown) == "# Title\n\n| a | b |\n| --- | --- |\n[Chart: Desk use]\n"
            + "See metrics.json and Robin (https://robinpowered.com).\n[Chart]\n")
    }

    @Test("the text part reads escaped names as the names they are")
    func plainTextEscapes() {
        #expect(PlainText.fromMarkdown("| R\\&D \\| Ops | &lt;b&gt; &amp; \\*x\\* C:\\dir |\n")
            == "| R&D | Ops | <b> & *x* C:\\dir |\n")
        // Markdown's escaping writes a backslash as &#92;; an escaped \& is a literal &, not an entity's start.
        #expect(PlainText.fromMarkdown("C:&#92;dir \\&lt;b\\&gt; \\&amp;\n") == "C:\\dir &lt;b&gt; &amp;\n")
    }

    @Test("the message: headers, a multipart/alternative body, CRLF, a boundary no part contains")
    func message() {
        let message = EmailMessage(from: Fixture.sender, to: Fixture.leaders, cc: [EmailAddress("ann@example.com")!],
                                   subject: "Report", date: Date(timeIntervalSince1970: 1_795_417_200),
                                   messageID: "<x@example.com>", text: "Hello\n", html: "<p>Hello</p>\n")
        let rendered = message.rendered
        #expect(rendered.hasPrefix("Date: Mon, 23 Nov 2026 07:00:00 +0000\r\nFrom: Workplace Team <reports@example.com>\r\n"))
        #expect(rendered.contains("\r\nMessage-ID: <x@example.com>\r\nMIME-Version: 1.0\r\n"))
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(message.recipients == ["ann@example.com", "bo@example.com"])
        let boundary = rendered.components(separatedBy: "boundary=\"")[1].prefix { $0 != "\"" }
        #expect(rendered.components(separatedBy: "--\(boundary)").count == 4)
    }
}
