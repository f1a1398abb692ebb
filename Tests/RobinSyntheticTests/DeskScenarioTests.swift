import Foundation
import RobinModel
import RobinSynthetic
import Testing

/// The desk export exercises every case of docs/metrics.md "Desks".
@Suite struct DeskScenarioTests {
    static var records: [[String: String]] {
        get async { await Fixture.desks.records }
    }

    static func attended(_ record: [String: String]) -> Bool {
        !record["Checked In At (UTC)"]!.isEmpty || record["Canceled At (UTC)"]!.isEmpty
    }

    @Test func everyReservationTypeAppears() async {
        let records = await Self.records
        let types = Set(records.map { $0["Type"]! })
        #expect(types == ["hoteled", "hot", "assigned", "shared", "reverse_hoteled"])
    }

    @Test func checkInsNoShowsAndAdvanceCancellations() async {
        let records = await Self.records
        var checkedIn = 0, released = 0, canceledInAdvance = 0, neither = 0
        for record in records {
            let start = TestCSV.instant(record["Start (UTC)"]!)!
            let canceled = TestCSV.instant(record["Canceled At (UTC)"]!)
            if !record["Checked In At (UTC)"]!.isEmpty {
                checkedIn += 1
            } else if let canceled, canceled < start {
                canceledInAdvance += 1
            } else if canceled != nil {
                released += 1
            } else {
                neither += 1
            }
        }
        let total = records.count
        #expect(checkedIn * 2 > total, "most rows are checked in")
        #expect(released * 50 > total && released * 5 < total)
        #expect(canceledInAdvance * 50 > total && canceledInAdvance * 5 < total)
        #expect(neither > 0)
        // Checked in, then checked out early: counts as checked in.
        #expect(records.contains { !$0["Checked In At (UTC)"]!.isEmpty && !$0["Canceled At (UTC)"]!.isEmpty })
    }

    @Test func assigneesWithoutEmailOrWithoutAnyone() async {
        let records = await Self.records
        let nameOnly = records.filter { $0["Assignee Email"]!.isEmpty && !$0["Assignee Name"]!.isEmpty }
        let nobody = records.filter {
            $0["Assignee Email"]!.isEmpty && $0["Assignee Name"]!.isEmpty && !$0["Creator Email"]!.isEmpty
        }
        #expect(!nameOnly.isEmpty)
        #expect(!nobody.isEmpty)
        #expect(nameOnly.count + nobody.count < records.count / 20)
    }

    @Test func emailsComeInMixedCase() async {
        let records = await Self.records
        let emails = records.map { $0["Assignee Email"]! }.filter { !$0.isEmpty }
        let mixed = emails.filter { $0 != $0.lowercased() }
        #expect(!mixed.isEmpty)
        #expect(mixed.count * 3 < emails.count)
        // The same person appears both ways.
        let lower = Set(emails.filter { $0 == $0.lowercased() })
        #expect(mixed.contains { lower.contains($0.lowercased()) })
    }

    @Test func departmentsOfVerySizesIncludingTinyAndNone() async {
        let records = await Self.records
        var people: [String: Set<String>] = [:]
        for record in records where Self.attended(record) && !record["Assignee Email"]!.isEmpty {
            people[record["Assignee Department"]!, default: []].insert(record["Assignee Email"]!.lowercased())
        }
        let sizes = people.mapValues(\.count)
        #expect(sizes.filter { !$0.key.isEmpty && $0.value < 5 }.count >= 2, "\(sizes)")
        #expect(sizes[""] ?? 0 > 0, "people with no department")
        #expect((sizes.values.max() ?? 0) > 10 * (sizes.values.min() ?? 1))
        #expect(sizes.keys.contains { $0.contains(",") }, "a department name that needs quoting")
    }

    @Test func hybridWeekPattern() async {
        let records = await Self.records
        // Distinct people per local date in New York, by weekday.
        let zone = TimeZone(identifier: Fixture.organization.timeZoneIdentifier)!
        let home = Fixture.organization.buildingNames[0]
        var perDate: [Int: Set<String>] = [:]
        for record in records where record["Building"] == home && Self.attended(record) {
            let start = TestCSV.instant(record["Start (UTC)"]!)!
            let local = start + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start))))
            perDate[Int(local / 86_400), default: []].insert(record["Assignee Email"]!.lowercased())
        }
        var byWeekday = [Int](repeating: 0, count: 8)
        for (day, people) in perDate {
            byWeekday[LocalDate(daysSinceEpoch: day).isoWeekday] += people.count
        }
        let midweek = byWeekday[2] + byWeekday[3] + byWeekday[4]
        #expect(midweek > 3 * byWeekday[5] * 3 / 2, "Tue-Thu peak over Friday: \(byWeekday)")
        #expect(byWeekday[5] > 5 * (byWeekday[6] + byWeekday[7]), "few weekend rows: \(byWeekday)")
        #expect(byWeekday[6] + byWeekday[7] > 0)
    }

    @Test func recurringReservationsHaveASeries() async {
        let records = await Self.records
        let series = records.filter { !$0["Series ID"]!.isEmpty }
        #expect(!series.isEmpty)
        #expect(series.allSatisfy { Int($0["Series ID"]!) != nil })
    }
}
