/// Escaping of text for HTML and XML (SVG): the one place the report, the
/// charts and the email make data safe inside an element or a quoted attribute.
public enum HTMLEscaping {
    /// `text` with `& < > " '` turned into references, scalar by scalar (so an
    /// `&` followed by a combining mark is still escaped). With `forXML`, the
    /// characters XML 1.0 forbids (C0 controls other than tab, LF, CR, and
    /// U+FFFE, U+FFFF) become U+FFFD, so an SVG always parses.
    public static func escape(_ text: String, forXML: Bool = false) -> String {
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
                if forXML, scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
