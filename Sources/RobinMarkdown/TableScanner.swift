/// Finds the pipe tables in Markdown source and stands a placeholder paragraph in for each.
///
/// A table is a header row, a delimiter row with as many cells, and the body rows that
/// follow, every line starting with `|` after at most three spaces, outside fenced code.
/// It ends at the first line that does not start with `|` (GitHub would also take a
/// pipe-less line as a row; our templates never write one).
///
/// Captions: a one-line paragraph right before the table, directly or after one blank
/// line, becomes the table's `<caption>` (one-line: after a blank line, a heading or the
/// start of the document) when it is all bold (`**Desks by building**`, which GitHub shows
/// as a bold line above the table) or starts with `Table: ` (Pandoc's convention, which
/// GitHub shows as a stray paragraph: older templates).
///
/// Layout: an HTML comment line `<!-- table-layout: cards -->` right before the header row
/// (after the caption) makes the table `PipeTable.Layout.cards`. GitHub hides the comment;
/// here it is taken out of the source, so safe mode leaves no trace of it.
enum TableScanner {
    /// The source with each table replaced by its placeholder line, and the tables in order.
    struct Result {
        var source: String
        var tables: [PipeTable]
    }

    static let captionPrefix = "Table: "
    static let cardsMarker = "<!-- table-layout: cards -->"

    /// Scans `markdown`; `placeholder(i)` is the paragraph text that stands for table `i`.
    static func scan(_ markdown: String, placeholder: (Int) -> String) -> Result {
        let lines = markdown.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        var fence = CodeFence()
        let inCode = lines.map { fence.contains($0) }
        var output: [Substring] = []
        var tables: [PipeTable] = []
        var index = 0
        var consumed = 0  // lines before this belong to an earlier table or were copied
        while index < lines.count {
            guard !inCode[index], index + 1 < lines.count, !inCode[index + 1],
                  let header = PipeRow.cells(lines[index]),
                  let alignments = PipeRow.alignments(lines[index + 1]), alignments.count == header.count
            else {
                output.append(lines[index])
                index += 1
                continue
            }
            var rows: [[String]] = []
            var end = index + 2
            while end < lines.count, !inCode[end], let cells = PipeRow.cells(lines[end]) {
                rows.append(fitted(cells, to: header.count))
                end += 1
            }
            // The layout marker and the caption, each consumed with what lies between it and the table.
            var top = index
            var layout = PipeTable.Layout.scroll
            if top - 1 >= consumed, !inCode[top - 1], isCardsMarker(lines[top - 1]) {
                layout = .cards
                top -= 1
                output.removeLast()
            }
            var caption: String?
            if let line = captionLine(before: top, in: lines, inCode: inCode, from: consumed) {
                caption = captionText(lines[line])
                output.removeLast(top - line)
            }
            if let previous = output.last, !isBlank(previous) { output.append("") }
            // The header's indentation keeps a table inside the list item it is written in.
            let indent = lines[index].prefix { $0 == " " }
            output.append(Substring(String(indent) + placeholder(tables.count)))
            output.append("")
            tables.append(PipeTable(caption: caption, header: header, alignments: alignments, rows: rows, layout: layout))
            index = end
            consumed = end
        }
        return Result(source: output.joined(separator: "\n"), tables: tables)
    }

    /// Cuts or pads a body row to `count` cells.
    private static func fitted(_ cells: [String], to count: Int) -> [String] {
        cells.count >= count ? Array(cells.prefix(count)) : cells + Array(repeating: "", count: count - cells.count)
    }

    /// The index of the caption line for the table whose header is at `header`, if there is one.
    private static func captionLine(before header: Int, in lines: [Substring], inCode: [Bool], from first: Int) -> Int? {
        for candidate in [header - 1, header - 2] where candidate >= first {
            if candidate == header - 2 && !isBlank(lines[header - 1]) { return nil }
            guard !inCode[candidate], captionText(lines[candidate]) != nil else { continue }
            // The caption is a paragraph of its own: the start, a blank line or a heading before it.
            let before = candidate - 1
            return before < 0 || isBlank(lines[before]) || isATXHeading(lines[before]) ? candidate : nil
        }
        return nil
    }

    /// The caption in a `**...**` or `Table: ...` line (at most three spaces indented), or nil.
    ///
    /// A bold line is kept whole: `TableNodes` drops the emphasis when the caption is one
    /// bold run (`**a** and **b**` stays as written).
    private static func captionText(_ line: Substring) -> String? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count).trimmingSpaces
        if rest.hasPrefix("**"), rest.hasSuffix("**"), rest.count > 4, rest.contains(where: { $0 != "*" }) {
            return String(rest)
        }
        guard rest.hasPrefix(captionPrefix) else { return nil }
        let text = rest.dropFirst(captionPrefix.count).trimmingSpaces
        return text.isEmpty ? nil : String(text)
    }

    /// Whether `line` is the cards layout marker (at most three spaces indented).
    private static func isCardsMarker(_ line: Substring) -> Bool {
        let indent = line.prefix { $0 == " " }
        return indent.count <= 3 && line.dropFirst(indent.count).trimmingSpaces == cardsMarker
    }

    /// Whether `line` is a `#` to `######` heading (a block of one line, so what follows starts a paragraph).
    private static func isATXHeading(_ line: Substring) -> Bool {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return false }
        let hashes = line.dropFirst(indent.count).prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return false }
        let next = line.dropFirst(indent.count + hashes.count).first
        return next == nil || next == " " || next == "\t"
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
