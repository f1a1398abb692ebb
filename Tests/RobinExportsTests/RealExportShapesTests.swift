import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinExports

private func event(_ id: String, space: String = "S1", _ extra: [String: String] = [:]) -> [String: String] {
    ["Building": "HQ", "Floor": "3", "Space": "Room A", "Space ID": space, "Event ID": id, "Event Status": "CONFIRMED",
     "Started At (UTC)": "2026-11-17 14:00:00", "Ended At (UTC)": "2026-11-17 15:00:00"]
        .merging(extra) { $1 }
}

private func desk(_ reservation: String, _ extra: [String: String] = [:]) -> [String: String] {
    ["Building": "HQ", "Floor": "3", "Desk ID": "D1", "Reservation ID": reservation, "Type": "hoteled",
     "Start (UTC)": "2026-11-17 14:00:00", "Hour Duration": "8", "Assignee Email": "a@example.com"]
        .merging(extra) { $1 }
}

/// Reads `csv` (written to a file) with `reader`, returning the table, the warnings and the file's path.
private func read<Table>(_ csv: ExportCSV, with reader: ([String], (String) -> Void) throws(CSVError) -> Table)
    throws -> (table: Table, warnings: [String], path: String) {
    let file = try csv.file(name: "2026-11-17.csv")
    defer { file.remove() }
    var warnings: [String] = []
    let table = try reader([file.path]) { warnings.append($0) }
    return (table, warnings, file.path)
}

private func readEvents(_ csv: ExportCSV) throws -> (table: EventTable, warnings: [String], path: String) {
    try read(csv, with: EventExportReader.read(files:warn:))
}

private func readDesks(_ csv: ExportCSV) throws -> (table: DeskTable, warnings: [String], path: String) {
    try read(csv, with: DeskExportReader.read(files:warn:))
}

/// The shapes of Robin's real exports (docs/metrics.md "Input facts", issue 9).
@Suite("Real export shapes")
struct RealExportShapesTests {
    @Test("headers match ignoring case, surrounding spaces and `_` versus space; `Level` is `Floor`")
    func headerSpellings() throws {
        var csv = ExportCSV(.spaces)
        csv.spell("Floor", as: "Level")
        csv.spell("Event Status", as: " EVENT_STATUS ")
        csv.spell("Started At (UTC)", as: "started_at_(utc)")
        csv.spell("Minute Duration", as: "\tMinute_Duration")
        csv.add(event("1", ["Event Status": "Canceled", "Minute Duration": "45", "Floor": "7"]))
        let read = try readEvents(csv)
        #expect(read.table.floors == ["7"])
        #expect(read.table.records.map(\.status) == [.canceled])
        #expect(read.table.records[0].start == 1_794_924_000_000)  // 2026-11-17 14:00:00 UTC
        #expect(read.table.records[0].durationMinutes == 45)
        #expect(read.warnings.isEmpty)
    }

    @Test("a column's own name wins over its alias")
    func nameBeforeAlias() throws {
        var csv = ExportCSV(.desks)
        csv.addColumn("Level")
        csv.add(desk("1", ["Floor": "3", "Level": "L3"]))
        #expect(try readDesks(csv).table.floors == ["3"])
    }

    @Test("a missing required column names the file and the column, whatever its aliases")
    func missingAliasedColumn() throws {
        var csv = ExportCSV(.spaces)
        csv.columns.removeAll { $0 == "Floor" }
        let file = try csv.file(name: "2026-11-17.csv")
        defer { file.remove() }
        let error = try #require(throws: CSVError.self) { try EventExportReader.read(files: [file.path]) }
        #expect(error.description == "\(file.path):1: missing required column \"Floor\"")
        #expect(error.exitStatus == .badInput)
    }

    @Test("Event Status in any case, with `_` or a space", arguments: [
        ("RESOURCE_DECLINED", EventRecord.Status.declined), ("resource_declined", .declined),
        ("Resource declined", .declined), ("RESOURCE DECLINED", .declined), ("CANCELED", .canceled),
        ("Cancelled", .canceled), ("canceled", .canceled), ("CONFIRMED", .meeting), ("Tentative", .meeting),
        ("RESOURCE__DECLINED", .meeting), ("", .meeting),
    ])
    func statuses(text: String, status: EventRecord.Status) throws {
        var csv = ExportCSV(.spaces)
        csv.add(event("1", ["Event Status": text]))
        #expect(try readEvents(csv).table.records.map(\.status) == [status])
    }

