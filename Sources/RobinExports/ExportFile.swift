#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The part every export reader shares: open, find the columns, check each row's
/// width, pass rows on, and warn once about unreadable optional values.
enum ExportFile {
    /// Calls `row` with each data record of `file` and the positions of `required`.
    /// - Returns: the number of data rows and of unreadable optional values.
    static func eachRow(
        of file: String,
        required: [String],
        warn: (String) -> Void,
        row: (CSVRecord, [Int], inout OptionalValueLog) throws(CSVError) -> Void
    ) throws(CSVError) -> (rows: Int, badValues: Int) {
        let reader = try CSVReader(path: file)
        guard let header = try reader.nextRecord() else {
            throw CSVError(file: file, line: 0, problem: .emptyFile)
        }
        let columns = ColumnMap(header: header)
        let positions = try columns.require(required, file: file)
        var log = OptionalValueLog()
        var rows = 0
        do throws(CSVError) {
            while let record = try reader.nextRecord() {
                guard record.count == columns.names.count else {
                    throw CSVError(file: file, line: record.line,
                                   problem: .fieldCount(found: record.count, expected: columns.names.count))
                }
                try row(record, positions, &log)
                rows += 1
            }
        } catch {
            var error = error
            error.columnNames = columns.names
            throw error
        }
        if let warning = log.warning(file: file) { warn(warning) }
        return (rows, log.count)
    }

    /// The size of `file` in bytes (0 when it cannot be read; reading it will say why).
    static func size(of file: String) -> Int {
        var info = stat()
        return stat(file, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Rows to expect from all files, from the rows per byte of the first
    /// (plus 5%, so slightly larger later files do not regrow the table).
    static func estimatedRows(sizes: [Int], rowsInFirst: Int) -> Int {
        guard let first = sizes.first, first > 0 else { return 0 }
        let total = sizes.reduce(0, +)
        return Int(Double(rowsInFirst) / Double(first) * Double(total) * 1.05)
    }

    /// A required timestamp, or an error naming the line, column and value.
    static func requiredTimestamp(_ record: CSVRecord, _ position: Int, column: String, file: String) throws(CSVError) -> Int64 {
        let text = FieldParsing.trimmed(record.rawBytes(position))
        guard let value = FieldParsing.timestamp(text) else {
            throw CSVError(file: file, line: record.line, problem: .badValue(
                column: column, value: String(decoding: text, as: UTF8.self), expected: "a date and time"))
        }
        return value
    }

    /// An optional timestamp: `Timestamp.missing` when empty or unreadable (noted in `log`).
    static func optionalTimestamp(_ record: CSVRecord, _ position: Int, column: String, log: inout OptionalValueLog) -> Int64 {
        let text = FieldParsing.trimmed(record.rawBytes(position))
        if text.isEmpty { return Timestamp.missing }
        if let value = FieldParsing.timestamp(text) { return value }
        log.note(line: record.line, column: column, value: text)
        return Timestamp.missing
    }

    /// An optional number: NaN when empty or unreadable (noted in `log`).
    static func optionalNumber(_ record: CSVRecord, _ position: Int, column: String, log: inout OptionalValueLog) -> Double {
        let text = FieldParsing.trimmed(record.rawBytes(position))
        if text.isEmpty { return .nan }
        if let value = FieldParsing.number(text) { return value }
        log.note(line: record.line, column: column, value: text)
        return .nan
    }

    /// The trimmed field, interned; -1 when it is empty.
    @inline(__always)
    static func internID(_ record: CSVRecord, _ position: Int, into interner: inout ByteInterner) -> Int32 {
        FieldParsing.trimmed(record.rawBytes(position)).isEmpty ? -1 : intern(record, position, into: &interner)
    }

    /// The trimmed field, interned.
    @inline(__always)
    static func intern(_ record: CSVRecord, _ position: Int, into interner: inout ByteInterner) -> Int32 {
        if record.hasDoubledQuotes(position) {
            let bytes = record.bytes(position)
            return bytes.withUnsafeBufferPointer { interner.intern(FieldParsing.trimmed($0)) }
        }
        return interner.intern(FieldParsing.trimmed(record.rawBytes(position)))
    }
}
