#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
protocol ExportTableReader {
    associatedtype Column: ExportColumn
    associatedtype Record
    associatedtype Part: Sendable
    associatedtype Table
    init()
    /// An empty part for one file.
    static func newPart() -> Part
    /// Reads one data row into `part`.
    static func add(_ row: inout ExportRow<Column>, to part: inout Part) throws(CSVError)
    /// Adds a file's rows, in file order.
    mutating func merge(_ part: Part)
    /// The rows kept so far.
    var rows: KeptRows<Record> { get set }
    /// The table read so far.
    func table(stats: ReadStats) -> Table
}

/// One file read into a reader's part, with what the read stats need.
struct FileRead<Part: Sendable>: Sendable {
    var file: String
    var part: Part
    var rows: Int
    var badValues: Int
    var warning: String?
}

extension ExportTableReader {
    /// Reads `file` into a part (step 1; any thread).
    static func read(file: String) -> Result<FileRead<Part>, CSVError> {
        var part = newPart()
        do throws(CSVError) {
            let count = try ExportFile.eachRow(of: file, columns: Column.self) { (row) throws(CSVError) in
                try add(&row, to: &part)
            }
            return .success(FileRead(file: file, part: part, rows: count.rows, badValues: count.badValues,
                                     warning: count.warning))
        } catch {
            return .failure(error)
        }
    }

    /// Merges the next file (step 2), sizing the table once from the first
    /// file's rows per byte (`sizes`: every file's size).
    mutating func take(_ read: FileRead<Part>, stats: inout ReadStats, sizes: [Int], warn: (String) -> Void) {
        merge(read.part)
        if let warning = read.warning { warn(warning) }
        stats.files.append(read.file)
        stats.rowsRead += read.rows
        stats.badOptionalValues += read.badValues
        stats.duplicates = rows.duplicates
        if stats.files.count == 1 {
            rows.reserve(ExportFile.estimatedRows(sizes: sizes, rowsInFirst: rows.records.count))
        }
    }

    /// Reads every file in order on this thread. `warn` receives one line per
    /// file with unreadable optional values.
    static func readFiles(_ files: [String], warn: (String) -> Void) throws(CSVError) -> Table {
        var reader = Self()
        var stats = ReadStats()
        let sizes = files.map(ExportFile.size(of:))
        for file in files {
            reader.take(try read(file: file).get(), stats: &stats, sizes: sizes, warn: warn)
        }
        return reader.table(stats: stats)
    }

    /// Reads the files on all cores, a few files ahead of the merge, and
    /// merges them in order: the same table, warnings and first error (in file
    /// order) as `readFiles`, and memory for only the parts in flight.
    static func readFilesConcurrently(_ files: [String], warn: @escaping @Sendable (String) -> Void)
        async throws(CSVError) -> Table {
        let ahead = max(2, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let sizes = files.map(ExportFile.size(of:))
        let result = await withTaskGroup(of: (Int, Result<FileRead<Part>, CSVError>).self) { group in
            var reader = Self()
            var stats = ReadStats()
            var started = 0, merged = 0
            var ready: [Int: Result<FileRead<Part>, CSVError>] = [:]
            while true {
                while started < files.count, started - merged < ahead {
                    let index = started, file = files[index]
                    group.addTask { (index, read(file: file)) }
                    started += 1
                }
                guard let (index, read) = await group.next() else { break }
                ready[index] = read
                while let read = ready.removeValue(forKey: merged) {
                    switch read {
                    case .failure(let error):
                        group.cancelAll()
                        return Result<Table, CSVError>.failure(error)
                    case .success(let read):
                        reader.take(read, stats: &stats, sizes: sizes, warn: warn)
                    }
                    merged += 1
                }
            }
            return .success(reader.table(stats: stats))
        }
        return try result.get()
    }
}
