/// One file's rows as a reader keeps them until they are merged. Parts are
/// reused file after file (their memory stays allocated, so reading on all
/// cores does not churn the allocator).
protocol ExportPart: Sendable {
    init()
    /// Empties the part for a file of about `rows` rows (an estimate: a part
    /// sized once is not copied as it grows).
    mutating func reset(rows: Int)
}

/// A reader's name tables (buildings, floors, ...), of the whole table or of one file.
protocol NameTables: Sendable {
    init()
}

/// One file's rows: records with the file's own name ids (`names`), and the
/// values that need ids valid across files (`values`, a fixed number per
/// record, in order).
struct FilePart<Record: Sendable, Names: NameTables>: ExportPart {
    var records: [Record] = []
    var names = Names()
    var values = DeferredValues()

    mutating func reset(rows: Int) {
        records.removeAll(keepingCapacity: true)
        records.reserveCapacity(rows)
        names = Names()
        values.reset(values: 3 * rows)  // the most values a reader defers per record
    }
}
