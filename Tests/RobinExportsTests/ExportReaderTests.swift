import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinExports

private func desk(_ reservation: String, start: String = "2026-11-17 14:00:00", _ extra: [String: String] = [:]) -> [String: String] {
    ["Building": "HQ", "Floor": "3", "Desk ID": "D1", "Reservation ID": reservation, "Type": "hoteled",
     "Start (UTC)": start, "Hour Duration": "8", "Assignee Email": "a@example.com", "Assignee Department": "Eng"]
        .merging(extra) { $1 }
}

private func event(_ id: String, space: String = "S1", _ extra: [String: String] = [:]) -> [String: String] {
    ["Building": "HQ", "Floor": "3", "Space": "Room A", "Space ID": space, "Event ID": id, "Event Status": "CONFIRMED",
     "Started At (UTC)": "2026-11-17 14:00:00", "Ended At (UTC)": "2026-11-17 15:00:00", "Title": "Secret, \"plans\"\nQ4"]
        .merging(extra) { $1 }
}

@Suite("Export readers")
struct ExportReaderTests {
    @Test("columns are found by name: moved, added, differently cased or padded columns do not matter")
    func columnsByName() throws {
        var csv = ExportCSV(.desks, shuffled: true, extraColumn: true)
        csv.add(desk("1"))
        let file = try TempFile(csv.text.replacingOccurrences(of: "Building,Organization", with: "  building ,Organization"))
        defer { file.remove() }
        let table = try DeskExportReader.read(files: [file.path])
        #expect(table.records.count == 1)
        #expect(table.buildings == ["HQ"])
        #expect(table.records[0].hours == 8)
        #expect(table.records[0].start == 1_794_924_000_000)  // 2026-11-17 14:00:00 UTC
    }

    @Test("a missing required column names the file and the column")
    func missingColumn() throws {
        var csv = ExportCSV(.desks)
        csv.columns.removeAll { $0 == "Start (UTC)" }
        let file = try csv.file(name: "2026-11-17.csv")
        defer { file.remove() }
        let error = try #require(throws: CSVError.self) { try DeskExportReader.read(files: [file.path]) }
        #expect(error.description == "\(file.path):1: missing required column \"Start (UTC)\"")
    }

    @Test("a bad date in a required field is an error naming file, line, column and value")
    func badRequiredDate() throws {
        var csv = ExportCSV(.desks)
        csv.add(desk("1"))
        csv.add(desk("2", start: "2026-13-01 09:00"))
        let file = try csv.file(name: "2026-11-17.csv")
        defer { file.remove() }
        let error = try #require(throws: CSVError.self) { try DeskExportReader.read(files: [file.path]) }
        #expect(error.description == "\(file.path):3: column \"Start (UTC)\": \"2026-13-01 09:00\" is not a date and time")
    }

    @Test("a row with fewer fields than the header is an error")
    func shortRow() throws {
        var csv = ExportCSV(.spaces)
        csv.add(event("E1"))
        let file = try TempFile(csv.text + "HQ,3,Room A\r\n")
        defer { file.remove() }
        let error = try #require(throws: CSVError.self) { try EventExportReader.read(files: [file.path]) }
        #expect(error.description == "\(file.path):4: row has 3 fields, the header has 37")
    }

    @Test("an unterminated quote inside an export names the column")
    func unterminatedQuoteNamesColumn() throws {
        let header = ExportColumns.spaces.joined(separator: ",")
        let file = try TempFile(header + "\nAcme,HQ,\"3\n")
        defer { file.remove() }
        let error = try #require(throws: CSVError.self) { try EventExportReader.read(files: [file.path]) }
        #expect(error.description == "\(file.path):2: column \"Floor\": quoted field is never closed")
    }

    @Test("bad values in optional columns are taken as empty, counted, and warned about once per file")
    func optionalBadValues() throws {
        var csv = ExportCSV(.desks)
        csv.add(desk("1", ["Hour Duration": "eight", "Checked In At (UTC)": "N/A"]))
        csv.add(desk("2", ["Canceled At (UTC)": "soon"]))
        let file = try csv.file()
        defer { file.remove() }
        var warnings: [String] = []
        let table = try DeskExportReader.read(files: [file.path]) { warnings.append($0) }
        #expect(table.records.count == 2)
        #expect(table.records[0].hours == 0)
        #expect(table.records[0].checkedInAt == Timestamp.missing)
        #expect(table.records[1].canceledAt == Timestamp.missing)
        #expect(table.stats.badOptionalValues == 3)
        #expect(warnings == ["\(file.path):2: column \"Hour Duration\": \"eight\" is unreadable, taken as empty (3 values taken as empty in this file)"])
    }

