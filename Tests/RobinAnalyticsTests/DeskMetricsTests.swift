import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics

/// The hand-worked desk week (UTC, Mon-Fri workweek, 2026-11-16..22):
///
/// | row | person | desk | date | what                                        | hours |
/// | R1  | ann    | D1   | Mon  | checked in                                  | 8 |
/// | R2  | ann    | D1   | Tue  | not canceled, no check-in -> attended       | 8 |
/// | R3  | bob    | D2   | Tue  | canceled Mon, before start -> in advance    | 8 |
/// | R4  | bob    | D2   | Wed  | canceled after start, no check-in -> released | 8 |
/// | R5  | cat    | D3   | Sat  | attended (weekend), Sales                   | 4 |
/// | R6  | dan    | D1   | Tue  | checked in, canceled after start -> attended | 8 |
/// | R8  | nobody | D4   | Thu  | attended, no person, no department          | 8 |
/// | R9  | ann    | D1   | Thu  | attended                                    | 8 |
/// | R7  | ann    | D2   | next Mon | outside the period                      | 8 |
private func deskWeek() -> ExportCSV {
    var csv = ExportCSV(.desks)
    csv.add(deskRow("R1", desk: "D1", start: "2026-11-16 09:00:00", person: "ann@x.com", checkedIn: "2026-11-16 09:05:00"))
    csv.add(deskRow("R2", desk: "D1", start: "2026-11-17 09:00:00", person: "ann@x.com"))
    csv.add(deskRow("R3", desk: "D2", start: "2026-11-17 09:00:00", person: "bob@x.com", canceled: "2026-11-16 12:00:00"))
    csv.add(deskRow("R4", desk: "D2", start: "2026-11-18 09:00:00", person: "bob@x.com", canceled: "2026-11-18 10:00:00"))
    csv.add(deskRow("R5", desk: "D3", start: "2026-11-21 10:00:00", person: "cat@x.com", department: "Sales", hours: "4", floor: "2"))
    csv.add(deskRow("R6", desk: "D1", start: "2026-11-17 13:00:00", person: "dan@x.com",
                    checkedIn: "2026-11-17 13:01:00", canceled: "2026-11-17 15:00:00"))
    csv.add(deskRow("R7", desk: "D2", start: "2026-11-23 09:00:00", person: "ann@x.com"))
    csv.add(deskRow("R8", desk: "D4", start: "2026-11-19 09:00:00", person: nil, department: "", type: "assigned"))
    csv.add(deskRow("R9", desk: "D1", start: "2026-11-19 09:00:00", person: "ann@x.com"))
    return csv
}

@Suite("Desk metrics")
struct DeskMetricsTests {
    @Test("totals of the hand-worked week")
    func totals() throws {
        let metrics = try analyze(desks: deskWeek())
        #expect(metrics.workdays == 5)
        let t = metrics.desks.total
        #expect(t.reservations == 8)          // R7 is outside the period
        #expect(t.canceledInAdvance == 1)     // R3
        #expect(t.released == 1)              // R4
        #expect(t.checkedIn == 2)             // R1, R6
        #expect(t.kept == 7)
        #expect(t.checkInRate.isClose(to: 2.0 / 7))
        #expect(t.noShowRate.isClose(to: 1.0 / 7))
        #expect(t.people == 3)                // ann, cat, dan (bob never attended; R8 has no person)
        #expect(t.personDays == 5)            // ann Mon Tue Thu, dan Tue, cat Sat
        #expect(t.avgDaysPerPerson.isClose(to: 5.0 / 3))
        #expect(t.desksSeen == 4)             // D1..D4 over all rows
        #expect(t.deskDays == 4)              // D1 Mon, D1 Tue (R2 and R6 share it), D1 Thu, D4 Thu; D3 is Saturday
        #expect(t.deskUtilization.isClose(to: 4.0 / 20))
        #expect(t.avgDailyPeople.isClose(to: 4.0 / 5))  // workday person-days / workdays
        #expect(t.peakDate == LocalDate("2026-11-17"))  // Tue: ann and dan
        #expect(t.peakPeople == 2)
        #expect(t.bookedHours == 44)          // R1 R2 R6 R8 R9 at 8, R5 at 4
        #expect(t.policyAdherence.isClose(to: 1.0 / 3))  // only ann reaches 3 days
    }

    @Test("daily and by-weekday attendance")
    func daily() throws {
        let desks = try analyze(desks: deskWeek()).desks
        #expect(desks.daily.map(\.people) == [1, 2, 0, 1, 0, 1, 0])
        #expect(desks.daily.map(\.desks) == [1, 1, 0, 2, 0, 1, 0])
        #expect(desks.daily.first?.date == LocalDate("2026-11-16"))
        #expect(desks.byWeekday == [1, 2, 0, 1, 0, 1, 0])
    }

