import RobinModel

/// Fills a subject template (`email.subject`, `--subject`): `{period}`,
/// `{from}`, `{to}`, `{folder}`, `{audience}` (EmailSettings.subjectPlaceholders).
public struct SubjectTemplate: Sendable, Equatable {
    /// The template text, e.g. "Workplace report - {period}".
    public var template: String

    public init(_ template: String) {
        self.template = template
    }

    /// The subject for `name`'s period, and for `audience`'s report when given:
    /// `{audience}` is its name (empty for the organisation's), and a template
    /// without `{audience}` gets the name in parentheses at the end, so each
    /// audience's message says whose it is.
    public func subject(for name: PeriodName, audience: AudienceLabel? = nil) -> String {
        let values = ["period": name.label, "from": "\(name.period.from)", "to": "\(name.period.to)",
                      "folder": name.folder, "audience": audience?.name ?? ""]
        let subject = Self.fill(template, values)
        guard let audience, !template.contains("{audience}") else { return subject }
        return "\(subject) (\(audience.name))"
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
}
