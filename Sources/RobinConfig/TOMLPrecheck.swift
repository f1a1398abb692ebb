/// Finds, before TOMLKit 0.6.0 parses a configuration, the two things it
/// mishandles (both found by the config fuzz target, `Fuzz/`):
/// - a table header whose key does not start like a key (`[.]`, `[!]`,
///   `[[é]]`, a lone `[`): its parser (toml++ 3) asserts that it does
///   (toml.hpp `parse_key`) instead of reporting it, and the process aborts;
/// - a `\u0000` escape in a quoted string: TOMLKit passes keys and strings as C
///   strings, so such a key is cut short and then not found again (a crash in
///   `TOMLTableIterator`), and such a value is silently cut short.
///
/// Comments, strings and multi-line values are scanned as TOML reads them, so a
/// `[` inside them is never taken for a header.
enum TOMLPrecheck {
    /// A problem and where it is.
    struct Problem: Equatable {
        /// 1-based line.
        var line: Int
        /// 1-based column, in Unicode scalars.
        var column: Int
        /// What is wrong, for `ConfigError.message`.
        var message: String
    }

    private enum State { case normal, comment, basic, literal, multiLineBasic, multiLineLiteral }

    /// The first problem in `text`, or nil.
    static func firstProblem(in text: String) -> Problem? {
        let scalars = Array(text.unicodeScalars)
        var state = State.normal
        var depth = 0  // open `[` and `{` of values: a line inside them is no header
        var inHeader = false, atLineStart = true, line = 1
        // The parser skips a byte order mark, so a header may follow it.
        var index = scalars.first == "\u{FEFF}" ? 1 : 0
        var lineStart = index
        func isRun(_ quote: Unicode.Scalar, _ count: Int) -> Bool {
            index + count <= scalars.count && scalars[index..<(index + count)].allSatisfy { $0 == quote }
        }
        func problem(at position: Int, _ message: String) -> Problem {
            Problem(line: line, column: position - lineStart + 1, message: message)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                lineStart = index + 1
                // A single-line string or a header ends with its line (unclosed: the parser says so).
                if state != .multiLineBasic, state != .multiLineLiteral { state = .normal }
                inHeader = false
                atLineStart = state == .normal && depth == 0
                index += 1
                continue
            }
            switch state {
            case .comment:
                break
            case .basic, .multiLineBasic:
                if scalar == "\\", index + 1 < scalars.count {
                    if isEscapedNUL(scalars, at: index) {
                        return problem(at: index, "a NUL character (\\u0000) is not allowed in the configuration")
                    }
                    if scalars[index + 1] != "\n" { index += 1 }
                } else if state == .basic, scalar == "\"" {
                    state = .normal
                } else if state == .multiLineBasic, isRun("\"", 3) {
                    index = endOfClosingRun(scalars, at: index)
                    state = .normal
                    continue
                }
            case .literal:
                if scalar == "'" { state = .normal }
            case .multiLineLiteral:
                if isRun("'", 3) {
                    index = endOfClosingRun(scalars, at: index)
                    state = .normal
                    continue
                }
            case .normal:
                if scalar == " " || scalar == "\t" || scalar == "\r" { break }
                if atLineStart, scalar == "[" {
                    var key = index + 1
                    if key < scalars.count, scalars[key] == "[" { key += 1 }
                    while key < scalars.count, scalars[key] == " " || scalars[key] == "\t" { key += 1 }
                    if key < scalars.count, !canStartKey(scalars[key]) {
                        return problem(at: key, "not valid TOML: a table header needs a key after '[', not \(shown(scalars[key]))")
                    }
                    inHeader = true
                } else if scalar == "#" {
                    state = .comment
                } else if scalar == "\"" || scalar == "'" {
                    let multiLine = isRun(scalar, 3)
                    state = scalar == "\"" ? (multiLine ? .multiLineBasic : .basic) : (multiLine ? .multiLineLiteral : .literal)
                    if multiLine { index += 2 }
                } else if inHeader {
                    break  // the header's own brackets are no value's
                } else if scalar == "[" || scalar == "{" {
                    depth += 1
                } else if scalar == "]" || scalar == "}" {
                    depth = max(0, depth - 1)
                }
                atLineStart = false
            }
            index += 1
        }
        return nil
    }

    /// Past the three quotes closing a multi-line string at `index`, and up to
    /// two more before them, which belong to the string.
    private static func endOfClosingRun(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        var end = index + 3
        while end < scalars.count, end < index + 5, scalars[end] == scalars[index] { end += 1 }
        return end
    }

    /// True when the escape at `index` (a backslash) is `\u0000` or `\U00000000`.
    private static func isEscapedNUL(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 1 < scalars.count else { return false }
        let digits = scalars[index + 1] == "u" ? 4 : scalars[index + 1] == "U" ? 8 : 0
        guard digits > 0, index + 2 + digits <= scalars.count else { return false }
        return scalars[(index + 2)..<(index + 2 + digits)].allSatisfy { $0 == "0" }
    }

    /// What the parser accepts where a header's key starts: a bare key character
    /// (`A-Za-z0-9_-`), a quote, or the `]` it reports itself (an empty header).
    private static func canStartKey(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'", "]": true
        default: false
        }
    }

    /// `'!'`, `the end of the line`, or `U+000B` for another invisible character.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        if scalar == "\n" || scalar == "\r" { return "the end of the line" }
        guard scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace else { return "'\(scalar)'" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
