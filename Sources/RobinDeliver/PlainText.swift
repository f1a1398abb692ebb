/// The text/plain part, made from report.md: Markdown is meant to read well as
/// plain text, so it is kept as it is (headings, pipe tables, lists) except
/// for what means nothing in a mail reader: chart images become "[Chart: alt]",
/// links to files of the report folder keep only their text, HTML comments
/// go, and the escapes that keep exported names from becoming markup
/// (`R\&D`, `&lt;`) are read back to the characters they stand for.
public enum PlainText {
    /// The text of `markdown`, with LF line ends and one final newline.
    public static func fromMarkdown(_ markdown: String) -> String {
        var text = markdown.replacingAll("\r\n", with: "\n")
        text = removeComments(text)
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(unescape(rewriteLinks(String(line))))
        }
        while lines.last?.allSatisfy({ $0 == " " }) == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown backslash escapes of ASCII punctuation, and the HTML entities a
    /// Markdown renderer writes for `& < > " '` and Markdown escaping writes for a
    /// backslash (`&#92;`). One pass: an escaped `\&` stays the `&` it stands for, so
    /// a name that holds the text `&lt;` is not read as `<`.
    private static func unescape(_ line: String) -> String {
        var out = "", escaped = false
        var rest = Substring(line)
        while let character = rest.first {
            rest = rest.dropFirst()
            if escaped {
                if !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { out.append("\\") }
                out.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "&", let entity = entities.first(where: { rest.hasPrefix($0.name) }) {
                out.append(entity.character)
                rest = rest.dropFirst(entity.name.count)
            } else {
                out.append(character)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// Entities read back, without their leading `&`.
    private static let entities: [(name: String, character: Character)] = [
        ("lt;", "<"), ("gt;", ">"), ("quot;", "\""), ("#39;", "'"), ("#92;", "\\"), ("amp;", "&"),
    ]

    private static func removeComments(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// `![alt](src)` -> `[Chart: alt]`; `[text](url)` -> `text (url)` for web
    /// links, `text` for relative ones (files the mail does not carry).
    private static func rewriteLinks(_ line: String) -> String {
        var out = "", rest = Substring(line)
        while let open = rest.firstIndex(of: "[") {
            let isImage = open > rest.startIndex && rest[rest.index(before: open)] == "!"
            guard let close = rest[open...].firstIndex(of: "]"),
                  rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
                  let end = rest[close...].firstIndex(of: ")")
            else {
                out += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            let label = rest[rest.index(after: open)..<close]
            let target = rest[rest.index(close, offsetBy: 2)..<end].split(separator: " ").first.map(String.init) ?? ""
            out += isImage ? rest[..<rest.index(before: open)] : rest[..<open]
            if isImage {
                out += label.isEmpty ? "[Chart]" : "[Chart: \(label)]"
            } else if target.contains("://") || target.hasPrefix("mailto:") {
                out += "\(label) (\(target))"
            } else {
                out += label
            }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
