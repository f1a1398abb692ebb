import RobinModel
import RobinSynthetic
import Testing

/// The event export exercises every case of docs/metrics.md "Rooms".
@Suite struct EventScenarioTests {
    static var records: [[String: String]] {
        get async { await Fixture.spaces.records }
    }

    @Test func everyStatusSpellingAppears() async {
        let records = await Self.records
        let statuses = Set(records.map { $0["Event Status"]! })
        #expect(statuses == ["CONFIRMED", "Confirmed", "Canceled", "Cancelled", "Resource declined"])
    }

    @Test func ghostMeetingsAndCheckIns() async {
        let records = await Self.records
        let meetings = records.filter { $0["Event Status"]!.lowercased() == "confirmed" }
        let ghosts = meetings.filter { !$0["Automatically Unbooked At (UTC)"]!.isEmpty }
        let checkedIn = meetings.filter { !$0["Checked In At (UTC)"]!.isEmpty }
        #expect(ghosts.count * 20 > meetings.count && ghosts.count * 4 < meetings.count)
        #expect(ghosts.allSatisfy { $0["Checked In At (UTC)"]!.isEmpty })
        #expect(checkedIn.count * 3 > meetings.count)
        #expect(checkedIn.allSatisfy { Int($0["Minutes Delayed"]!) != nil })
        #expect(checkedIn.contains { Int($0["Minutes Delayed"]!)! > 0 })
    }

    @Test func multiRoomEvents() async {
        let records = await Self.records
        var rooms: [String: Set<String>] = [:]
        for record in records {
            rooms[record["Event ID"]!, default: []].insert(record["Space ID"]!)
        }
        #expect(rooms.values.contains { $0.count >= 2 })
    }

    @Test func recurringSeriesShareAnIDPrefix() async {
        let records = await Self.records
        let recurring = records.filter { $0["Is Recurring"] == "True" }
        #expect(!recurring.isEmpty)
        var instances: [Substring: Int] = [:]
        for record in recurring {
            instances[record["Event ID"]!.split(separator: "_")[0], default: 0] += 1
        }
        #expect(instances.values.contains { $0 >= 2 }, "a series with several instances")
    }

    @Test func attendeesAsNumbersListsAndUnknown() async {
        let records = await Self.records
        let values = records.map { $0["Attendees"]! }
        #expect(values.contains { Int($0) != nil })
        #expect(values.contains { $0.isEmpty })
        #expect(values.contains { $0.contains("@") && $0.contains(",") })
        #expect(values.contains { $0.contains("@") && $0.contains(";") })
        #expect(values.contains { $0.contains("@") && !$0.contains(",") && !$0.contains(";") }, "a one-person list")
    }

    @Test func overSizedMeetings() async {
        let records = await Self.records
        let oversized = records.filter { record in
            guard let attendees = Int(record["Attendees"]!), let capacity = Int(record["Capacity"]!) else { return false }
            return capacity >= 10 && attendees * 2 <= capacity
        }
        #expect(oversized.count > 20)
    }

    @Test func minuteDurationSometimesEmpty() async {
        let records = await Self.records
        let empty = records.filter { $0["Minute Duration"]!.isEmpty }
        #expect(!empty.isEmpty)
        #expect(empty.count * 4 < records.count)
    }

    @Test func titlesStressQuoting() async {
        let records = await Self.records
        let titles = records.map { $0["Title"]! }
        #expect(titles.contains { $0.contains(",") })
        #expect(titles.contains { $0.contains("\"") })
        #expect(titles.contains { $0.contains("\n") })
        #expect(titles.contains { $0.isEmpty })
    }

    @Test func updatedAtIsSetAndNotBeforeCreation() async {
        let records = await Self.records
        for record in records {
            let created = TestCSV.instant(record["Created At (UTC)"]!)!
            let updated = TestCSV.instant(record["Updated At (UTC)"]!)!
            #expect(updated >= created)
            #expect(created <= TestCSV.instant(record["Started At (UTC)"]!)!)
        }
    }

    @Test func hostsHaveDepartmentsAndEmails() async {
        let records = await Self.records
        #expect(records.allSatisfy { !$0["Host Robin Email"]!.isEmpty && Int($0["Host Robin ID"]!) != nil })
        var hosts: [String: Set<String>] = [:]
        for record in records where record["Event Status"]!.lowercased() == "confirmed" {
            hosts[record["Host Department"]!, default: []].insert(record["Host Robin Email"]!.lowercased())
        }
        #expect(hosts.filter { !$0.key.isEmpty && $0.value.count < 5 }.count >= 2)
        #expect(hosts[""] != nil)
    }
}
