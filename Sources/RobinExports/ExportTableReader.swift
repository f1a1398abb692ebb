/// What the desk and the event readers share. Reading is two steps, so that
/// files can be read on all cores and still give the table that reading them
/// one after the other gives:
/// 1. `add` reads one file's rows into a `Part` (any thread): records with the
///    file's own ids for names, and the values that need ids valid across
///    files (desk ids, persons, row ids) as bytes.
/// 2. `merge` takes the parts in file order (one thread): it maps the file's
///    ids to the table's, interns the deferred values and de-duplicates
///    (`KeptRows`).
/// A reader only says how one row is read (its columns), how a part is merged
/// and what its table is.
/// `SendableMetatype`: `readFilesConcurrently` calls the static `read(file:rows:into:)` from child tasks.
protocol ExportTableReader: SendableMetatype {
    associatedtype Column: ExportColumn
    associatedtype Record
    associatedtype Part: ExportPart
    associatedtype Table
    init()
    /// Reads one data row into `part`.
    static func add(_ row: inout ExportRow<Column>, to part: inout Part) throws(CSVError)
    /// Adds a file's rows, in file order.
    mutating func merge(_ part: Part)
    /// The rows kept so far.
    var rows: KeptRows<Record> { get set }
    /// The table read so far.
    func table(stats: ReadStats) -> Table
}

/// A part handed from the merge to the task that reads the next file into it
/// and back: a reference, so that the part's arrays are never shared and are
/// emptied in place rather than copied. One task at a time holds it.
final class PartBox<Part: ExportPart>: @unchecked Sendable {
    var part = Part()
}

/// One file read into a reader's part, with what the read stats need.
struct FileRead<Part: ExportPart>: Sendable {
    var file: String
    var box: PartBox<Part>
    var rows: Int
    var badValues: Int
    var warning: String?
}

extension ExportTableReader {
    /// Reads `file` into the part in `box`, emptied and sized for `rows` rows (step 1; any thread).
    static func read(file: String, rows: Int, into box: PartBox<Part>) -> Result<FileRead<Part>, CSVError> {
        var part = box.part
        box.part = Part()  // so that `part` is the only reference to its arrays
        defer { box.part = part }
        part.reset(rows: rows)
        do throws(CSVError) {
            let count = try ExportFile.eachRow(of: file, columns: Column.self) { (row) throws(CSVError) in
                try add(&row, to: &part)
            }
            return .success(FileRead(file: file, box: box, rows: count.rows, badValues: count.badValues,
                                     warning: count.warning))
        } catch {
            return .failure(error)
        }
    }

    /// Merges the next file (step 2), sizing the table once, before the first
    /// file is merged, from that file's rows per byte (`sizes`: every file's
    /// size): a table of one file (the report job reads files one by one) is
    /// then allocated once, not regrown and copied as its rows are merged.
    mutating func take(_ read: FileRead<Part>, stats: inout ReadStats, sizes: [Int], warn: (String) -> Void) {
        if stats.files.isEmpty {
            rows.reserve(ExportFile.estimatedRows(sizes: sizes, rowsInFirst: read.rows))
        }
        merge(read.box.part)
        if let warning = read.warning { warn(warning) }
        stats.files.append(read.file)
        stats.rowsRead += read.rows
        stats.badOptionalValues += read.badValues
        stats.duplicates = rows.duplicates
    }

    /// Reads every file in order on this thread. `warn` receives one line per
    /// file with unreadable optional values.
    static func readFiles(_ files: [String], warn: (String) -> Void) throws(CSVError) -> Table {
        var reader = Self()
        var stats = ReadStats()
        let sizes = files.map(ExportFile.size(of:))
        let box = PartBox<Part>()
        for (index, file) in files.enumerated() {
            let rows = ExportFile.expectedRows(size: sizes[index], read: stats.rowsRead, in: sizes[..<index])
            reader.take(try read(file: file, rows: rows, into: box).get(), stats: &stats, sizes: sizes, warn: warn)
        }
        return reader.table(stats: stats)
    }

    /// Reads the next file while the last one is merged (another core), and
    /// merges them in order: the same table, warnings and first error (in file
    /// order) as `readFiles`, and memory for only the parts in flight.
    static func readFilesConcurrently(_ files: [String], warn: @escaping @Sendable (String) -> Void)
        async throws(CSVError) -> Table {
        // One file ahead: each kind reads its next file while it merges the last,
        // so the spaces files (the larger kind) no longer read and merge on one
        // core while the desk files are read on the other. More files ahead
        // used both cores a little more but held a part (5-10 MB) per file in
        // flight (docs/performance.md).
        let ahead = 1
        let sizes = files.map(ExportFile.size(of:))
        let result = await withTaskGroup(of: (Int, Result<FileRead<Part>, CSVError>).self) { group in
            var reader = Self()
            var stats = ReadStats()
            var started = 0, finished = 0, merged = 0
            var ready: [Int: Result<FileRead<Part>, CSVError>] = [:]
            var spare: [PartBox<Part>] = []
            while true {
                // The next file starts before the last one read is merged.
                while started < files.count, started - finished < ahead {
                    let index = started, file = files[index]
                    let rows = ExportFile.expectedRows(size: sizes[index], read: stats.rowsRead, in: sizes[..<merged])
                    let box = spare.popLast() ?? PartBox<Part>()
                    group.addTask { (index, read(file: file, rows: rows, into: box)) }
                    started += 1
                }
                while let read = ready.removeValue(forKey: merged) {
                    switch read {
                    case .failure(let error):
                        group.cancelAll()
                        return Result<Table, CSVError>.failure(error)
                    case .success(let read):
                        reader.take(read, stats: &stats, sizes: sizes, warn: warn)
                        spare.append(read.box)
                    }
                    merged += 1
                }
                guard let (index, read) = await group.next() else { break }
                ready[index] = read
                finished += 1
            }
            return .success(reader.table(stats: stats))
        }
        return try result.get()
    }
}
