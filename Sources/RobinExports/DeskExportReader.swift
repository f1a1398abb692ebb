/// Reads desk exports into a `DeskTable`, de-duplicating reservations across
/// files: the last row read for a `Reservation ID` wins (files in the order given).
public struct DeskExportReader: ExportTableReader {
    /// The columns this reader needs; any others are ignored.
    public static let requiredColumns = [
        "Building", "Floor", "Desk ID", "Reservation ID", "Type", "Start (UTC)", "Canceled At (UTC)",
        "Checked In At (UTC)", "Hour Duration", "Assignee Email", "Assignee Name", "Creator Email",
        "Assignee Department",
    ]

    private var rows = DeskTable()
    private var buildings = ByteInterner()
    private var floors = ByteInterner()
    private var departments = ByteInterner()
    private var types = ByteInterner()
    private var desks = ByteInterner(expectedCount: 1024)
    private var reservations = RowKeyIndex()
    private var persons = PersonKeys()

    public init() {}

    /// Reads one file and merges its rows. `warn` receives one line per file with
    /// unreadable optional values.
    public mutating func read(file: String, warn: (String) -> Void = { _ in }) throws(CSVError) {
        try readFile(file, warn: warn)
    }

    /// Reads every file in order.
    public static func read(files: [String], warn: (String) -> Void = { _ in }) throws(CSVError) -> DeskTable {
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
        reservations.reserve(count)
    }

    /// The table read so far.
    public func table() -> DeskTable {
        var result = rows
        result.buildings = buildings.strings
        result.floors = floors.strings
        result.departments = departments.strings
        result.types = types.strings
        result.deskCount = desks.count
        result.personCount = persons.count
        return result
    }

    mutating func add(_ record: CSVRecord, _ c: [Int], file: String, log: inout OptionalValueLog) throws(CSVError) {
        let start = try ExportFile.requiredTimestamp(record, c[5], column: "Start (UTC)", file: file)
        let hours = ExportFile.optionalNumber(record, c[8], column: "Hour Duration", log: &log)
        let desk = DeskRecord(
            start: start,
            canceledAt: ExportFile.optionalTimestamp(record, c[6], column: "Canceled At (UTC)", log: &log),
            checkedInAt: ExportFile.optionalTimestamp(record, c[7], column: "Checked In At (UTC)", log: &log),
            hours: hours.isNaN ? 0 : hours,
            building: ExportFile.intern(record, c[0], into: &buildings),
            floor: ExportFile.intern(record, c[1], into: &floors),
            department: ExportFile.intern(record, c[12], into: &departments),
            type: ExportFile.intern(record, c[4], into: &types),
            desk: ExportFile.internID(record, c[2], into: &desks),
            person: persons.id(email: record.rawBytes(c[9]), name: record.rawBytes(c[10]),
                               fallbackEmail: record.rawBytes(c[11]))
        )
        let reservation = FieldParsing.trimmed(record.rawBytes(c[3]))
        if reservation.isEmpty {
            rows.records.append(desk)
            return
        }
        if let index = reservations.existing(id: reservation, qualifier: 0, newIndex: Int32(rows.records.count)) {
            rows.records[Int(index)] = desk
            rows.stats.duplicates += 1
        } else {
            rows.records.append(desk)
        }
    }
}
