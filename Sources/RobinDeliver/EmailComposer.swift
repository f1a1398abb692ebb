import Foundation
import RobinModel

/// Builds the report email from a report folder: the subject from its
/// template, the text part from report.md, the HTML part from metrics.json,
/// a "Read the full report" link at the top and bottom of both when
/// `reportURL` is set, and report.pdf attached when `attachPDF` is.
public struct EmailComposer: Sendable {
    /// The sender (From, and the SMTP envelope sender).
    public var from: EmailAddress
    /// Recipients (To).
    public var to: [EmailAddress]
    /// Copy recipients (Cc), also in the envelope.
    public var cc: [EmailAddress]
    /// The subject, filled in for the report's period (and audience).
    public var subject: SubjectTemplate
    /// Where the full report is read (`email.report_url`, with the placeholders of
    /// `EmailSettings.reportURLPlaceholders`); nil = no link.
    public var reportURL: String?
    /// Attach each report folder's report.pdf (`email.attach_pdf`; see `EmailDelivery`).
    public var attachPDF = false

    public init(from: EmailAddress, to: [EmailAddress], cc: [EmailAddress] = [],
                subject: SubjectTemplate = SubjectTemplate(EmailSettings.defaultSubject)) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
    }

    /// The message for `report`, dated `date`, with `pdf` attached when given
    /// (`ReportFolder.pdfAttachment()`, which `EmailDelivery` reads when `attachPDF` is set).
    public func message(for report: ReportFolder, date: Date = Date(), pdf: EmailAttachment? = nil) -> EmailMessage {
        let name = report.metrics.name
        let subject = subject.subject(for: report.metrics, audience: report.audience)
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageID = "<\(name.folder).\(UUID().uuidString.lowercased())@\(domain)>"
        let link = self.link(for: report)
        var html = EmailHTML(metrics: report.metrics, title: subject)
        html.reportURL = link
        var text = PlainText.fromMarkdown(report.markdown)
        if let link { text = "Read the full report: \(link)\n\n" + text + "\nRead the full report: \(link)\n" }
        return EmailMessage(
            from: from, to: to, cc: cc, subject: subject, date: date, messageID: messageID,
            text: text, html: html.html, attachments: pdf.map { [$0] } ?? [])
    }

    /// `reportURL` filled in for `report`: `{folder}` its folder under the
    /// output folder, `{period}` the period's, `{audience}` the audience's slug.
    public func link(for report: ReportFolder) -> String? {
        reportURL.map { template in
            SubjectTemplate.fill(template, ["folder": report.folderName, "period": report.metrics.name.folder,
                                            "audience": report.audience?.slug ?? ""])
        }
    }
}
