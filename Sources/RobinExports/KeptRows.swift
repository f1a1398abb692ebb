/// The rows a reader keeps, de-duplicated by a row key: what the desk and the
/// event readers share. A row without a key is always kept; a row whose key was
/// read before takes the earlier row's place when `replaces` says so, else it is
/// dropped (either way it counts as a duplicate). Keeping the replaced row's
/// position makes the table the same whatever the order of later copies.
struct KeptRows<Record> {
    private(set) var records: [Record] = []
    /// Each record's stable key (`ByteInterner.key` of its id, at least 1), 0 when it has none.
    private(set) var rowKeys: [UInt64] = []
    /// Rows dropped or replaced by a later copy.
    private(set) var duplicates = 0
    private var index = RowKeyIndex()

    /// Room for `count` records without regrowing.
    mutating func reserve(_ count: Int) {
        records.reserveCapacity(count)
        rowKeys.reserveCapacity(count)
        index.reserve(count)
    }

    /// Adds `record`, read with the row key (`id`, `qualifier`); an empty `id` is no key.
    /// `replaces(new, old)` decides whether a later copy takes the earlier one's place.
    @inline(__always)
    mutating func add(_ record: Record, id: UnsafeBufferPointer<UInt8>, qualifier: Int32,
                      replaces: (Record, Record) -> Bool) {
        if id.isEmpty {
            index.skip()
            records.append(record)
            rowKeys.append(0)
            return
        }
        if let earlier = index.existing(id: id, qualifier: qualifier, newIndex: Int32(records.count)) {
            let position = Int(earlier)
            if replaces(record, records[position]) { records[position] = record }
            duplicates += 1
        } else {
            records.append(record)
            rowKeys.append(max(ByteInterner.key(of: id), 1))
        }
    }
}
