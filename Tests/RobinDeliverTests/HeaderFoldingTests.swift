import Foundation
import Testing
@testable import RobinDeliver
import RobinModel
import RobinTestSupport

/// Very long subjects and display names: every header line within 78 octets,
/// encoded words within 75 characters that each hold whole UTF-8 sequences
/// (and whole characters when one fits), and Python's email package reading
/// back exactly the text that went in.
@Suite("header folding")
struct HeaderFoldingTests {
    /// 3,000-character texts of different kinds, by name (the test's argument,
    /// so a failure does not print 3,000 characters).
    static let texts: [String: String] = [
        "ASCII, no spaces": String(repeating: "x", count: 3_000),
        "ASCII words": String(String(repeating: "Workplace report ", count: 177).prefix(3_000)),
        "ASCII, double spaces": String(String(repeating: "Office  week ", count: 231).prefix(3_000)),
        "accents and dashes": String(String(repeating: "Anwesenheit im Büro – ", count: 137).prefix(3_000)),
        "combining marks and emoji": String(String(repeating: "Cafe\u{301} 👩‍👩‍👧‍👦 Ødegård ", count: 200).prefix(3_000)),
        "one character longer than any encoded word": "a" + String(repeating: "\u{301}", count: 40)
            + String(repeating: "é", count: 2_999),
    ]

    @Test("a 3,000-character subject and display names: valid headers that read back exactly", arguments: texts.keys.sorted())
    func longValues(kind: String) async throws {
        let text = try #require(Self.texts[kind])
        #expect(text.count == 3_000, "\(kind)")
        let name = try #require(EmailAddress("\(text) <ann@example.com>"), "\(kind)")
        let sender = try #require(EmailAddress("\(text) <reports@example.com>"))
        let message = EmailMessage(from: sender, to: [name, EmailAddress("bo@example.com")!], cc: [name],
                                   subject: text, date: Date(timeIntervalSince1970: 1_795_417_200),
                                   messageID: "<long@example.com>", text: "Hello\n", html: "<p>Hello</p>\n")
        let work = try TemporaryFolder("robin-header")
        defer { work.remove() }
        let file = work.file("long.eml")
        try Data(message.rendered.utf8).write(to: URL(fileURLWithPath: file))
        let parsed = try await Python.inspect(file)

        #expect(parsed.defects.isEmpty, "\(kind): \(parsed.defects)")
        #expect(parsed.raw_headers.allSatisfy { $0.utf8.count <= 78 },
                "\(kind): \(parsed.raw_headers.map(\.utf8.count).max() ?? 0) octets")
        #expect(parsed.max_line_octets <= 998)
        // Compared as Booleans: a failure must not print 3,000 characters.
        #expect(parsed.headers["Subject"] == text, "\(kind): the subject reads back differently")
        // The name as parsed: EmailAddress trims the spaces around a display name.
        let display = try #require(name.name)
        #expect(display.count >= 2_999)
        #expect(parsed.display_names["From"] == [display], "\(kind): From")
        #expect(parsed.display_names["To"] == [display, ""], "\(kind): To")
        #expect(parsed.display_names["Cc"] == [display], "\(kind): Cc")
        #expect(parsed.to == ["ann@example.com", "bo@example.com"])
        #expect(parsed.from == "reports@example.com")

        for word in Self.encodedWords(in: message.rendered) {
            #expect(word.count <= 75, "\(kind): \(word)")
            let bytes = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))), "\(kind): \(word)")
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(kind): \(word) splits a UTF-8 sequence")
        }
    }

    @Test("encoded words end between characters whenever a character fits in one")
    func graphemesKept() {
        let text = String(repeating: "Cafe\u{301} 👩‍👩‍👧‍👦 ", count: 40)
        let value = HeaderText.unstructured(text, headerName: "Subject")
        let pieces = Self.encodedWords(in: value).map { word in
            String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }
        #expect(pieces.count > 1)
        #expect(pieces.joined() == text)
        // No character is cut in two: the pieces' characters add up to the text's.
        #expect(pieces.map(\.count).reduce(0, +) == text.count)
    }

    @Test("short values stay readable: an ASCII subject as is, names as atoms or quoted, folded only at spaces")
    func readable() {
        #expect(HeaderText.unstructured("Workplace report - Week 47, 2026", headerName: "Subject")
            == "Workplace report - Week 47, 2026")
        #expect(HeaderText.unstructured("", headerName: "Subject") == "")
        #expect(HeaderText.addresses([EmailAddress("Ann Leader <ann@example.com>")!, EmailAddress("bo@example.com")!,
                                      EmailAddress("\"Leader, Ann\" <ann2@example.com>")!])
            == "Ann Leader <ann@example.com>, bo@example.com, \"Leader, Ann\"\r\n <ann2@example.com>")
        let many = (1...8).map { EmailAddress("Leader Number \($0) <leader\($0)@example.com>")! }
        let folded = "To: " + HeaderText.addresses(many)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") && !$0.hasPrefix(" ,") })
        #expect(folded.replacingOccurrences(of: "\r\n", with: "") == "To: " + many.map(\.description).joined(separator: ", "))
    }

    @Test("the command: a 3,000-character --subject and display name give a valid message")
    func command() async throws {
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let report = try Fixture.reportCopy(in: work)
        let long = String(repeating: "x", count: 3_000)
        let result = try await CommandRunner().run(["email", "--report", report, "--to", "\(long) <ann@example.com>",
                                              "--from", "reports@example.com", "--subject", long, "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try await Python.inspect(report + "/email.eml")
        #expect(parsed.defects.isEmpty)
        #expect(parsed.raw_headers.allSatisfy { $0.utf8.count <= 78 })
        #expect(parsed.headers["Subject"] == long)
        #expect(parsed.display_names["To"] == [long])
    }

    /// The `=?UTF-8?B?...?=` words of a rendered header block.
    static func encodedWords(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "=\\?UTF-8\\?B\\?[A-Za-z0-9+/=]*\\?=")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) }
    }
}
