/// The `[email]` table of the configuration file: defaults for `robin-report
/// email`, each overridden by its command-line option.
public struct EmailSettings: Sendable, Equatable {
    /// The sender (`from`); no default.
    public var from: EmailAddress?
    /// Recipients (`to`); no default.
    public var to: [EmailAddress] = []
    /// Copy recipients (`cc`); default none.
    public var cc: [EmailAddress] = []
    /// The subject template (`subject`), with the placeholders of `subjectPlaceholders`.
    public var subject = EmailSettings.defaultSubject
    /// The SMTP server (`smtp_url`); nil = none configured.
    public var smtpServer: SMTPServer?
    /// The SMTP user (`smtp_user`); the password comes only from `SMTP_PASSWORD`.
    public var smtpUser: String?
    /// A sendmail-compatible command that reads the message on stdin (`sendmail`),
    /// e.g. `msmtp -t`; run by `/bin/sh -c`.
    public var sendmail: String?
    /// Where the full report is read (`report_url`), with the placeholders of
    /// `reportURLPlaceholders`; each message links to it at its top and bottom.
    /// nil = no link.
    public var reportURL: String?
    /// Attach the report folder's report.pdf to each message (`attach_pdf`, default false).
    public var attachPDF = false

    public init() {}

    /// "Workplace report - Week 47, 2026" and the like.
    public static let defaultSubject = "Workplace report - {period}"

    /// What a subject template can name: `{period}` ("Week 47, 2026", "November 2026"
    /// or "2026-11-03 to 2026-11-19"), `{from}` and `{to}` (`YYYY-MM-DD`), `{folder}`
    /// ("2026-W47", "2026-11"), `{headline}`: the report's most notable item as
    /// its opening words it, without the final full stop ("Sales came in less: 30.2 a
    /// day, down from 41.0 (−26%); its usual is 40.1"; `InsightText.headline`), and
    /// `{audience}` (the audience's name; empty in the organisation's message).
    /// Without `{audience}`, an audience's subject ends with its name in parentheses.
    public static let subjectPlaceholders = ["period", "from", "to", "folder", "headline", "audience"]

    /// What `report_url` can name, all safe in a URL path: `{folder}` (the
    /// report's folder under the output folder: "2026-W47", or
    /// "2026-W47/audiences/london-site" for an audience), `{period}` (the
    /// period's folder, "2026-W47") and `{audience}` (the audience's slug,
    /// "london-site"; empty in the organisation's message).
    public static let reportURLPlaceholders = ["folder", "period", "audience"]

    /// Why `template` is not a usable subject template, or nil when it is one.
    public static func subjectProblem(_ template: String) -> String? {
        if template.trimmingSpaces.isEmpty { return "must not be empty" }
        if template.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "must be one line (no line breaks or control characters)"
        }
        return placeholderProblem(template, known: subjectPlaceholders)
    }

    /// Why `template` is not a usable `report_url`, or nil when it is one: an
    /// http or https URL with no spaces, quotes, angle brackets or control
    /// characters, naming only `reportURLPlaceholders`.
    public static func reportURLProblem(_ template: String) -> String? {
        let lower = template.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }), template.count > scheme.count else {
            return "\"\(template)\" must start with https:// or http://"
        }
        if let bad = template.unicodeScalars.first(where: {
            $0.properties.generalCategory == .control || $0 == " " || "\"<>\\`".unicodeScalars.contains($0) || !$0.isASCII
        }) {
            let shown = bad.isASCII && bad.properties.generalCategory != .control ? "\"\(bad)\"" : "U+" + String(bad.value, radix: 16, uppercase: true)
            return "\"\(template)\" has \(shown), which a URL must percent-encode"
        }
        return placeholderProblem(template, known: reportURLPlaceholders)
    }

    /// An unknown `{name}` or an unclosed `{` in `template`, or nil.
    static func placeholderProblem(_ template: String, known: [String]) -> String? {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return "has a { with no closing }" }
            let name = String(rest[rest.index(after: open)..<close])
            if !known.contains(name) {
                return "unknown placeholder {\(name)} (known: " + known.map { "{\($0)}" }.joined(separator: ", ") + ")"
            }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }
}
