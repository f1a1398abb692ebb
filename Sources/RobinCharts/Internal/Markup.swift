/// Escaping for text and attribute values in SVG (XML) and HTML.
enum Markup {
    /// `text` safe inside an element or a quoted attribute: `& < > " '` become
    /// references, and characters XML 1.0 forbids (most C0 controls,
    /// U+FFFE, U+FFFF) become U+FFFD so the document always parses.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
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
