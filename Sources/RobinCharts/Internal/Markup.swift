import RobinModel

/// Escaping for text and attribute values in SVG (XML) and HTML.
enum Markup {
    /// `text` safe inside an element or a quoted attribute, and valid XML.
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text, forXML: true)
    }

    /// `label` on one line (line breaks and tabs become spaces, other control
    /// characters U+FFFD), shortened with "…" to about `maxCharacters`
    /// characters. Plain text, not yet escaped.
    static func singleLine(_ label: String, maxCharacters: Int = Int.max) -> String {
        var line = String(label.map { character -> Character in
            if character.isNewline || character == "\t" { return " " }
            let control = character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            return control ? "\u{FFFD}" : character
        })
        let limit = max(maxCharacters, 1)
        if line.count > limit {
            line = String(line.prefix(limit - 1)) + "…"
        }
        return line
    }
}
