import RobinModel

/// Fills a subject template (`email.subject`, `--subject`): `{period}`,
/// `{from}`, `{to}`, `{folder}`, `{headline}`, `{audience}`
/// (EmailSettings.subjectPlaceholders).
public struct SubjectTemplate: Sendable, Equatable {
    /// The template text, e.g. "Workplace report - {period}".
    public var template: String

    public init(_ template: String) {
        self.template = template
    }

    /// The subject for `name`'s period; `headline` fills `{headline}` (nil: the
    /// sentence said when nothing stands out), and `audience`, for an audience's
    /// report, `{audience}` (empty for the organisation's): a template without
    /// `{audience}` gets the name in parentheses at the end, so each audience's
    /// message says whose it is.
    public func subject(for name: PeriodName, headline: InsightSentence? = nil, audience: AudienceLabel? = nil) -> String {
        let values = ["period": name.label, "from": "\(name.period.from)", "to": "\(name.period.to)",
                      "folder": name.folder, "headline": Self.subjectText(headline ?? InsightText.nothingStoodOut),
                      "audience": audience?.name ?? ""]
        let subject = Self.fill(template, values)
        guard let audience, !template.contains("{audience}") else { return subject }
        return "\(subject) (\(audience.name))"
    }

    /// The subject for a report's metrics.json, with its most notable item as
    /// `{headline}` and its audience, when it has one.
    public func subject(for metrics: MetricsDocument, audience: AudienceLabel? = nil) -> String {
        subject(for: metrics.name, headline: InsightText(metrics).headline, audience: audience)
    }

    /// `template` with each known `{name}` replaced by `values[name]`; anything else is kept as it is.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = "", rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
              let value = values[String(rest[rest.index(after: open)..<close])] {
            out += rest[..<open] + value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A sentence as a subject holds it: plain text on one line, no final full stop.
    static func subjectText(_ sentence: InsightSentence) -> String {
        let text = sentence.plain
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
