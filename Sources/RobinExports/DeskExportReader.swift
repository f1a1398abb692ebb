/// Reads desk exports into a `DeskTable`, de-duplicating reservations across
/// files: the last row read for a `Reservation ID` wins (files in the order given).
public struct DeskExportReader: ExportTableReader {
    var rows = KeptRows<DeskRecord>()
    private var hasWorkAreas = false
    private var buildings = ByteInterner()
    private var floors = ByteInterner()
    private var departments = ByteInterner()
    private var types = ByteInterner()
    private var workAreas = ByteInterner()
    private var desks = ByteInterner(expectedCount: 1024)
    private var persons = PersonKeys()

    init() {}

    /// Reads every file in order. `warn` receives one line per file with
    /// unreadable optional values.
    public static func read(files: [String], warn: (String) -> Void = { _ in }) throws(CSVError) -> DeskTable {
        try readFiles(files, warn: warn)
    }

    func table(stats: ReadStats) -> DeskTable {
        var result = DeskTable()
        result.records = rows.records
        result.stats = stats
        result.buildings = buildings.strings
        result.floors = floors.strings
        result.departments = departments.strings
        result.types = types.strings
        result.workAreas = hasWorkAreas ? workAreas.strings : []
        result.deskCount = desks.count
        result.personCount = persons.count
        result.deskKeys = desks.keys
        result.personKeys = persons.keys
        result.rowKeys = rows.rowKeys
        return result
    }

    mutating func add(_ row: inout ExportRow<DeskColumn>) throws(CSVError) {
        let hours = row.number(.hourDuration)
        hasWorkAreas = hasWorkAreas || row.has(.workArea)
        let desk = DeskRecord(
            start: try row.requiredTimestamp(.start),
            canceledAt: row.timestamp(.canceledAt),
            checkedInAt: row.timestamp(.checkedInAt),
            hours: hours.isNaN ? 0 : hours,
            building: row.intern(.building, into: &buildings),
            floor: row.intern(.floor, into: &floors),
            department: row.intern(.assigneeDepartment, into: &departments),
            type: row.intern(.type, into: &types),
            workArea: row.intern(.workArea, into: &workAreas),
            desk: row.internID(.deskID, into: &desks),
            person: persons.id(email: row.bytes(.assigneeEmail), name: row.bytes(.assigneeName),
                               fallbackEmail: row.bytes(.creatorEmail))
        )
        // The last row read wins.
        rows.add(desk, id: row.bytes(.reservationID), qualifier: 0) { _, _ in true }
    }
}
