/// Splits one pipe-table line into cells the way GitHub does.
enum PipeRow {
    /// The cells of a row line: at most three spaces of indentation, then `|`; nil for any other line.
    ///
    /// Cells split at every `|` not written `\|` (GitHub's rule, also inside code spans);
    /// `\|` becomes `|` in the cell text, which is trimmed of spaces and tabs. A closing
    /// `|` is optional.
    static func cells(_ line: Substring) -> [String]? {
        let scalars = Array(line.unicodeScalars)
        var start = 0
        while start < scalars.count, start < 3, scalars[start] == " " { start += 1 }
        guard start < scalars.count, scalars[start] == "|" else { return nil }
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var afterPipe = true
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "|" {
                cell.append("|")
                index += 2
                afterPipe = false
                continue
            }
            if scalar == "|" {
                cells.append(trimmed(cell))
                cell = String.UnicodeScalarView()
                afterPipe = true
            } else {
                cell.append(scalar)
                if scalar != " " && scalar != "\t" { afterPipe = false }
            }
            index += 1
        }
        if !afterPipe { cells.append(trimmed(cell)) }
        return cells
    }

    /// The column alignments of a delimiter row (`| :-- | --: |`), or nil when the line is not one.
    static func alignments(_ line: Substring) -> [ColumnAlignment]? {
        guard let cells = cells(line), !cells.isEmpty else { return nil }
        var alignments: [ColumnAlignment] = []
        for cell in cells {
            guard let alignment = ColumnAlignment(delimiter: cell) else { return nil }
            alignments.append(alignment)
        }
        return alignments
    }

    private static func trimmed(_ cell: String.UnicodeScalarView) -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = cell.firstIndex(where: { !isSpace($0) }),
              let last = cell.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(cell[first...last])
    }
}