    @Test("small departments fold into (small teams), recomputed from their rows")
    func departmentFold() throws {
        var settings = Settings()
        settings.minGroupSize = 2
        let departments = try analyze(desks: deskWeek(), settings: settings).desks.byDepartment
        #expect(departments.map { $0.key["department"] } == ["(small teams)", "Eng"])
        let small = departments[0].figures, eng = departments[1].figures
        // Sales (cat, 1 person) and (no department) (R8, no person) fold.
        #expect(small.reservations == 2)
        #expect(small.people == 1)
        #expect(small.desksSeen == 2)
        #expect(small.bookedHours == 12)
        // Eng: R1 R2 R3 R4 R6 R9; people ann and dan.
        #expect(eng.reservations == 6)
        #expect(eng.kept == 5)
        #expect(eng.people == 2)
        #expect(eng.personDays == 4)
        #expect(eng.desksSeen == 2)
        #expect(eng.deskDays == 3)
        #expect(eng.deskUtilization.isClose(to: 3.0 / 10))
        #expect(eng.policyAdherence.isClose(to: 0.5))
        // With the default of 5 every department is small.
        let folded = try analyze(desks: deskWeek()).desks.byDepartment
        #expect(folded.map { $0.key["department"] } == ["(small teams)"])
        #expect(folded[0].figures.reservations == 8)
        // With 1 nothing folds, and the empty department has its label.
        settings.minGroupSize = 1
        let none = try analyze(desks: deskWeek(), settings: settings).desks.byDepartment
        #expect(none.map { $0.key["department"] } == ["(small teams)", "Eng", "Sales"])
    }

    @Test("groups by building, floor and type, sorted by key")
    func groups() throws {
        let desks = try analyze(desks: deskWeek()).desks
        #expect(desks.byBuilding.map { $0.key["building"] } == ["HQ"])
        #expect(desks.byFloor.map { [$0.key["building"]!, $0.key["floor"]!] } == [["HQ", "1"], ["HQ", "2"]])
        #expect(desks.byFloor[1].figures.reservations == 1)
        #expect(desks.byType.map { $0.key["type"] } == ["assigned", "hoteled"])
        #expect(desks.byType[0].figures.people == 0)
        #expect(desks.byType[0].figures.policyAdherence == nil)
        #expect(desks.byType[0].figures.deskDays == 1)
    }

    @Test("local dates come from each building's time zone")
    func timeZones() throws {
        var csv = ExportCSV(.desks)
        // 03:00 UTC Tue = 22:00 Mon in New York (EST, UTC-5).
        csv.add(deskRow("1", desk: "D1", start: "2026-11-17 03:00:00", person: "a@x.com", building: "NY"))
        // 04:00 UTC Mon 16th = 23:00 Sun 15th in New York: before the period.
        csv.add(deskRow("2", desk: "D1", start: "2026-11-16 04:00:00", person: "b@x.com", building: "NY"))
        // 04:00 UTC Mon 23rd = 23:00 Sun 22nd: inside.
        csv.add(deskRow("3", desk: "D1", start: "2026-11-23 04:00:00", person: "c@x.com", building: "NY"))
        // The same instant in London (UTC+0 in November) is Mon 23rd: outside.
        csv.add(deskRow("4", desk: "D2", start: "2026-11-23 04:00:00", person: "d@x.com", building: "London"))
        var settings = Settings()
        settings.timeZone = "Europe/London"
        settings.buildings["NY"] = .init(timeZone: "America/New_York")
        let desks = try analyze(desks: csv, settings: settings).desks
        #expect(desks.total.reservations == 2)
        #expect(desks.daily.map(\.people) == [1, 0, 0, 0, 0, 0, 1])
    }

    @Test("policy adherence scales with the period: 13 of 30 days reach 3 a week, 12 do not")
    func policyOverAMonth() throws {
        var csv = ExportCSV(.desks)
        for day in 1...13 {
            let date = LocalDate(year: 2026, month: 11, day: day)!
            csv.add(deskRow("a\(day)", desk: "D1", start: "\(date) 09:00:00", person: "ann@x.com"))
            if day <= 12 { csv.add(deskRow("b\(day)", desk: "D2", start: "\(date) 09:00:00", person: "bob@x.com")) }
        }
        let month = Period.month(containing: LocalDate("2026-11-10")!)
        let total = try analyze(desks: csv, period: month).desks.total
        // 13 / (30 / 7) = 3.03 >= 3; 12 / (30 / 7) = 2.8.
        #expect(total.policyAdherence.isClose(to: 0.5))
    }

    @Test("configured inventory replaces the desks seen")
    func inventory() throws {
        var settings = Settings()
        settings.buildings["HQ"] = .init(floors: ["1": .init(desks: 10)])
        let desks = try analyze(desks: deskWeek(), settings: settings).desks
        #expect(desks.byFloor.map(\.figures.desksSeen) == [10, 1])   // floor 1 configured, floor 2 seen
        #expect(desks.byBuilding[0].figures.desksSeen == 11)          // sum over its floors
        #expect(desks.total.desksSeen == 11)
        #expect(desks.total.deskUtilization.isClose(to: 4.0 / 55))
        settings.buildings["HQ"]?.desks = 40
        settings.buildings["Annex"] = .init(desks: 20)                // configured, no rows
        let configured = try analyze(desks: deskWeek(), settings: settings).desks
        #expect(configured.byBuilding[0].figures.desksSeen == 40)
        #expect(configured.total.desksSeen == 60)
    }

    @Test("a row with an empty Desk ID counts as a reservation but not as a desk")
    func emptyDeskID() throws {
        var csv = deskWeek()
        csv.add(deskRow("R10", desk: "", start: "2026-11-18 09:00:00", person: "eve@x.com"))
        let t = try analyze(desks: csv).desks.total
        #expect(t.reservations == 9)
        #expect(t.desksSeen == 4)
        #expect(t.deskDays == 4)
        #expect(t.people == 4)
    }

    @Test("an empty export gives zeros and nulls, never a crash")
    func empty() throws {
        let desks = try analyze().desks
        #expect(desks.total.reservations == 0)
        #expect(desks.total.checkInRate == nil)
        #expect(desks.total.deskUtilization == nil)
        #expect(desks.total.peakDate == nil)
        #expect(desks.byBuilding.isEmpty)
        #expect(desks.daily.count == 7)
    }
}
