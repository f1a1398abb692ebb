import RobinExports
import RobinModel

/// Windowed de-duplication (docs/metrics.md "De-duplication"): a daily file's
/// rows that win against the copies of the same reservation or event in the
/// files of the date before and the date after it, by the rule the readers
/// apply across all the files they are given. Each file's table is read on
/// its own (the reader de-duplicates within it); a row is kept in the file
/// whose copy wins, so a row in two neighbouring files counts once.
enum WindowedRows {
    /// Desks: the last row read wins, files in date order: a copy in the next file beats this one.
    static func desks(_ file: DeskTable, next: DeskTable?) -> (table: DeskTable, lost: Int) {
        guard let next, !next.records.isEmpty else { return (file, 0) }
        var later = KeyIndex(capacity: next.rowKeys.count)
        for key in next.rowKeys where key != 0 { _ = later.id(key) }
        var kept = file
        kept.records = []
        kept.rowKeys = []
        kept.records.reserveCapacity(file.records.count)
        for (record, key) in zip(file.records, file.rowKeys) where key == 0 || later.existing(key) == nil {
            kept.records.append(record)
        }
        return (kept, file.records.count - kept.records.count)
    }

    /// Events: the later `Updated At (UTC)` wins; on equal (or both empty) update
    /// times the file read later, so the next file's copy wins a tie and the
    /// previous file's only when strictly newer.
    static func events(_ file: EventTable, previous: EventTable?, next: EventTable?) -> (table: EventTable, lost: Int) {
        guard previous?.records.isEmpty == false || next?.records.isEmpty == false else { return (file, 0) }
        let before = updateTimes(previous), after = updateTimes(next)
        let spaceKeys = file.spaceIDs.map(IDSpace.key(of:))
        var kept = file
        kept.records = []
        kept.rowKeys = []
        kept.records.reserveCapacity(file.records.count)
        for (record, rowKey) in zip(file.records, file.rowKeys) {
            if rowKey != 0 {
                let key = Self.key(rowKey, space: record.space >= 0 ? spaceKeys[Int(record.space)] : 0)
                if let later = after[key], later >= record.updatedAt { continue }
                if let earlier = before[key], earlier > record.updatedAt { continue }
            }
            kept.records.append(record)
        }
        return (kept, file.records.count - kept.records.count)
    }

    /// Each event's (`Event ID`, `Space ID`) key with its `Updated At (UTC)` (the last row's of a key).
    private struct UpdateTimes {
        var index: KeyIndex
        /// By the key's id in `index`.
        var times: [Int64] = []

        subscript(key: UInt64) -> Int64? { index.existing(key).map { times[Int($0)] } }
    }

    private static func updateTimes(_ table: EventTable?) -> UpdateTimes {
        guard let table else { return UpdateTimes(index: KeyIndex(capacity: 0)) }
        let spaceKeys = table.spaceIDs.map(IDSpace.key(of:))
        var times = UpdateTimes(index: KeyIndex(capacity: table.records.count))
        times.times.reserveCapacity(table.records.count)
        for (record, rowKey) in zip(table.records, table.rowKeys) where rowKey != 0 {
            let id = Int(times.index.id(key(rowKey, space: record.space >= 0 ? spaceKeys[Int(record.space)] : 0)))
            if id == times.times.count { times.times.append(record.updatedAt) } else { times.times[id] = record.updatedAt }
        }
        return times
    }

    /// One key for an event id and a space id (the readers' de-duplication key).
    @inline(__always)
    private static func key(_ event: UInt64, space: UInt64) -> UInt64 {
        var hash = event ^ (space &* 0x9E37_79B9_7F4A_7C15)
        hash ^= hash >> 31
        return hash &* 0xBF58_476D_1CE4_E5B9
    }
}

extension Analyzer {
    /// The facts of one desk export file (`date`'s), de-duplicated against the
    /// files of the dates before and after it (nil: not cached), once per scope
    /// (nil = the organisation; else an audience's rows, `RowFilter`). Persons
    /// and desks are identified by their stable keys, so the facts combine with
    /// any other file's.
    public func fileFacts(desks file: DeskTable, date: LocalDate, next: DeskTable?,
                          scopes: [RowFilter?]) throws(AnalysisError) -> [ExportFileFacts] {
        let (rows, lost) = WindowedRows.desks(file, next: next)
        let ids = IDSpace.keys(of: file)
        return try scopes.map { scope throws(AnalysisError) in
            var facts = ExportFileFacts(kind: .desks, date: date, ids: ids, stats: file.stats, lost: lost)
            facts.desks = try DeskFactsBuilder(table: scope.map(rows.filtered) ?? rows, settings: settings, ids: ids).build()
            return facts
        }
    }

    /// The facts of one spaces export file (see `fileFacts(desks:date:next:scopes:)`).
    public func fileFacts(spaces file: EventTable, date: LocalDate, previous: EventTable?, next: EventTable?,
                          scopes: [RowFilter?]) throws(AnalysisError) -> [ExportFileFacts] {
        let (rows, lost) = WindowedRows.events(file, previous: previous, next: next)
        let ids = IDSpace.keys(of: file)
        return try scopes.map { scope throws(AnalysisError) in
            var facts = ExportFileFacts(kind: .spaces, date: date, ids: ids, stats: file.stats, lost: lost)
            facts.rooms = try RoomFactsBuilder(table: scope.map(rows.filtered) ?? rows, settings: settings, ids: ids).build()
            return facts
        }
    }
}
