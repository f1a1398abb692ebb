import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics
@testable import RobinExports

/// Group names, work areas, metrics.json fields and the crashes of issue 8
/// (rows 1 and 2) with rows shaped like Robin's real exports.
@Suite("Real rows in the metrics")
struct RealRowsTests {
    @Test("empty Building and Floor form `(no building)` and `(no floor)` groups, by_space included")
    func placeholderGroups() throws {
        var desks = ExportCSV(.desks)
        desks.add(deskRow("1", desk: "D1", start: "2026-11-16 09:00:00", person: "a@x.com", building: "", floor: ""))
        desks.add(deskRow("2", desk: "D2", start: "2026-11-16 09:00:00", person: "b@x.com", floor: ""))
        var spaces = ExportCSV(.spaces)
        spaces.add(eventRow("1", space: "S9", start: "2026-11-16 10:00:00", minutes: "60", building: "", floor: ""))
        spaces.add(eventRow("2", space: "S1", start: "2026-11-16 10:00:00", minutes: "60", floor: ""))
        let metrics = try analyze(desks: desks, spaces: spaces)
        #expect(metrics.desks.byBuilding.map { $0.key["building"] } == ["(no building)", "HQ"])
        #expect(metrics.desks.byFloor.map { [$0.key["building"]!, $0.key["floor"]!] }
            == [["(no building)", "(no floor)"], ["HQ", "(no floor)"]])
        #expect(metrics.rooms.bySpace.map { [$0.key["building"]!, $0.key["floor"]!, $0.key["space_id"]!] }
            == [["(no building)", "(no floor)", "S9"], ["HQ", "(no floor)", "S1"]])
        #expect(metrics.rooms.byDepartment.map { $0.key["department"] } == ["(small teams)"])
    }

    @Test("configuration names the placeholder groups like any other: inventory and time zone")
    func placeholderConfiguration() throws {
        var desks = ExportCSV(.desks)
        // 03:00 UTC Tue is 22:00 Mon in New York, the org's zone that a row without a building takes.
        desks.add(deskRow("1", desk: "D1", start: "2026-11-17 03:00:00", person: "a@x.com", building: "", floor: ""))
        var settings = Settings()
        settings.timeZone = "America/New_York"
        settings.buildings["(no building)"] = .init(floors: ["(no floor)": .init(desks: 4)])
        let result = try analyze(desks: desks, settings: settings).desks
        #expect(result.daily.map(\.people) == [1, 0, 0, 0, 0, 0, 0])
        #expect(result.byFloor[0].figures.desksSeen == 4)
        #expect(result.byBuilding[0].figures.desksSeen == 4)
        #expect(result.total.desksSeen == 4)
    }

    @Test("desks by (Building, Work Area) when the export has `Work Area`, empty otherwise")
    func byWorkArea() throws {
        var csv = ExportCSV(.desks)
        csv.addColumn("Work Area")
        csv.add(deskRow("1", desk: "D1", start: "2026-11-16 09:00:00", person: "a@x.com").merging(["Work Area": "North"]) { $1 })
        csv.add(deskRow("2", desk: "D2", start: "2026-11-17 09:00:00", person: "b@x.com").merging(["Work Area": "North"]) { $1 })
        csv.add(deskRow("3", desk: "D3", start: "2026-11-17 09:00:00", person: "c@x.com"))
        csv.add(deskRow("4", desk: "D4", start: "2026-11-18 09:00:00", person: "d@x.com", building: "Annex")
            .merging(["Work Area": "North"]) { $1 })
        let desks = try analyze(desks: csv).desks
        #expect(desks.byWorkArea.map { [$0.key["building"]!, $0.key["work_area"]!] }
            == [["Annex", "North"], ["HQ", "(no work area)"], ["HQ", "North"]])
        let north = desks.byWorkArea[2].figures
        #expect(north.reservations == 2)
        #expect(north.people == 2)
        #expect(north.desksSeen == 2)
        #expect(north.deskUtilization.isClose(to: 2.0 / 10))
        #expect(try analyze(desks: deskRowsWithout()).desks.byWorkArea.isEmpty)
    }

    private func deskRowsWithout() -> ExportCSV {
        var csv = ExportCSV(.desks)
        csv.add(deskRow("1", desk: "D1", start: "2026-11-16 09:00:00", person: "a@x.com"))
        return csv
    }

    @Test("metrics.json: `all_day` right after `checked_in`, `by_work_area` after `by_type`")
    func jsonFields() throws {
        var desks = ExportCSV(.desks)
        desks.addColumn("Work Area")
        desks.add(deskRow("1", desk: "D1", start: "2026-11-16 09:00:00", person: "a@x.com").merging(["Work Area": "North"]) { $1 })
        var spaces = ExportCSV(.spaces)
        spaces.add(eventRow("1", space: "S1", start: "2026-11-17 00:00:00", minutes: "1440").merging(["All Day Event": "TRUE"]) { $1 })
        let json = try analyze(desks: desks, spaces: spaces).json
        #expect(json.contains("\"checked_in\": 0,\n      \"all_day\": 1,\n      \"ghost_rate\""))
        let byType = try #require(json.range(of: "\"by_type\"")), byWorkArea = try #require(json.range(of: "\"by_work_area\""))
        let daily = try #require(json.range(of: "\"daily\""))
        #expect(byType.lowerBound < byWorkArea.lowerBound && byWorkArea.lowerBound < daily.lowerBound)
        #expect(json.contains("{\n        \"building\": \"HQ\",\n        \"work_area\": \"North\",\n        \"reservations\": 1,"))
        let empty = try analyze(desks: deskRowsWithout()).json
        #expect(empty.contains("\"by_work_area\": [],"))
    }

    @Test("Minute Duration of 1e300 or 1e308 no longer crashes (issue 8 row 1)", arguments: ["1e300", "1e308", "1.6e14"])
    func hugeDurationFromFile(value: String) throws {
        var csv = ExportCSV(.spaces)
        csv.add(eventRow("1", space: "S1", start: "2026-11-16 09:00:00", minutes: value, end: "2026-11-16 10:00:00"))
        let rooms = try analyze(spaces: csv).rooms
        #expect(rooms.total.bookedHours == 1)  // taken as empty: Ended At - Started At
    }

    @Test("the room arithmetic is safe for any duration a table can hold")
    func hugeDurationInTable() throws {
        var table = EventTable()
        table.buildings = ["HQ"]; table.floors = ["1"]; table.spaceNames = ["A"]; table.spaceIDs = ["S1"]
        table.departments = ["(no department)"]
        for (minutes, allDay) in [(1e300, false), (Double.greatestFiniteMagnitude, false), (1e300, true)] {
            table.records.append(EventRecord(
                start: 1_794_819_600_000, end: Timestamp.missing, updatedAt: Timestamp.missing,  // Mon 09:00 UTC
                minuteDuration: minutes, minutesDelayed: .nan, attendees: -1, capacity: -1, status: .meeting,
                checkedIn: false, autoUnbooked: false, allDay: allDay, building: 0, floor: 0, spaceName: 0, space: 0,
                department: 0, host: -1))
        }
        let rooms = try Analyzer(settings: Settings()).metrics(desks: DeskTable(), events: table, period: week).rooms
        // The all-day one spans the longest duration read (366 days): its majority date is a year on.
        #expect(rooms.total.meetings == 2)
        // Each of the others fills every business hour of the week, clipped to it: twice the one room.
        #expect(rooms.total.utilization.isClose(to: 2))
    }

    @Test("an inventory of Int.max (Settings built in code) does not overflow (issue 8 row 2)")
    func hugeInventory() throws {
        var settings = Settings()
        settings.buildings["HQ"] = .init(desks: Int.max, rooms: Int.max, floors: ["1": .init(desks: Int.max, rooms: Int.max)])
        settings.buildings["Annex"] = .init(desks: Int.max, rooms: Int.max)
        var desks = ExportCSV(.desks)
        desks.add(deskRow("1", desk: "D1", start: "2026-11-16 09:00:00", person: "a@x.com"))
        var spaces = ExportCSV(.spaces)
        spaces.add(eventRow("1", space: "S1", start: "2026-11-16 09:00:00", minutes: "60"))
        let metrics = try analyze(desks: desks, spaces: spaces, settings: settings)
        #expect(metrics.desks.total.desksSeen == Int.max)
        #expect(metrics.desks.byBuilding[0].figures.deskUtilization.isClose(to: 1 / (Double(Int.max) * 5)))
        #expect(metrics.rooms.total.roomsSeen == Int.max)
        #expect((metrics.rooms.total.utilization ?? 1) < 1e-15)
    }
}
