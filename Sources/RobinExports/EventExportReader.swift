/// Reads spaces (room event) exports into an `EventTable`, de-duplicating by
/// (`Event ID`, `Space ID`): the row with the latest `Updated At (UTC)` wins, on a
/// tie (or with no update time) the last one read.
public struct EventExportReader: ExportTableReader {
    /// The columns this reader needs; any others (titles among them) are ignored.
    public static let requiredColumns = [
        "Building", "Floor", "Space", "Space ID", "Event ID", "Event Status", "Updated At (UTC)", "Capacity",
        "Attendees", "Started At (UTC)", "Ended At (UTC)", "Minute Duration", "Checked In At (UTC)",
        "Minutes Delayed", "Automatically Unbooked At (UTC)", "Host Department", "Host Robin Email",
        "Host Robin Name",
    ]

    private var rows = EventTable()
    private var buildings = ByteInterner()
    private var floors = ByteInterner()
    private var spaceNames = ByteInterner()
    private var spaceIDs = ByteInterner(expectedCount: 256)
    private var departments = ByteInterner()
    private var eventKeys = RowKeyIndex()
    private var hosts = PersonKeys()

    public init() {}

    /// Reads one file and merges its rows. `warn` receives one line per file with
    /// unreadable optional values.
    public mutating func read(file: String, warn: (String) -> Void = { _ in }) throws(CSVError) {
        try readFile(file, warn: warn)
    }

    /// Reads every file in order.
    public static func read(files: [String], warn: (String) -> Void = { _ in }) throws(CSVError) -> EventTable {
        try readFiles(files, warn: warn)
    }

    var stats: ReadStats {
        get { rows.stats }
        set { rows.stats = newValue }
    }

    var recordCount: Int { rows.records.count }

    /// Room for `rows` records, so a month of files does not grow (and copy) the table repeatedly.
    mutating func reserve(rows count: Int) {
        rows.records.reserveCapacity(count)
        eventKeys.reserve(count)
    }

    /// The table read so far.
    public func table() -> EventTable {
        var result = rows
        result.buildings = buildings.strings
        result.floors = floors.strings
        result.spaceNames = spaceNames.strings
        result.spaceIDs = spaceIDs.strings
        result.departments = departments.strings
        result.hostCount = hosts.count
        return result
    }

    mutating func add(_ record: CSVRecord, _ c: [Int], file: String, log: inout OptionalValueLog) throws(CSVError) {
        let start = try ExportFile.requiredTimestamp(record, c[9], column: "Started At (UTC)", file: file)
        let space = ExportFile.internID(record, c[3], into: &spaceIDs)
        let event = EventRecord(
            start: start,
            end: ExportFile.optionalTimestamp(record, c[10], column: "Ended At (UTC)", log: &log),
            updatedAt: ExportFile.optionalTimestamp(record, c[6], column: "Updated At (UTC)", log: &log),
            minuteDuration: ExportFile.optionalNumber(record, c[11], column: "Minute Duration", log: &log),
            minutesDelayed: ExportFile.optionalNumber(record, c[13], column: "Minutes Delayed", log: &log),
            attendees: Self.attendees(record, c[8], log: &log),
            capacity: Self.capacity(record, c[7], log: &log),
            status: Self.status(FieldParsing.trimmed(record.rawBytes(c[5]))),
            checkedIn: ExportFile.optionalTimestamp(record, c[12], column: "Checked In At (UTC)", log: &log) != Timestamp.missing,
            autoUnbooked: ExportFile.optionalTimestamp(record, c[14], column: "Automatically Unbooked At (UTC)", log: &log) != Timestamp.missing,
            building: ExportFile.intern(record, c[0], into: &buildings),
            floor: ExportFile.intern(record, c[1], into: &floors),
            spaceName: ExportFile.intern(record, c[2], into: &spaceNames),
            space: space,
            department: ExportFile.intern(record, c[15], into: &departments),
            host: hosts.id(email: record.rawBytes(c[16]), name: record.rawBytes(c[17]))
        )
        let eventID = FieldParsing.trimmed(record.rawBytes(c[4]))
        if eventID.isEmpty {
            rows.records.append(event)
            return
        }
        if let index = eventKeys.existing(id: eventID, qualifier: UInt64(bitPattern: Int64(space)), newIndex: Int32(rows.records.count)) {
            if event.updatedAt >= rows.records[Int(index)].updatedAt { rows.records[Int(index)] = event }
            rows.stats.duplicates += 1
        } else {
            rows.records.append(event)
        }
    }

    /// `Attendees`: a whole number, or a list whose non-empty `,`/`;` entries are counted; -1 when empty.
    static func attendees(_ record: CSVRecord, _ position: Int, log: inout OptionalValueLog) -> Int32 {
        let text = FieldParsing.trimmed(record.rawBytes(position))
        if text.isEmpty { return -1 }
        if let count = FieldParsing.integer(text) {
            guard count >= 0, count <= Int(Int32.max) else {
                log.note(line: record.line, column: "Attendees", value: text)
                return -1
            }
            return Int32(count)
        }
        var entries: Int32 = 0
        var inEntry = false
        for byte in text {
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") {
                inEntry = false
            } else if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, !inEntry {
                inEntry = true
                entries += 1
            }
        }
        return entries
    }

    /// `Capacity`: a whole number >= 0; -1 when empty or unreadable (noted).
    static func capacity(_ record: CSVRecord, _ position: Int, log: inout OptionalValueLog) -> Int32 {
        let text = FieldParsing.trimmed(record.rawBytes(position))
        if text.isEmpty { return -1 }
        guard let value = FieldParsing.integer(text), value >= 0, value <= Int(Int32.max) else {
            log.note(line: record.line, column: "Capacity", value: text)
            return -1
        }
        return Int32(value)
    }

    /// Event Status, case-insensitively: canceled/cancelled, resource declined, else a meeting.
    static func status(_ text: UnsafeBufferPointer<UInt8>) -> EventRecord.Status {
        guard text.count == 8 || text.count == 9 || text.count == 17 else { return .meeting }
        var lower = [UInt8](repeating: 0, count: text.count)
        for (i, byte) in text.enumerated() { lower[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        switch lower {
        case Array("canceled".utf8), Array("cancelled".utf8): return .canceled
        case Array("resource declined".utf8): return .declined
        default: return .meeting
        }
    }
}