    @Test("desks: the last row read for a reservation wins across files")
    func deskDuplicates() throws {
        var first = ExportCSV(.desks), second = ExportCSV(.desks)
        first.add(desk("R1"))
        first.add(desk("R2"))
        second.add(desk("R1", ["Checked In At (UTC)": "2026-11-17 14:10:00"]))
        let a = try first.file(name: "a.csv"), b = try second.file(name: "b.csv")
        defer { a.remove(); b.remove() }
        let table = try DeskExportReader.read(files: [a.path, b.path])
        #expect(table.records.count == 2)
        #expect(table.stats.rowsRead == 3)
        #expect(table.stats.duplicates == 1)
        #expect(table.records[0].checkedInAt != Timestamp.missing)
        // Read the other way round, the earlier copy (no check-in) is the last read.
        let reversed = try DeskExportReader.read(files: [b.path, a.path])
        #expect(reversed.records[0].checkedInAt == Timestamp.missing)
    }

    @Test("events: de-duplicated by (Event ID, Space ID) keeping the latest Updated At")
    func eventDuplicates() throws {
        var csv = ExportCSV(.spaces)
        csv.add(event("E1", ["Updated At (UTC)": "2026-11-16 10:00:00", "Event Status": "Canceled"]))
        csv.add(event("E1", ["Updated At (UTC)": "2026-11-15 10:00:00"]))  // older: ignored
        csv.add(event("E1", space: "S2", ["Updated At (UTC)": "2026-11-15 10:00:00"]))  // another room: kept
        csv.add(event("E2", ["Updated At (UTC)": "2026-11-15 10:00:00"]))
        csv.add(event("E2", ["Updated At (UTC)": "2026-11-15 10:00:00", "Event Status": "Resource declined"]))  // tie: last read
        let file = try csv.file()
        defer { file.remove() }
        let table = try EventExportReader.read(files: [file.path])
        #expect(table.records.map(\.status) == [.canceled, .meeting, .declined])
        #expect(table.stats.duplicates == 2)
        #expect(table.spaceIDs == ["S1", "S2"])
    }

    @Test("event fields: statuses, attendees as a number or a list, capacity, durations")
    func eventFields() throws {
        var csv = ExportCSV(.spaces)
        csv.add(event("1", ["Event Status": "cancelled", "Attendees": "4", "Capacity": "10", "Minute Duration": "45"]))
        csv.add(event("2", ["Event Status": "RESOURCE DECLINED", "Attendees": "a@x.com, b@x.com;c@x.com,,"]))
        csv.add(event("3", ["Event Status": "Confirmed", "Attendees": "0", "Automatically Unbooked At (UTC)": "2026-11-17 14:15:00"]))
        csv.add(event("4", ["Attendees": "", "Checked In At (UTC)": "2026-11-17 14:02:00", "Minutes Delayed": "2"]))
        let file = try csv.file()
        defer { file.remove() }
        let records = try EventExportReader.read(files: [file.path]).records
        #expect(records.map(\.status) == [.canceled, .declined, .meeting, .meeting])
        #expect(records.map(\.attendees) == [4, 3, 0, -1])
        #expect(records.map(\.capacity) == [10, -1, -1, -1])
        #expect(records[0].durationMinutes == 45)
        #expect(records[1].durationMinutes == 60)  // from Ended - Started
        #expect(records.map(\.autoUnbooked) == [false, false, true, false])
        #expect(records.map(\.checkedIn) == [false, false, false, true])
        #expect(records[3].minutesDelayed == 2)
    }

    @Test("persons: lower-cased trimmed email, else name, else creator email; hosts likewise")
    func persons() throws {
        var csv = ExportCSV(.desks)
        csv.add(desk("1", ["Assignee Email": " Ann@Example.COM "]))
        csv.add(desk("2", ["Assignee Email": "ann@example.com"]))
        csv.add(desk("3", ["Assignee Email": "", "Assignee Name": "Bob"]))
        csv.add(desk("4", ["Assignee Email": "", "Assignee Name": "", "Creator Email": "ANN@example.com"]))
        csv.add(desk("5", ["Assignee Email": "", "Assignee Name": "", "Creator Email": ""]))
        let file = try csv.file()
        defer { file.remove() }
        let table = try DeskExportReader.read(files: [file.path])
        #expect(table.records.map(\.person) == [0, 0, 1, 0, -1])
        #expect(table.personCount == 2)
    }
}
