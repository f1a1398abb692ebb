/// Fills a subject template (`email.subject`, `--subject`): `{period}`,
/// `{from}`, `{to}`, `{folder}` (EmailSettings.subjectPlaceholders).
public struct SubjectTemplate: Sendable, Equatable {
    /// The template text, e.g. "Workplace report - {period}".
    public var template: String

    public init(_ template: String) {
        self.template = template
    }

    /// The subject for `name`'s period.
    public func subject(for name: PeriodName) -> String {
        let values = ["period": name.label, "from": "\(name.period.from)", "to": "\(name.period.to)",
                      "folder": name.folder]
        var out = "", rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
              let value = values[String(rest[rest.index(after: open)..<close])] {
            out += rest[..<open] + value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
