import RobinModel

/// The header row an export's CSV must start with: every documented column
/// of its kind (`ExportColumns`), found by name in any order, extra columns
/// allowed (Robin adds columns; it does not remove them).
///
/// Names match ignoring case, surrounding spaces and tabs, and `_` versus
/// space; `Level` stands for `Floor` (Robin's UI exports name it so).
struct ExportHeader: Sendable {
    let kind: ExportKind

    /// Other names a documented column goes by, keyed by its normalized name.
    private static let aliases: [String: [String]] = ["floor": ["level"]]

    /// The documented columns missing from `names`, in documented order.
    func missingColumns(in names: [String]) -> [String] {
        let present = Set(names.map(ExportHeader.normalized))
        return kind.documentedColumns.filter { column in
            let key = ExportHeader.normalized(column)
            return !present.contains(key) && !(ExportHeader.aliases[key] ?? []).contains(where: present.contains)
        }
    }

    /// `name` lower-cased, trimmed of spaces and tabs, with `_` read as a space.
    static func normalized(_ name: String) -> String {
        var slice = Substring(name.lowercased().replacingOccurrences(of: "_", with: " "))
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
