#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The part every export reader shares: open, find the columns, check each row's
/// width, pass rows on, and warn once about unreadable optional values.
enum ExportFile {
    /// Calls `body` with each data row of `file`, seen through `Column`.
    /// - Returns: the number of data rows and of unreadable optional values, and
    ///   the file's warning about them (nil when there were none).
    static func eachRow<Column: ExportColumn>(
        of file: String,
        columns _: Column.Type,
        body: (inout ExportRow<Column>) throws(CSVError) -> Void
    ) throws(CSVError) -> (rows: Int, badValues: Int, warning: String?) {
        let reader = try CSVReader(path: file)
        guard let header = try reader.nextRecord() else {
            throw CSVError(file: file, line: 0, problem: .emptyFile)
        }
        let columns = ColumnMap(header: header)
        var row = ExportRow<Column>(record: header, positions: try columns.positions(of: Column.self, file: file), file: file)
        var rows = 0
        do throws(CSVError) {
            while let record = try reader.nextRecord() {
                guard record.count == columns.names.count else {
                    throw CSVError(file: file, line: record.line,
                                   problem: .fieldCount(found: record.count, expected: columns.names.count))
                }
                row.record = record
                try body(&row)
                rows += 1
            }
        } catch {
            var error = error
            error.columnNames = columns.names
            throw error
        }
        return (rows, row.log.count, row.log.warning(file: file))
    }

    /// The size of `file` in bytes (0 when it cannot be read; reading it will say why).
    static func size(of file: String) -> Int {
        var info = stat()
        return stat(file, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Rows to expect in a file of `size` bytes, from the rows per byte of the
    /// files read so far (`read` rows in files of `sizes`; none yet: one row per
    /// 128 bytes, more than exports have, and reserved memory that is never
    /// written costs nothing).
    static func expectedRows(size: Int, read rows: Int, in sizes: ArraySlice<Int>) -> Int {
        let bytes = sizes.reduce(0, +)
        guard rows > 0, bytes > 0 else { return size / 128 }
        return Int(Double(rows) / Double(bytes) * Double(size) * 1.05)
    }

    /// Rows to expect from all files, from the rows per byte of the first
    /// (plus 5%, so slightly larger later files do not regrow the table).
    static func estimatedRows(sizes: [Int], rowsInFirst: Int) -> Int {
        guard let first = sizes.first, first > 0 else { return 0 }
        let total = sizes.reduce(0, +)
        return Int(Double(rowsInFirst) / Double(first) * Double(total) * 1.05)
    }
}
