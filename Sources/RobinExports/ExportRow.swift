/// One data row of an export seen through its columns: every reader reads its
/// fields through these accessors, so the rules for empty, unreadable and
/// out-of-range values live here once. One value per file, its `record`
/// replaced row by row (no allocation per row or field).
struct ExportRow<Column: ExportColumn> {
    /// The current record.
    var record: CSVRecord
    /// Position of each column in the file (by raw value), -1 when absent.
    let positions: [Int]
    /// The file, for errors.
    let file: String
    /// Unreadable optional values of this file.
    var log = OptionalValueLog()

    /// Whether the file has `column`.
    @inline(__always)
    func has(_ column: Column) -> Bool { positions[column.rawValue] >= 0 }

    /// The field's bytes, trimmed of spaces and tabs; empty when the file lacks the column.
    @inline(__always)
    func bytes(_ column: Column) -> UnsafeBufferPointer<UInt8> {
        let position = positions[column.rawValue]
        guard position >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return FieldParsing.trimmed(record.rawBytes(position))
    }

    /// A required timestamp, or an error naming the line, column and value.
    func requiredTimestamp(_ column: Column) throws(CSVError) -> Int64 {
        let text = bytes(column)
        guard let value = FieldParsing.timestamp(text) else {
            throw CSVError(file: file, line: record.line, problem: .badValue(
                column: column.header, value: String(decoding: text, as: UTF8.self), expected: "a date and time"))
        }
        return value
    }

    /// An optional timestamp: `Timestamp.missing` when empty or unreadable (noted).
    mutating func timestamp(_ column: Column) -> Int64 {
        let text = bytes(column)
        if text.isEmpty { return Timestamp.missing }
        if let value = FieldParsing.timestamp(text) { return value }
        log.note(line: record.line, column: column.header, value: text)
        return Timestamp.missing
    }

    /// An optional number: NaN when empty, unreadable (`NaN` and `inf` too) or
    /// outside the column's range (noted).
    mutating func number(_ column: Column) -> Double {
        let text = bytes(column)
        if text.isEmpty { return .nan }
        guard let value = FieldParsing.number(text) else {
            log.note(line: record.line, column: column.header, value: text)
            return .nan
        }
        guard column.range.contains(value) else {
            log.note(line: record.line, column: column.header, value: text, reason: .outOfRange)
            return .nan
        }
        return value
    }

    /// An optional whole number inside the column's range: -1 when empty,
    /// unreadable, fractional or out of range (noted). `3.0` and `1e3` are whole.
    mutating func count(_ column: Column) -> Int32 {
        let text = bytes(column)
        if text.isEmpty { return -1 }
        guard let value = FieldParsing.number(text), value.rounded() == value else {
            log.note(line: record.line, column: column.header, value: text)
            return -1
        }
        return checkedCount(value, column, text)
    }

    /// `count` when it lies in the column's range, else -1 (noted with `text`).
    mutating func checkedCount(_ count: Double, _ column: Column, _ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard column.range.contains(count) else {
            log.note(line: record.line, column: column.header, value: text, reason: .outOfRange)
            return -1
        }
        return Int32(count)
    }

    /// An optional boolean in any form of METRICS.md (`TRUE`, `Yes`, `1`, ...):
    /// false when empty or absent, and when unreadable (noted).
    mutating func flag(_ column: Column) -> Bool {
        let text = bytes(column)
        if text.isEmpty { return false }
        if let value = FieldParsing.boolean(text) { return value }
        log.note(line: record.line, column: column.header, value: text)
        return false
    }

    /// The trimmed field, interned; an empty field is the column's `emptyLabel`.
    @inline(__always)
    func intern(_ column: Column, into interner: inout ByteInterner) -> Int32 {
        let position = positions[column.rawValue]
        let text = bytes(column)
        if text.isEmpty, let label = column.emptyLabel {
            return label.withUTF8Buffer { interner.intern($0) }
        }
        if position >= 0, record.hasDoubledQuotes(position) {
            let unquoted = record.bytes(position)
            return unquoted.withUnsafeBufferPointer { interner.intern(FieldParsing.trimmed($0)) }
        }
        return interner.intern(text)
    }

    /// Appends the trimmed field, as `intern` would intern it, to `values` (empty
    /// when the field is).
    @inline(__always)
    func append(_ column: Column, to values: inout DeferredValues) {
        let position = positions[column.rawValue]
        if position >= 0, record.hasDoubledQuotes(position) {
            let unquoted = record.bytes(position)
            return unquoted.withUnsafeBufferPointer { values.append(FieldParsing.trimmed($0)) }
        }
        values.append(bytes(column))
    }

    /// The trimmed field, interned; -1 when it is empty (an id that is not there).
    @inline(__always)
    func internID(_ column: Column, into interner: inout ByteInterner) -> Int32 {
        bytes(column).isEmpty ? -1 : intern(column, into: &interner)
    }
}