    @Test("composite event ids are de-duplicated as text, per space")
    func compositeEventIDs() throws {
        var first = ExportCSV(.spaces), second = ExportCSV(.spaces)
        first.add(event("207480119_20230101T043000Z", ["Updated At (UTC)": "2023-01-01 00:00:00"]))
        first.add(event("207480119_20230108T043000Z"))
        second.add(event("207480119_20230101T043000Z", ["Updated At (UTC)": "2023-01-02 00:00:00", "Event Status": "CANCELED"]))
        second.add(event("207480119_20230101T043000Z", space: "S2"))
        let a = try first.file(name: "a.csv"), b = try second.file(name: "b.csv")
        defer { a.remove(); b.remove() }
        let table = try EventExportReader.read(files: [a.path, b.path])
        #expect(table.records.count == 3)
        #expect(table.stats.duplicates == 1)
        #expect(table.records.map(\.status) == [.canceled, .meeting, .meeting])
    }

    @Test("empty Building, Floor, department and Work Area name their own groups, never an empty one")
    func emptyGroupNames() throws {
        var events = ExportCSV(.spaces)
        events.add(event("1", ["Building": "", "Floor": " ", "Host Department": ""]))
        events.add(event("2", ["Floor": ""]))
        let table = try readEvents(events).table
        #expect(table.buildings == ["(no building)", "HQ"])
        #expect(table.floors == ["(no floor)"])
        #expect(table.departments == ["(no department)"])
        #expect(table.spaceNames == ["Room A"])

        var desks = ExportCSV(.desks)
        desks.addColumn("Work Area")
        desks.add(desk("1", ["Building": "", "Floor": "", "Work Area": "North"]))
        desks.add(desk("2", ["Work Area": ""]))
        let deskTable = try readDesks(desks).table
        #expect(deskTable.buildings == ["(no building)", "HQ"])
        #expect(deskTable.floors == ["(no floor)", "3"])
        #expect(deskTable.departments == ["(no department)"])
        #expect(deskTable.workAreas == ["North", "(no work area)"])
        #expect(deskTable.records.map(\.workArea) == [0, 1])
    }

    @Test("work areas exist only when a file has the `Work Area` column")
    func workAreaColumn() throws {
        var without = ExportCSV(.desks)
        without.add(desk("1"))
        #expect(try readDesks(without).table.workAreas.isEmpty)
        var with = ExportCSV(.desks)
        with.addColumn("work_area")
        with.add(desk("2", ["work_area": "Quiet zone"]))
        let a = try without.file(name: "a.csv"), b = try with.file(name: "b.csv")
        defer { a.remove(); b.remove() }
        // A file without the column reads as `(no work area)` beside one with it.
        let table = try DeskExportReader.read(files: [a.path, b.path])
        #expect(table.workAreas == ["(no work area)", "Quiet zone"])
    }

    @Test("All Day Event in every boolean form; absent means not all-day", arguments: [
        ("TRUE", true), ("True", true), ("true", true), ("Yes", true), ("YES", true), ("1", true),
        ("FALSE", false), ("False", false), ("no", false), ("0", false), ("", false),
    ])
    func allDayForms(text: String, allDay: Bool) throws {
        var csv = ExportCSV(.spaces)
        csv.add(event("1", ["All Day Event": text]))
        let read = try readEvents(csv)
        #expect(read.table.records.map(\.allDay) == [allDay])
        #expect(read.warnings.isEmpty)
    }

    @Test("without an All Day Event column nothing is all-day, and an unreadable flag warns")
    func allDayAbsentOrUnreadable() throws {
        var csv = ExportCSV(.spaces)
        csv.columns.removeAll { $0 == "All Day Event" }
        csv.add(event("1"))
        #expect(try readEvents(csv).table.records.map(\.allDay) == [false])
        var bad = ExportCSV(.spaces)
        bad.add(event("1", ["All Day Event": "maybe"]))
        let read = try readEvents(bad)
        #expect(read.table.records.map(\.allDay) == [false])
        #expect(read.warnings == ["\(read.path):2: column \"All Day Event\": \"maybe\" is unreadable, taken as empty"])
    }

