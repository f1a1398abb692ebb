/// Reads desk exports into a `DeskTable`, de-duplicating reservations across
/// files: the last row read for a `Reservation ID` wins (files in the order given).
public struct DeskExportReader: ExportTableReader {
    var rows = KeptRows<DeskRecord>()
    private var names = Names()
    private var desks = ByteInterner(expectedCount: 1024)
    private var persons = ByteInterner(expectedCount: 1024)

    /// The name tables of a table, or of one file.
    struct Names: NameTables {
        var hasWorkAreas = false
        var buildings = ByteInterner()
        var floors = ByteInterner()
        var departments = ByteInterner()
        var types = ByteInterner()
        var workAreas = ByteInterner()
    }

    /// One file's rows; three deferred values per record: desk id, person key, reservation id.
    typealias Part = FilePart<DeskRecord, Names>

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
        result.buildings = names.buildings.strings
        result.floors = names.floors.strings
        result.departments = names.departments.strings
        result.types = names.types.strings
        result.workAreas = names.hasWorkAreas ? names.workAreas.strings : []
        result.deskCount = desks.count
        result.personCount = persons.count
        result.deskKeys = desks.keys
        result.personKeys = persons.keys
        result.rowKeys = rows.rowKeys
        return result
    }


    static func add(_ row: inout ExportRow<DeskColumn>, to part: inout Part) throws(CSVError) {
        let hours = row.number(.hourDuration)
        part.names.hasWorkAreas = part.names.hasWorkAreas || row.has(.workArea)
        part.records.append(DeskRecord(
            start: try row.requiredTimestamp(.start),
            canceledAt: row.timestamp(.canceledAt),
            checkedInAt: row.timestamp(.checkedInAt),
            hours: hours.isNaN ? 0 : hours,
            building: row.intern(.building, into: &part.names.buildings),
            floor: row.intern(.floor, into: &part.names.floors),
            department: row.intern(.assigneeDepartment, into: &part.names.departments),
            type: row.intern(.type, into: &part.names.types),
            workArea: row.intern(.workArea, into: &part.names.workAreas),
            desk: -1,
            person: -1
        ))
        row.append(.deskID, to: &part.values)
        PersonKeys.append(email: row.bytes(.assigneeEmail), name: row.bytes(.assigneeName),
                          fallbackEmail: row.bytes(.creatorEmail), to: &part.values)
        part.values.append(row.bytes(.reservationID))
    }

    mutating func merge(_ part: Part) {
        names.hasWorkAreas = names.hasWorkAreas || part.names.hasWorkAreas
        let buildings = names.buildings.ids(of: part.names.buildings)
        let floors = names.floors.ids(of: part.names.floors)
        let departments = names.departments.ids(of: part.names.departments)
        let types = names.types.ids(of: part.names.types)
        let workAreas = names.workAreas.ids(of: part.names.workAreas)
        for (index, var desk) in part.records.enumerated() {
            desk.building = buildings[Int(desk.building)]
            desk.floor = floors[Int(desk.floor)]
            desk.department = departments[Int(desk.department)]
            desk.type = types[Int(desk.type)]
            desk.workArea = workAreas[Int(desk.workArea)]
            desk.desk = part.values.with(3 * index) { $0.isEmpty ? -1 : desks.intern($0) }
            desk.person = part.values.with(3 * index + 1) { $0.isEmpty ? -1 : persons.intern($0) }
            // The last row read wins.
            part.values.with(3 * index + 2) { rows.add(desk, id: $0, qualifier: 0) { _, _ in true } }
        }
    }
}
