import Foundation
import RobinModel

/// Builds the report email from a report folder: the subject from its
/// template, the text part from report.md, the HTML part from metrics.json.
public struct EmailComposer: Sendable {
    /// The sender (From, and the SMTP envelope sender).
    public var from: EmailAddress
    /// Recipients (To).
    public var to: [EmailAddress]
    /// Copy recipients (Cc), also in the envelope.
    public var cc: [EmailAddress]
    /// The subject, filled in for the report's period.
    public var subject: SubjectTemplate

    public init(from: EmailAddress, to: [EmailAddress], cc: [EmailAddress] = [],
                subject: SubjectTemplate = SubjectTemplate(EmailSettings.defaultSubject)) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
    }

    /// The message for `report`, dated `date`.
    public func message(for report: ReportFolder, date: Date = Date()) -> EmailMessage {
        let name = report.metrics.name
        let subject = subject.subject(for: report.metrics)
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageID = "<\(name.folder).\(UUID().uuidString.lowercased())@\(domain)>"
        return EmailMessage(
            from: from, to: to, cc: cc, subject: subject, date: date, messageID: messageID,
            text: PlainText.fromMarkdown(report.markdown),
            html: EmailHTML(metrics: report.metrics, title: subject).html)
    }
}
