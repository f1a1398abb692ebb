/// What the desk and the event readers share: reading files row by row into
/// their table, counting what was read, and sizing the table from the first file.
/// A reader only says how one row is added and what its table is.
protocol ExportTableReader {
    associatedtype Column: ExportColumn
    associatedtype Table
    init()
    /// Records kept so far (after de-duplication).
    var recordCount: Int { get }
    /// Adds one data row.
    mutating func add(_ row: inout ExportRow<Column>) throws(CSVError)
    /// Room for `count` records.
    mutating func reserve(rows count: Int)
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
            if index == 0 { reader.reserve(rows: ExportFile.estimatedRows(sizes: sizes, rowsInFirst: reader.recordCount)) }
        }
        return reader.table(stats: stats)
    }
}
