import RobinModel

/// Fills a subject template (`email.subject`, `--subject`): `{period}`,
/// `{from}`, `{to}`, `{folder}`, `{headline}` (EmailSettings.subjectPlaceholders).
public struct SubjectTemplate: Sendable, Equatable {
    /// The template text, e.g. "Workplace report - {period}".
    public var template: String

    public init(_ template: String) {
        self.template = template
    }

    /// The subject for `name`'s period; `headline` fills `{headline}` (nil: the
    /// sentence said when nothing stands out).
    public func subject(for name: PeriodName, headline: InsightSentence? = nil) -> String {
        let values = ["period": name.label, "from": "\(name.period.from)", "to": "\(name.period.to)",
                      "folder": name.folder, "headline": Self.subjectText(headline ?? InsightText.nothingStoodOut)]
        var out = "", rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
              let value = values[String(rest[rest.index(after: open)..<close])] {
            out += rest[..<open] + value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The subject for a report's metrics.json, with its most notable item as `{headline}`.
    public func subject(for metrics: MetricsDocument) -> String {
        subject(for: metrics.name, headline: InsightText(metrics).headline)
    }

    /// A sentence as a subject holds it: plain text on one line, no final full stop.
    static func subjectText(_ sentence: InsightSentence) -> String {
        let text = sentence.plain
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
