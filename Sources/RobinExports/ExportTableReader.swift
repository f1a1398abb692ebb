/// What the desk and the event readers share: reading files row by row into
/// their de-duplicated rows (`KeptRows`), counting what was read, and sizing the
/// table from the first file. A reader only says how one row is added (its
/// columns) and what its table is.
protocol ExportTableReader {
    associatedtype Column: ExportColumn
    associatedtype Record
    associatedtype Table
    init()
    /// The rows kept so far.
    var rows: KeptRows<Record> { get set }
    /// Adds one data row.
    mutating func add(_ row: inout ExportRow<Column>) throws(CSVError)
    /// The table read so far.
    func table(stats: ReadStats) -> Table
}

extension ExportTableReader {
    /// Reads every file in order, sizing the table once from the first file's
    /// rows per byte. `warn` receives one line per file with unreadable optional values.
    static func readFiles(_ files: [String], warn: (String) -> Void) throws(CSVError) -> Table {
        var reader = Self()
        var stats = ReadStats()
        let sizes = files.map(ExportFile.size(of:))
        for (index, file) in files.enumerated() {
            let count = try ExportFile.eachRow(of: file, columns: Column.self, warn: warn) { (row) throws(CSVError) in
                try reader.add(&row)
            }
            stats.files.append(file)
            stats.rowsRead += count.rows
            stats.badOptionalValues += count.badValues
            if index == 0 {
                reader.rows.reserve(ExportFile.estimatedRows(sizes: sizes, rowsInFirst: reader.rows.records.count))
            }
        }
        stats.duplicates = reader.rows.duplicates
        return reader.table(stats: stats)
    }
}
