import Foundation
import Testing
import RobinTestSupport
@testable import RobinExports

/// `Exports.read` reads a kind's next file while it merges the last one; these
/// tests hold it to what reading the files one after the other gives.
@Suite("Reading files concurrently")
struct ConcurrentReadTests {
    /// Five desk files and five spaces files that share reservations, events,
    /// people, desks and names across files, with bad optional values in two.
    static func files() throws -> (desks: [TempFile], spaces: [TempFile]) {
        var desks: [TempFile] = [], spaces: [TempFile] = []
        for day in 0..<5 {
            var deskCSV = ExportCSV(.desks), spaceCSV = ExportCSV(.spaces)
            for n in 0..<40 {
                let id = day * 30 + n  // the last 10 of a day come again the next day
                deskCSV.add([
                    "Building": ["HQ", "Annex", ""][id % 3], "Floor": "\(id % 4)", "Desk ID": "D\(id % 17)",
                    "Reservation ID": id % 11 == 0 ? "R-\(id)" : "\(id)", "Type": "hoteled",
                    "Start (UTC)": "2026-11-1\(day) 0\(n % 10):00:00", "Hour Duration": day == 2 && n == 3 ? "eight" : "8",
                    "Assignee Email": n % 5 == 0 ? "" : "Person\(id % 23)@Example.com", "Assignee Name": "P \(id % 7)",
                    "Assignee Department": ["Eng", "Ops", ""][id % 3], "Checked In At (UTC)": day == 3 && n == 1 ? "soon" : "",
                ])
                spaceCSV.add([
                    "Building": "HQ", "Floor": "\(id % 2)", "Space": "Room \(id % 5)", "Space ID": "S\(id % 5)",
                    "Event ID": id % 13 == 0 ? "\(id)_20261110T090000Z" : "\(id)", "Event Status": id % 9 == 0 ? "Canceled" : "CONFIRMED",
                    "Updated At (UTC)": "2026-11-1\(day) 0\(9 - n % 10):00:00",
                    "Started At (UTC)": "2026-11-1\(day) 09:00:00", "Ended At (UTC)": "2026-11-1\(day) 10:00:00",
                    "Host Robin Email": "host\(id % 9)@example.com", "Attendees": "\(n % 6)", "Capacity": day == 4 && n == 2 ? "lots" : "8",
                ])
            }
            desks.append(try deskCSV.file(name: "desks-\(day).csv"))
            spaces.append(try spaceCSV.file(name: "spaces-\(day).csv"))
        }
        return (desks, spaces)
    }

    @Test("the same tables and warnings, in the same order, as reading the files one by one")
    func sameTables() async throws {
        let (desks, spaces) = try Self.files()
        defer { (desks + spaces).forEach { $0.remove() } }
        var deskWarnings: [String] = [], spaceWarnings: [String] = []
        let deskTable = try DeskExportReader.read(files: desks.map(\.path)) { deskWarnings.append($0) }
        let eventTable = try EventExportReader.read(files: spaces.map(\.path)) { spaceWarnings.append($0) }
        let warnings = Warnings()
        let both = try await Exports.read(desks: desks.map(\.path), spaces: spaces.map(\.path)) { warnings.add($0) }

        #expect(deskTable.stats.duplicates > 0 && eventTable.stats.duplicates > 0)
        #expect(both.desks.records == deskTable.records)
        #expect(both.desks.buildings == deskTable.buildings && both.desks.floors == deskTable.floors)
        #expect(both.desks.departments == deskTable.departments && both.desks.types == deskTable.types)
        #expect(both.desks.deskCount == deskTable.deskCount && both.desks.personCount == deskTable.personCount)
        #expect(both.desks.deskKeys == deskTable.deskKeys && both.desks.personKeys == deskTable.personKeys)
        #expect(both.desks.rowKeys == deskTable.rowKeys && both.desks.stats == deskTable.stats)
        // NaN durations compare unequal to themselves: compare the records as printed.
        #expect("\(both.events.records)" == "\(eventTable.records)")
        #expect(both.events.spaceIDs == eventTable.spaceIDs && both.events.spaceNames == eventTable.spaceNames)
        #expect(both.events.hostKeys == eventTable.hostKeys && both.events.rowKeys == eventTable.rowKeys)
        #expect(both.events.stats == eventTable.stats)
        #expect(deskWarnings.count == 2 && spaceWarnings.count == 1)
        #expect(warnings.all.filter { $0.contains("desks-") } == deskWarnings)
        #expect(warnings.all.filter { $0.contains("spaces-") } == spaceWarnings)
    }

    @Test("with two bad files, the error is the first one's in file order")
    func firstErrorInFileOrder() async throws {
        let (desks, spaces) = try Self.files()
        defer { (desks + spaces).forEach { $0.remove() } }
        let bad1 = try TempFile("Building,Floor\nHQ,\"3\n"), bad2 = try TempFile("")
        defer { bad1.remove(); bad2.remove() }
        let files = [desks[0].path, bad1.path, desks[1].path, bad2.path]
        let sequential = try #require(throws: CSVError.self) { try DeskExportReader.read(files: files) }
        do {
            _ = try await Exports.read(desks: files, spaces: spaces.map(\.path))
            Issue.record("no error")
        } catch {
            #expect(error.description == sequential.description)
        }
        #expect(sequential.file == bad1.path)
    }
}

/// Warnings collected from the readers' tasks.
private final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
