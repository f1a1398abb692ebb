/// What the desk and the event readers share: reading files row by row into
/// their table, counting what was read, and sizing the table from the first file.
protocol ExportTableReader {
    associatedtype Table
    /// The columns the reader needs; any others are ignored.
    static var requiredColumns: [String] { get }
    init()
    var stats: ReadStats { get set }
    var recordCount: Int { get }
    /// Adds one data row; `c` holds the positions of `requiredColumns`.
    mutating func add(_ record: CSVRecord, _ c: [Int], file: String, log: inout OptionalValueLog) throws(CSVError)
    /// Room for `count` records.
    mutating func reserve(rows count: Int)
    /// The table read so far.
    func table() -> Table
}

extension ExportTableReader {
    /// Reads one file and merges its rows. `warn` receives one line per file with
    /// unreadable optional values.
    mutating func readFile(_ file: String, warn: (String) -> Void) throws(CSVError) {
        let count = try ExportFile.eachRow(of: file, required: Self.requiredColumns, warn: warn) {
            (record, c, log) throws(CSVError) in
            try add(record, c, file: file, log: &log)
        }
        stats.files.append(file)
        stats.rowsRead += count.rows
        stats.badOptionalValues += count.badValues
    }

    /// Reads every file in order, sizing the table once from the first file's rows per byte.
    static func readFiles(_ files: [String], warn: (String) -> Void) throws(CSVError) -> Table {
        var reader = Self()
        let sizes = files.map(ExportFile.size(of:))
        for (index, file) in files.enumerated() {
            try reader.readFile(file, warn: warn)
            if index == 0 { reader.reserve(rows: ExportFile.estimatedRows(sizes: sizes, rowsInFirst: reader.recordCount)) }
        }
        return reader.table()
    }
}
