import Foundation
import RobinModel

/// A tiny RFC 4180 reader for these tests only (the project's real reader
/// lives in RobinExports). Records end in CRLF or LF; quoted fields may hold
/// commas, doubled quotes and line breaks.
struct TestCSV {
    struct Field: Equatable {
        var text: String
        var wasQuoted: Bool
    }

    let header: [String]
    /// Records after the header, as field texts.
    let rows: [[String]]
    /// Every field of every record (header included), with whether it was quoted.
    let fields: [Field]
    /// The rows as dictionaries keyed by column name (made once: tests read them many times).
    let records: [[String: String]]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var records: [[String]] = []
        var fields: [Field] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var index = 0
        func endField() {
            let value = String(decoding: field, as: UTF8.self)
            record.append(value)
            fields.append(Field(text: value, wasQuoted: quoted))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\n"):
                endField()
                records.append(record)
                record = []
            default:
                field.append(byte)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        let header = records.first ?? [], rows = Array(records.dropFirst())
        self.header = header
        self.rows = rows
        self.fields = fields
        self.records = rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The rows as opaque, comparable lines (fields joined by U+001F).
    var lines: [String] {
        rows.map { $0.joined(separator: "\u{1F}") }
    }

    /// Unix seconds of Robin's `YYYY-MM-DD HH:MM:SS` (UTC); nil when empty or malformed.
    static func instant(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let date = LocalDate(parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int64($0) }
        guard clock.count == 3 else { return nil }
        return Int64(date.daysSinceEpoch) * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
    }
}
