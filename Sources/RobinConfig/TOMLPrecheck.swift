/// Finds, before TOMLKit 0.6.0 parses a configuration, what it crashes on or
/// silently mishandles (all found by the config fuzz target, `Fuzz/`). Its
/// parser, toml++ 3, is built with its assertions on, and some inputs break
/// them (toml.hpp line numbers), which aborts the process:
/// - a table header whose key does not start like a key: `[.]`, `[!]`,
///   `[[é]]`, a lone `[` (`parse_key`, 15481);
/// - a `}` where an array expects a value: `[1, }]` (`parse_value`, 14994);
/// - a date whose time does not start with two digits: `1979-05-27T:07`,
///   `1979-05-27 2`, `1979-05-"7 0` (`parse_time`, 14790; `parse_value`, 15080).
/// And TOMLKit passes keys and strings as C strings, so a `\u0000` escape in a
/// quoted key cuts it short and the key is then not found again (a crash in
/// `TOMLTableIterator`), and one in a value silently cuts the value short.
///
/// The text is scanned as TOML reads it (comments, strings, multi-line values),
/// so what is inside a string or a comment is never mistaken for structure.
/// Each problem is an error in TOML anyway: only the message is ours.
struct TOMLPrecheck {
    /// A problem and where it is.
    struct Problem: Equatable {
        /// 1-based line.
        var line: Int
        /// 1-based column, in Unicode scalars.
        var column: Int
        /// What is wrong, for `ConfigError.message`.
        var message: String
    }

    /// The first problem in `text`, or nil.
    static func firstProblem(in text: String) -> Problem? {
        var scan = TOMLPrecheck(text)
        return scan.run()
    }

    private enum State { case normal, comment, basic, literal, multiLineBasic, multiLineLiteral }

