/// Escaping of data values (building, floor, department, room names) for Markdown.
public enum MarkdownEscape {
    /// Escapes a data value (building, floor, department, room name) for inline Markdown text so it renders literally.
    ///
    /// Backslash-escapes the ASCII punctuation that CommonMark or GitHub treats specially
    /// (`` \ ` * _ { } [ ] < > ( ) # + - . ! | ~ & = $ ``), so a value can never open a link,
    /// emphasis, raw HTML, an entity, a heading, a list, a setext underline, GitHub math or
    /// strikethrough, and a `|` never splits a pipe-table cell. Also:
    /// - the backslash itself becomes `&#92;`: an escaped `\\` right before a table's closing
    ///   `|` would read as `\|` to GitHub's table scanner and swallow the cell border;
    /// - a `:` followed by `/` is escaped, so `https://...` is never autolinked by GitHub;
    /// - control characters (CR, LF, tab, other C0/C1 controls) and U+2028/U+2029 become a
    ///   space, so a value stays on its line (and in its table row);
    /// - leading and trailing spaces are dropped: four leading spaces at the start of a line
    ///   would open a code block, two trailing ones a hard line break. HTML shows neither.
    ///
    /// For inline text only (paragraphs, headings, list items, table cells, image alt text);
    /// not for code spans or link destinations.
    public static func inline(_ value: String) -> String {
        let flattened = String(String.UnicodeScalarView(value.unicodeScalars.map { isLineBreaking($0) ? " " : $0 }))
        let scalars = Array(flattened.unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0 != " " }),
              let last = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        var out = String.UnicodeScalarView()
        for index in first...last {
            let scalar = scalars[index]
            if scalar == "\\" {
                out.append(contentsOf: "&#92;".unicodeScalars)
                continue
            }
            if specials.contains(scalar) || (scalar == ":" && index < last && scalars[index + 1] == "/") {
                out.append("\\")
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// ASCII punctuation escaped with a backslash wherever it appears.
    private static let specials: Set<Unicode.Scalar> = [
        "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "-", ".", "!", "|", "~", "&", "=", "$",
    ]

    /// Control characters and the Unicode line and paragraph separators.
    private static func isLineBreaking(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
