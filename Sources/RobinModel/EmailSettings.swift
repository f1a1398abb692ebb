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

    public init() {}

    /// "Workplace report - week 47, 2026" and the like.
    public static let defaultSubject = "Workplace report - {period}"

    /// What a subject template can name: `{period}` ("week 47, 2026", "November 2026"
    /// or "2026-11-03 to 2026-11-19"), `{from}` and `{to}` (`YYYY-MM-DD`), `{folder}`
    /// ("2026-W47", "2026-11"), and `{headline}`: the report's most notable item as
    /// its opening words it, without the final full stop ("Sales came in less: 30.2 a
    /// day, down from 41.0 (−26%); its usual is 40.1"; `InsightText.headline`).
    public static let subjectPlaceholders = ["period", "from", "to", "folder", "headline"]

    /// Why `template` is not a usable subject template, or nil when it is one.
    public static func subjectProblem(_ template: String) -> String? {
        if template.trimmingSpaces.isEmpty { return "must not be empty" }
        if template.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "must be one line (no line breaks or control characters)"
        }
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return "has a { with no closing }" }
            let name = String(rest[rest.index(after: open)..<close])
            if !subjectPlaceholders.contains(name) {
                return "unknown placeholder {\(name)} (known: "
                    + subjectPlaceholders.map { "{\($0)}" }.joined(separator: ", ") + ")"
            }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }
}