    private let scalars: [Unicode.Scalar]
    private var index: Int
    private var state = State.normal
    /// The open `[` (arrays) and `{` (inline tables) of values, innermost last.
    private var open: [Unicode.Scalar] = []
    /// True where a value must come next: after `=`, and after `[` or `,` in an array.
    private var expectsValue = false
    private var inHeader = false, atLineStart = true
    private var line = 1, lineStart: Int

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        // The parser skips a byte order mark, so a header may follow it.
        index = scalars.first == "\u{FEFF}" ? 1 : 0
        lineStart = index
    }

    private var inArray: Bool { open.last == "[" }

    private mutating func run() -> Problem? {
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                lineStart = index + 1
                // A single-line string or a header ends with its line (unclosed: the parser says so).
                if state != .multiLineBasic, state != .multiLineLiteral { state = .normal }
                inHeader = false
                expectsValue = expectsValue && inArray
                atLineStart = state == .normal && open.isEmpty
                index += 1
                continue
            }
            let problem: Problem?
            switch state {
            case .comment: problem = nil; index += 1
            case .basic, .multiLineBasic: problem = basicString(scalar)
            case .literal, .multiLineLiteral: problem = nil; literalString(scalar)
            case .normal: problem = normal(scalar)
            }
            if let problem { return problem }
        }
        return nil
    }

    private mutating func basicString(_ scalar: Unicode.Scalar) -> Problem? {
        if scalar == "\\", index + 1 < scalars.count {
            if isEscapedNUL(at: index) {
                return problem(at: index, "a NUL character (\\u0000) is not allowed in the configuration")
            }
            // An escaped character is skipped; a line-ending backslash leaves the line break to count.
            index += scalars[index + 1] == "\n" ? 1 : 2
        } else if state == .basic, scalar == "\"" {
            state = .normal
            index += 1
        } else if state == .multiLineBasic, isRun("\"", 3) {
            closeMultiLine()
        } else {
            index += 1
        }
        return nil
    }

    private mutating func literalString(_ scalar: Unicode.Scalar) {
        if state == .literal, scalar == "'" {
            state = .normal
            index += 1
        } else if state == .multiLineLiteral, isRun("'", 3) {
            closeMultiLine()
        } else {
            index += 1
        }
    }

    private mutating func normal(_ scalar: Unicode.Scalar) -> Problem? {
        defer { index += 1 }
        if scalar == " " || scalar == "\t" || scalar == "\r" { return nil }
        if scalar == "#" {
            state = .comment
            return nil
        }
        let valueStart = expectsValue
        expectsValue = false
        defer { atLineStart = false }
        if atLineStart, scalar == "[" {
            var key = index + 1
            if key < scalars.count, scalars[key] == "[" { key += 1 }
            while key < scalars.count, scalars[key] == " " || scalars[key] == "\t" { key += 1 }
            if key < scalars.count, !Self.canStartKey(scalars[key]) {
                return problem(at: key, "not valid TOML: a table header needs a key after '[', not \(Self.shown(scalars[key]))")
            }
            inHeader = true
        } else if scalar == "\"" || scalar == "'" {
            let multiLine = isRun(scalar, 3)
            state = scalar == "\"" ? (multiLine ? .multiLineBasic : .basic) : (multiLine ? .multiLineLiteral : .literal)
            if multiLine { index += 2 }
        } else if inHeader {
            return nil  // the header's own brackets and dots are no value's
        } else if scalar == "=" {
            expectsValue = true
        } else if scalar == "[" {
            open.append("[")
            expectsValue = true
        } else if scalar == "{" {
            open.append("{")
        } else if scalar == "}", valueStart, inArray {
            return problem(at: index, "not valid TOML: expected a value or ']' in the array, not '}'")
        } else if scalar == "]" || scalar == "}" {
            _ = open.popLast()
        } else if scalar == ",", inArray {
            expectsValue = true
        } else if valueStart, let problem = badDateTime() {
            return problem
        }
        return nil
    }

    /// A value that starts like a date and goes on with `T` (or `t`) or a space
    /// and a digit must go on with a two-digit hour. The parser takes any value
    /// of ten characters (not counting `_`) with `-` fifth and eighth for a date
    /// when a space and a digit follow (`1979-05-"7 0` too), and then asserts that
    /// the hour goes on; with `T`, it has read a real date first.
    private func badDateTime() -> Problem? {
        var end = index
        while end < scalars.count, !Self.endsValue(scalars[end]) { end += 1 }
        let token = scalars[index..<end].filter { $0 != "_" }
        let hour: Int
        if token.count == 10, token[4] == "-", token[7] == "-",
           end + 1 < scalars.count, scalars[end] == " ", Self.isDigit(scalars[end + 1]) {
            hour = end + 1
        } else if end - index > 10, scalars[index + 10] == "T" || scalars[index + 10] == "t",
                  zip("dddd-dd-dd".unicodeScalars, scalars[index...]).allSatisfy({ $0 == "d" ? Self.isDigit($1) : $0 == $1 }) {
            hour = index + 11
        } else {
            return nil
        }
        for digit in hour..<(hour + 2) where digit >= scalars.count || !Self.isDigit(scalars[digit]) {
            return problem(at: digit, "not valid TOML: a date-time needs a two-digit hour after the date")
        }
        return nil
    }

    /// What ends a value for the parser (toml.hpp `is_value_terminator`).
    private static func endsValue(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "]" || scalar == "}" || scalar == "," || scalar == "#"
    }

    private func isRun(_ quote: Unicode.Scalar, _ count: Int) -> Bool {
        index + count <= scalars.count && scalars[index..<(index + count)].allSatisfy { $0 == quote }
    }

    /// Past the three quotes closing a multi-line string, and up to two more
    /// before them, which belong to the string.
    private mutating func closeMultiLine() {
        let quote = scalars[index]
        var end = index + 3
        while end < scalars.count, end < index + 5, scalars[end] == quote { end += 1 }
        index = end
        state = .normal
    }

    /// True when the escape at `start` (a backslash) is `\u0000` or `\U00000000`.
    private func isEscapedNUL(at start: Int) -> Bool {
        let digits = scalars[start + 1] == "u" ? 4 : scalars[start + 1] == "U" ? 8 : 0
        guard digits > 0, start + 2 + digits <= scalars.count else { return false }
        return scalars[(start + 2)..<(start + 2 + digits)].allSatisfy { $0 == "0" }
    }

    private func problem(at position: Int, _ message: String) -> Problem {
        Problem(line: line, column: position - lineStart + 1, message: message)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

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
