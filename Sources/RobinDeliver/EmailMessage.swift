import Foundation
import RobinModel

/// A report email: RFC 5322 headers and a MIME multipart/alternative body with
/// a text/plain and a text/html part, both UTF-8 in quoted-printable; with
/// attachments, that body is the first part of a multipart/mixed.
public struct EmailMessage: Sendable, Equatable {
    /// The sender.
    public var from: EmailAddress
    /// Recipients (To).
    public var to: [EmailAddress]
    /// Copy recipients (Cc).
    public var cc: [EmailAddress]
    /// The subject as people read it (encoded when rendered).
    public var subject: String
    /// The Date header (written in UTC).
    public var date: Date
    /// `<unique@domain>`, angle brackets included.
    public var messageID: String
    /// The text/plain part.
    public var text: String
    /// The text/html part.
    public var html: String
    /// Files after the two versions (report.pdf); none by default.
    public var attachments: [EmailAttachment]

    public init(from: EmailAddress, to: [EmailAddress], cc: [EmailAddress] = [], subject: String, date: Date,
                messageID: String, text: String, html: String, attachments: [EmailAttachment] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
        self.attachments = attachments
    }

    /// Envelope recipients: every To and Cc address, each once.
    public var recipients: [String] {
        var seen = Set<String>()
        return (to + cc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The message as sent over SMTP: CRLF line ends, no header line past 78
    /// octets but the Message-ID's (which cannot be folded), no line past 998.
    public var rendered: String {
        let boundary = "=_robin-report_" + fingerprint
        // Quoted-printable and base64 never write "=_", so no body line can match either boundary.
        let mixed = "=_robin-report_mixed_" + fingerprint
        var headers = [
            "Date: \(EmailMessage.dateText(date))",
            "From: \(HeaderText.mailbox(from, headerName: "From"))",
            "To: \(HeaderText.addresses(to, headerName: "To"))",
        ]
        if !cc.isEmpty { headers.append("Cc: \(HeaderText.addresses(cc, headerName: "Cc"))") }
        headers += [
            "Subject: \(HeaderText.unstructured(subject, headerName: "Subject"))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            attachments.isEmpty ? "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\""
                : "Content-Type: multipart/mixed;\r\n boundary=\"\(mixed)\"",
            // RFC 3834: an automatic message, so vacation responders stay quiet.
            "Auto-Submitted: auto-generated",
            "X-Mailer: robin-report",
        ]
        let parts = [("text/plain", text), ("text/html", html)].map { type, body in
            "--\(boundary)\r\n"
                + "Content-Type: \(type); charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + QuotedPrintable.encode(body.hasSuffix("\n") ? body : body + "\n")
        }
        let alternative = parts.joined(separator: "\r\n") + "\r\n--\(boundary)--\r\n"
        guard !attachments.isEmpty else {
            return headers.joined(separator: "\r\n") + "\r\n\r\n"
                + "This is a MIME message: a plain-text and an HTML version of the same report.\r\n\r\n"
                + alternative
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n"
            + "This is a MIME message: a plain-text and an HTML version of the same report, and attachments.\r\n\r\n"
            + "--\(mixed)\r\nContent-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n" + alternative
            + attachments.map { "--\(mixed)\r\n" + $0.part }.joined()
            + "--\(mixed)--\r\n"
    }

    /// `Mon, 23 Nov 2026 07:00:03 +0000` (RFC 5322 3.3), in UTC.
    static func dateText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// FNV-1a of the bodies: a boundary that is the same for the same content.
    /// Quoted-printable never writes "=_", so no body line can match it.
    private var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [text, html] {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
