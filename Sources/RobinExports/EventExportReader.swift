/// Reads spaces (room event) exports into an `EventTable`, de-duplicating by
/// (`Event ID`, `Space ID`): the row with the latest `Updated At (UTC)` wins, on a
/// tie (or with no update time) the last one read. Event ids may be any text
/// (Robin's are often composite, `207480119_20230101T043000Z`).
public struct EventExportReader: ExportTableReader {
    var rows = KeptRows<EventRecord>()
    private var names = Names()
    private var hosts = ByteInterner(expectedCount: 1024)

    /// The name tables of a table, or of one file.
    struct Names: NameTables {
        var buildings = ByteInterner()
        var floors = ByteInterner()
        var spaceNames = ByteInterner()
        var spaceIDs = ByteInterner(expectedCount: 256)
        var departments = ByteInterner()
    }

    /// One file's rows; two deferred values per record: host key, event id.
    typealias Part = FilePart<EventRecord, Names>

    init() {}

    /// Reads every file in order. `warn` receives one line per file with
    /// unreadable optional values.
    public static func read(files: [String], warn: (String) -> Void = { _ in }) throws(CSVError) -> EventTable {
        try readFiles(files, warn: warn)
    }

    func table(stats: ReadStats) -> EventTable {
        var result = EventTable()
        result.records = rows.records
        result.stats = stats
        result.buildings = names.buildings.strings
        result.floors = names.floors.strings
        result.spaceNames = names.spaceNames.strings
        result.spaceIDs = names.spaceIDs.strings
        result.departments = names.departments.strings
        result.hostCount = hosts.count
        result.hostKeys = hosts.keys
        result.rowKeys = rows.rowKeys
        return result
    }


    static func add(_ row: inout ExportRow<EventColumn>, to part: inout Part) throws(CSVError) {
        let start = try row.requiredTimestamp(.startedAt)
        part.records.append(EventRecord(
            start: start,
            end: Self.end(&row, start: start),
            updatedAt: row.timestamp(.updatedAt),
            minuteDuration: row.number(.minuteDuration),
            minutesDelayed: row.number(.minutesDelayed),
            attendees: Self.attendees(&row),
            capacity: row.count(.capacity),
            status: Self.status(row.bytes(.eventStatus)),
            checkedIn: row.timestamp(.checkedInAt) != Timestamp.missing,
            autoUnbooked: row.timestamp(.autoUnbookedAt) != Timestamp.missing,
            allDay: row.flag(.allDay),
            building: row.intern(.building, into: &part.names.buildings),
            floor: row.intern(.floor, into: &part.names.floors),
            spaceName: row.intern(.space, into: &part.names.spaceNames),
            space: row.internID(.spaceID, into: &part.names.spaceIDs),
            department: row.intern(.hostDepartment, into: &part.names.departments),
            host: -1
        ))
        PersonKeys.append(email: row.bytes(.hostEmail), name: row.bytes(.hostName), to: &part.values)
        part.values.append(row.bytes(.eventID))
    }

    mutating func merge(_ part: Part) {
        let buildings = names.buildings.ids(of: part.names.buildings)
        let floors = names.floors.ids(of: part.names.floors)
        let spaceNames = names.spaceNames.ids(of: part.names.spaceNames)
        let spaceIDs = names.spaceIDs.ids(of: part.names.spaceIDs)
        let departments = names.departments.ids(of: part.names.departments)
        for (index, var event) in part.records.enumerated() {
            event.building = buildings[Int(event.building)]
            event.floor = floors[Int(event.floor)]
            event.spaceName = spaceNames[Int(event.spaceName)]
            event.space = event.space < 0 ? -1 : spaceIDs[Int(event.space)]
            event.department = departments[Int(event.department)]
            event.host = part.values.with(2 * index) { $0.isEmpty ? -1 : hosts.intern($0) }
            // The latest update wins; on a tie the last read.
            part.values.with(2 * index + 1) {
                rows.add(event, id: $0, qualifier: event.space) { new, old in new.updatedAt >= old.updatedAt }
            }
        }
    }

    /// `Ended At (UTC)`, taken as empty (noted) when it is before the start or
    /// more than `ValueLimits.minutes` after it: the fallback duration
    /// `Ended At - Started At` is then out of range like a bad `Minute Duration`.
    static func end(_ row: inout ExportRow<EventColumn>, start: Int64) -> Int64 {
        let end = row.timestamp(.endedAt)
        guard end != Timestamp.missing else { return end }
        guard end >= start, Double(end - start) <= ValueLimits.minutes * 60_000 else {
            row.log.note(line: row.record.line, column: EventColumn.endedAt.header, value: row.bytes(.endedAt),
                         reason: .outOfRange)
            return Timestamp.missing
        }
        return end
    }

    /// `Attendees`: a number (then a whole one), or a list whose non-empty
    /// `,`/`;` entries are counted; -1 when empty, not whole or out of range (noted).
    static func attendees(_ row: inout ExportRow<EventColumn>) -> Int32 {
        let text = row.bytes(.attendees)
        if text.isEmpty { return -1 }
        if FieldParsing.number(text) != nil || FieldParsing.isNonFinite(text) { return row.count(.attendees) }
        var entries = 0
        var inEntry = false
        for byte in text {
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") {
                inEntry = false
            } else if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, !inEntry {
                inEntry = true
                entries += 1
            }
        }
        return row.checkedCount(Double(entries), .attendees, text)
    }

    /// Event Status in any case, `_` or space alike: canceled/cancelled,
    /// resource declined, else a meeting.
    static func status(_ text: UnsafeBufferPointer<UInt8>) -> EventRecord.Status {
        switch text.count {
        case 8, 9:
            FieldParsing.matches(text, "canceled") || FieldParsing.matches(text, "cancelled") ? .canceled : .meeting
        case 17:
            FieldParsing.matches(text, "resource declined") ? .declined : .meeting
        default: .meeting
        }
    }
}
