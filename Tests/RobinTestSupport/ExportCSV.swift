import Foundation
import RobinModel

/// Builds export CSV text for tests: every documented column of the kind (in
/// Robin's order, or shuffled, plus an extra column Robin might add), rows
/// given by the columns that matter to the test, the rest empty.
public struct ExportCSV {
    public var columns: [String]
    public var rows: [[String: String]] = []
    /// Headers written differently from their column name (`Floor` as `Level`).
    public var spellings: [String: String] = [:]

    public init(_ kind: ExportKind, shuffled: Bool = false, extraColumn: Bool = false) {
        var columns = kind.documentedColumns
        if shuffled { columns.reverse() }
        if extraColumn { columns.insert("Some New Column", at: columns.count / 2) }
        self.columns = columns
    }

    /// Adds a row; keys must be column names.
    public mutating func add(_ row: [String: String]) {
        for key in row.keys { precondition(columns.contains(key), "no column \(key)") }
        rows.append(row)
    }

    /// Adds `column` (one Robin's guide does not list, such as `Work Area`) at the end.
    public mutating func addColumn(_ column: String) {
        columns.append(column)
    }

    /// Writes the header of `column` as `header`; rows still name it `column`.
    public mutating func spell(_ column: String, as header: String) {
        spellings[column] = header
    }

    /// RFC 4180 text with CRLF line ends, as Robin serves it.
    public var text: String {
        ([columns.map { spellings[$0] ?? $0 }] + rows.map { row in columns.map { row[$0] ?? "" } })
            .map { $0.map(ExportCSV.quote).joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }

    /// Writes `text` to a new temporary file.
    public func file(name: String = "export.csv") throws -> TempFile {
        try TempFile(text, name: name)
    }

    static func quote(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
