/// One plain sentence of the report's opening (`InsightText`): our own words and
/// numbers, and names taken from the exports (building, floor, department).
///
/// The two are kept apart until the sentence is written, because they are made
/// safe differently: a name can hold `*`, `|`, `<script>` or a line break, our
/// words never do. Each medium writes the same sentence with its own escaping
/// (`plain`, `html`, and report.md's Markdown in RobinRender), so the report,
/// the email's two parts and the subject say exactly the same thing.
public struct InsightSentence: Sendable, Equatable {
    /// A piece of a sentence.
    public enum Part: Sendable, Equatable {
        /// Our wording and figures, safe as they are in every medium.
        case words(String)
        /// A name from the exports, to be escaped for the medium.
        case name(String)
    }

    /// The sentence in order.
    public var parts: [Part]

    public init(_ parts: [Part]) {
        self.parts = parts
    }

    /// The sentence with each name passed through `name` and our words through `words`.
    public func text(names name: (String) -> String, words: (String) -> String = { $0 }) -> String {
        parts.map { part in
            switch part {
            case .words(let text): words(text)
            case .name(let text): name(text)
            }
        }.joined()
    }

    /// For a plain-text reader (a subject, a terminal, a test): names kept as they
    /// are, except that line breaks and other control characters become spaces and
    /// surrounding spaces go, as Markdown's escaping does, so the sentence stays one
    /// line and reads as report.md does once its escapes are read back.
    public var plain: String {
        text(names: Self.flattened)
    }

    /// For HTML (the email): every part escaped with `HTMLEscaping`, names flattened as in `plain`.
    public var html: String {
        text(names: { HTMLEscaping.escape(Self.flattened($0)) }, words: { HTMLEscaping.escape($0) })
    }

    /// `name` on one line: control characters and the Unicode line and paragraph
    /// separators as spaces, leading and trailing spaces dropped.
    public static func flattened(_ name: String) -> String {
        let scalars = name.unicodeScalars.map { scalar -> Unicode.Scalar in
            let value = scalar.value
            return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 ? " " : scalar
        }
        guard let first = scalars.firstIndex(where: { $0 != " " }),
              let last = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

/// Builds a sentence part by part: `sentence.words("came in less")`.
struct SentenceBuilder {
    private(set) var parts: [InsightSentence.Part] = []

    /// Appends our own words, merged with the words before them.
    mutating func words(_ text: String) {
        if case .words(let before)? = parts.last {
            parts[parts.count - 1] = .words(before + text)
        } else {
            parts.append(.words(text))
        }
    }

    /// Appends a name from the exports.
    mutating func name(_ text: String) {
        parts.append(.name(text))
    }

    var sentence: InsightSentence { InsightSentence(parts) }
}
