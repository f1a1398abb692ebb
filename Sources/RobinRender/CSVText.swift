import Foundation
import RobinModel

/// CSV as Excel opens it: RFC 4180 (comma separated, CRLF line ends, a field
/// quoted when it holds a comma, a quote, CR or LF, quotes doubled), UTF-8 with
/// a byte-order mark so Excel reads accents right, and no formula injection.
enum CSVText {
    /// One field of a row.
    enum Field: Equatable {
        /// A value written as is: a plain number (`1234`, `67.12`, `-3.5`), an ISO date, or empty.
        case number(String)
        /// Text that may come from the exports (a building, floor, department or room name).
        case text(String)
    }

    /// The byte-order mark that tells Excel the file is UTF-8.
    static let byteOrderMark = "\u{FEFF}"

    /// A whole CSV file: the BOM, the heading row, the rows, each line ending in CRLF.
    static func document(header: [String], rows: [[Field]]) -> String {
        var text = byteOrderMark + line(header.map(Field.text))
        for row in rows { text += line(row) }
        return text
    }

    /// One record and its CRLF.
    static func line(_ fields: [Field]) -> String {
        fields.map { field -> String in
            switch field {
            case .number(let value): quoted(value)
            case .text(let value): quoted(defused(value))
            }
        }.joined(separator: ",") + "\r\n"
    }

    /// `value` rounded half away from zero to at most two decimals, without thousands
    /// separators or trailing zeros (`67.12`, `32.8`, `59`); empty for nil or not finite.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        var text = Figures.fixed(value, decimals: 2).replacingOccurrences(of: ",", with: "")
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Text a spreadsheet would run as a formula (it starts with `=`, `+`, `-` or `@`, or with
    /// a tab or CR that Excel skips) gets a leading `'`, which makes Excel show it as text (OWASP's
    /// advice for CSV injection). Names only: numbers are never changed.
    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// The field as RFC 4180 writes it: in quotes, quotes doubled, when it holds `,`, `"`, CR or LF.
    static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
