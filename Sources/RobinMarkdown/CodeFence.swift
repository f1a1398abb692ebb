/// Follows fenced code blocks (```` ``` ```` and `~~~`) line by line, so pipe tables are not looked for inside them.
struct CodeFence {
    /// The open fence's character and length, or nil outside a fenced block.
    private var open: (character: Unicode.Scalar, count: Int)?

    /// Whether `line` belongs to a fenced code block (its opening or closing fence included).
    mutating func contains(_ line: Substring) -> Bool {
        let scalars = Array(line.unicodeScalars)
        var indent = 0
        while indent < scalars.count, scalars[indent] == " " { indent += 1 }
        let run = indent <= 3 ? Self.fenceRun(scalars, from: indent) : nil
        if let current = open {
            if let run, run.character == current.character, run.count >= current.count,
               scalars[(indent + run.count)...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                open = nil
            }
            return true
        }
        guard let run, run.count >= 3 else { return false }
        // A backtick fence's info string cannot contain a backtick (CommonMark 4.5).
        if run.character == "`", scalars[(indent + run.count)...].contains("`") { return false }
        open = run
        return true
    }

    private static func fenceRun(_ scalars: [Unicode.Scalar], from start: Int) -> (character: Unicode.Scalar, count: Int)? {
        guard start < scalars.count, scalars[start] == "`" || scalars[start] == "~" else { return nil }
        var end = start
        while end < scalars.count, scalars[end] == scalars[start] { end += 1 }
        return (scalars[start], end - start)
    }
}