    @Test("a number out of range is a file:line warning naming the column, read as empty", arguments: [
        ("Minute Duration", "1e300", "out of range"), ("Minute Duration", "1e308", "out of range"),
        ("Minute Duration", "-5", "out of range"), ("Minute Duration", "527041", "out of range"),
        ("Minute Duration", "NaN", "unreadable"), ("Minute Duration", "inf", "unreadable"),
        ("Minutes Delayed", "1e300", "out of range"), ("Capacity", "100001", "out of range"),
        ("Capacity", "1e300", "out of range"), ("Capacity", "-1", "out of range"), ("Capacity", "2.5", "unreadable"),
        ("Attendees", "100001", "out of range"), ("Attendees", "1e300", "out of range"),
        ("Attendees", "NaN", "unreadable"), ("Attendees", "-Infinity", "unreadable"), ("Attendees", "2.5", "unreadable"),
    ])
    func outOfRange(column: String, value: String, reason: String) throws {
        var csv = ExportCSV(.spaces)
        csv.add(event("1", ["Minute Duration": "30", "Capacity": "8", "Attendees": "4", "Minutes Delayed": "1",
                            "Checked In At (UTC)": "2026-11-17 14:01:00"]))
        csv.add(event("2", [column: value]))
        let read = try readEvents(csv)
        #expect(read.warnings == ["\(read.path):3: column \"\(column)\": \"\(value)\" is \(reason), taken as empty"])
        #expect(read.table.stats.badOptionalValues == 1)
        let record = read.table.records[1]
        switch column {
        case "Minute Duration":
            #expect(record.minuteDuration.isNaN)
            #expect(record.durationMinutes == 60)  // from Ended At - Started At
        case "Minutes Delayed": #expect(record.minutesDelayed.isNaN)
        case "Capacity": #expect(record.capacity == -1)
        default: #expect(record.attendees == -1)
        }
    }

    @Test("the limits themselves are readable")
    func limits() throws {
        var csv = ExportCSV(.spaces)
        csv.add(event("1", ["Minute Duration": "527040", "Capacity": "100000", "Attendees": "1e5"]))
        csv.add(event("2", ["Minute Duration": "0", "Capacity": "0", "Attendees": "0"]))
        let read = try readEvents(csv)
        #expect(read.warnings.isEmpty)
        #expect(read.table.records.map(\.durationMinutes) == [527_040, 0])
        #expect(read.table.records.map(\.capacity) == [100_000, 0])
        #expect(read.table.records.map(\.attendees) == [100_000, 0])
    }

    @Test("an attendee list longer than 100,000 is out of range")
    func longAttendeeList() throws {
        var csv = ExportCSV(.spaces)
        csv.add(event("1", ["Attendees": Array(repeating: "a", count: 100_001).joined(separator: ";")]))
        let read = try readEvents(csv)
        #expect(read.table.records[0].attendees == -1)
        #expect(read.table.stats.badOptionalValues == 1)
    }

    @Test("an Ended At before the start or over 366 days after it is out of range (duration unknown)")
    func endOutOfRange() throws {
        var csv = ExportCSV(.spaces)
        csv.add(event("1", ["Ended At (UTC)": "2026-11-17 13:00:00"]))
        csv.add(event("2", ["Ended At (UTC)": "9999-12-31 23:59:59"]))
        let read = try readEvents(csv)
        #expect(read.table.records.map(\.durationMinutes) == [0, 0])
        #expect(read.warnings == ["\(read.path):2: column \"Ended At (UTC)\": \"2026-11-17 13:00:00\" is out of range, taken as empty (2 values taken as empty in this file)"])
    }

    @Test("Hour Duration out of range adds nothing")
    func hourDuration() throws {
        var csv = ExportCSV(.desks)
        csv.add(desk("1", ["Hour Duration": "1e300"]))
        csv.add(desk("2", ["Hour Duration": "-2"]))
        csv.add(desk("3", ["Hour Duration": "8784"]))
        let read = try readDesks(csv)
        #expect(read.table.records.map(\.hours) == [0, 0, 8784])
        #expect(read.table.stats.badOptionalValues == 2)
    }
}
