/// Reads desk exports into a `DeskTable`, de-duplicating reservations across
/// files: the last row read for a `Reservation ID` wins (files in the order given).
public struct DeskExportReader: ExportTableReader {
    private var records: [DeskRecord] = []
    private var rowKeys: [UInt64] = []
    private var duplicates = 0
    private var hasWorkAreas = false
    private var buildings = ByteInterner()
    private var floors = ByteInterner()
    private var departments = ByteInterner()
    private var types = ByteInterner()
    private var workAreas = ByteInterner()
    private var desks = ByteInterner(expectedCount: 1024)
    private var reservations = RowKeyIndex()
    private var persons = PersonKeys()

    init() {}

    /// Reads every file in order. `warn` receives one line per file with
    /// unreadable optional values.
    public static func read(files: [String], warn: (String) -> Void = { _ in }) throws(CSVError) -> DeskTable {
        try readFiles(files, warn: warn)
    }

    var recordCount: Int { records.count }

    /// Room for `rows` records, so a month of files does not grow (and copy) the table repeatedly.
    mutating func reserve(rows count: Int) {
        records.reserveCapacity(count)
        rowKeys.reserveCapacity(count)
        reservations.reserve(count)
    }

    func table(stats: ReadStats) -> DeskTable {
        var result = DeskTable()
        result.records = records
        result.stats = stats
        result.stats.duplicates = duplicates
        result.buildings = buildings.strings
        result.floors = floors.strings
        result.departments = departments.strings
        result.types = types.strings
        result.workAreas = hasWorkAreas ? workAreas.strings : []
        result.deskCount = desks.count
        result.personCount = persons.count
        result.deskKeys = desks.keys
        result.personKeys = persons.keys
        result.rowKeys = rowKeys
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
        let reservation = row.bytes(.reservationID)
        if reservation.isEmpty {
            records.append(desk)
            rowKeys.append(0)
            return
        }
        if let index = reservations.existing(id: reservation, qualifier: 0, newIndex: Int32(records.count)) {
            records[Int(index)] = desk
            duplicates += 1
        } else {
            records.append(desk)
            rowKeys.append(max(ByteInterner.key(of: reservation), 1))
        }
    }
}
