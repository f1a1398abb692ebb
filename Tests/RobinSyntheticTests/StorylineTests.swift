import Foundation
import RobinModel
import RobinSynthetic
import Testing

/// The demo's story (`Storyline.demo`) as the exports show it, and no story at all
/// changing nothing.
@Suite struct StorylineTests {
    /// ISO week 45 of 2026: Monday 2 to Sunday 8 November.
    static let week = Period(from: LocalDate("2026-11-02")!, to: LocalDate("2026-11-08")!)!
    static let organization = SyntheticOrganization(seed: 3, people: 300, storyline: .demo(week: week))

    /// Desk or room rows of the organisation on the local dates `from`...`to` (midnight UTC to midnight UTC,
    /// a day more on each side, filtered by the row's local date below).
    static func rows(_ kind: ExportKind, _ from: String, _ to: String,
                     organization: SyntheticOrganization = organization) -> [[String: String]] {
        let csv = TestCSV(organization.export(kind, fromUTC: Fixture.utc("\(from) 00:00:00") - 86_400,
                                              toUTC: Fixture.utc("\(to) 00:00:00") + 2 * 86_400, locationIDs: nil))
        return csv.rows.map { Dictionary(uniqueKeysWithValues: zip(csv.header, $0)) }
    }

    /// Rows of `building` starting on the UTC date `date` (every office opens after 07:00 local, so for
    /// New York and London the UTC date is the local one).
    static func on(_ date: String, _ building: String, _ rows: [[String: String]], column: String = "Start (UTC)") -> [[String: String]] {
        rows.filter { $0["Building"] == building && $0[column]?.hasPrefix(date) == true }
    }

    @Test("an empty story changes no byte of either export", arguments: ExportKind.allCases)
    func emptyStory(kind: ExportKind) {
        let plain = SyntheticOrganization(seed: 7, people: 120)
        let storied = SyntheticOrganization(seed: 7, people: 120, storyline: Storyline())
        #expect(plain.export(kind, fromUTC: Fixture.from, toUTC: Fixture.to, locationIDs: nil)
            == storied.export(kind, fromUTC: Fixture.from, toUTC: Fixture.to, locationIDs: nil))
    }

    @Test("the same story gives the same bytes; a story changes the rows of its dates")
    func deterministic() {
        let again = SyntheticOrganization(seed: 3, people: 300, storyline: .demo(week: Self.week))
        let from = Fixture.utc("2026-11-02 00:00:00"), to = Fixture.utc("2026-11-04 00:00:00")
        #expect(again.export(.desks, fromUTC: from, toUTC: to, locationIDs: nil)
            == Self.organization.export(.desks, fromUTC: from, toUTC: to, locationIDs: nil))
        #expect(SyntheticOrganization(seed: 3, people: 300).export(.desks, fromUTC: from, toUTC: to, locationIDs: nil)
            != Self.organization.export(.desks, fromUTC: from, toUTC: to, locationIDs: nil))
    }

    @Test("Friday a holiday (almost nobody, rooms as at a weekend), Monday quiet, Sales away, Marketing in on Wednesdays")
    func theWeek() {
        let desks = Self.rows(.desks, "2026-10-26", "2026-11-06"), spaces = Self.rows(.spaces, "2026-10-30", "2026-11-06")
        let attended = { (date: String) in Self.on(date, "HQ New York", desks).filter { $0["Canceled At (UTC)"] == "" }.count }
        #expect(attended("2026-10-30") > 100)
        #expect(attended("2026-11-06") * 10 < attended("2026-10-30"), "the holiday")
        #expect(attended("2026-11-02") * 2 < attended("2026-10-26"), "the quiet Monday")
        let meetings = { (date: String) in Self.on(date, "HQ New York", spaces, column: "Started At (UTC)").count }
        #expect(meetings("2026-11-06") * 5 < meetings("2026-10-30"))

        // Distinct (person, local date) of a department with an attended row, local dates in [from, to).
        let zones = Self.organization.buildingTimeZones.mapValues { TimeZone(identifier: $0)! }
        let localDate = { (row: [String: String]) -> String in
            let instant = Fixture.utc(row["Start (UTC)"]!), zone = zones[row["Building"]!]!
            let seconds = instant + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
            return LocalDate(daysSinceEpoch: Int((seconds - (seconds % 86_400 + 86_400) % 86_400) / 86_400)).description
        }
        let of = { (department: String, from: String, to: String) in
            Set(desks.filter { $0["Assignee Department"] == department && $0["Canceled At (UTC)"] == "" }
                .map { ($0["Assignee Email"]!.lowercased(), localDate($0)) }
                .filter { $0.1 >= from && $0.1 < to }.map { $0.0 + $0.1 }).count
        }
        #expect(of("Sales", "2026-11-03", "2026-11-06") * 2 < of("Sales", "2026-10-27", "2026-10-30"))
        // Marketing: Wednesday against Tuesday and Thursday of a usual week.
        let wednesday = of("Marketing", "2026-10-28", "2026-10-29")
        #expect(wednesday > 10)
        #expect(Double(wednesday) > 1.5 * Double(of("Marketing", "2026-10-27", "2026-10-28")))
        #expect(Double(wednesday) > 1.5 * Double(of("Marketing", "2026-10-29", "2026-10-30")))
    }

    @Test("London's Level 2 empties over the eight weeks before the week")
    func emptyingFloor() {
        let share = { (from: String, to: String) -> Double in
            let london = Self.rows(.desks, from, to).filter { $0["Building"] == "London" && $0["Start (UTC)"]! >= from }
            return Double(london.filter { $0["Floor"] == "Level 2" }.count) / Double(london.count)
        }
        let before = share("2026-09-01", "2026-09-04"), halfway = share("2026-10-06", "2026-10-09"), after = share("2026-11-03", "2026-11-06")
        #expect(before > 0.25)
        #expect(halfway < before * 0.8 && halfway > after)
        #expect(after < 0.05)
    }

    @Test("from the Monday after, only bookings made ahead: no walk-up sessions, nothing checked in; London's all-hands on Tuesday")
    func ahead() {
        let desks = Self.rows(.desks, "2026-11-09", "2026-11-13").filter { $0["Start (UTC)"]! >= "2026-11-09" }
        #expect(!desks.isEmpty)
        #expect(!desks.contains { $0["Type"] == "hot" })
        #expect(!desks.contains { $0["Checked In At (UTC)"] != "" })
        let booked = { (date: String) in Self.on(date, "London", desks).filter { $0["Canceled At (UTC)"] == "" }.count }
        #expect(Double(booked("2026-11-10")) > 1.5 * Double(booked("2026-11-11")))
        // The week before is in the past: walk-up sessions and check-ins as usual.
        let past = Self.rows(.desks, "2026-11-03", "2026-11-03")
        #expect(past.contains { $0["Type"] == "hot" } && past.contains { $0["Checked In At (UTC)"] != "" })
    }
}
