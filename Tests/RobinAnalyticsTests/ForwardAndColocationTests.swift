import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics

/// `forward` with busy days ahead (docs/metrics.md "Busy days ahead") and `colocation` (anchor days).
@Suite("Insights: busy days ahead and anchor days")
struct ForwardAndColocationTests {
    /// The week 2026-11-16..22 then the 7 days after it. HQ is on Tokyo time (rows at 00:30 UTC
    /// are 09:30 there, the same date); NewSite has 10 desks configured and no rows in the week.
    ///
    /// | building | in the week                 | ahead                                                        |
    /// | HQ       | h0..h4 at D0..D4 Mon (5 desks) | Tue 24: 5 booked + 1 canceled; Wed 25: 4 + 1 canceled in advance; Thu 26 23:30 UTC: 1 (Fri 27 in Tokyo) |
    /// | Annex    | a0, a1 at A0, A1 Mon        | Tue 24: 2 booked                                              |
    /// | NewSite  | -                           | Mon 23: 9 booked                                             |
    static func desks() -> ExportCSV {
        var rows = DeskRows()
        for index in 0..<5 { rows.add("h\(index)@x.com", desk: "D\(index)", on: "2026-11-16", time: "00:30:00") }
        for index in 0..<2 { rows.add("a\(index)@x.com", desk: "A\(index)", on: "2026-11-16", building: "Annex") }
        for index in 0..<5 { rows.add("h\(index)@x.com", desk: "D\(index)", on: "2026-11-24", time: "00:30:00") }
        rows.add("h5@x.com", desk: "D5", on: "2026-11-24", time: "00:30:00", canceled: "2026-11-24 02:00:00")
        for index in 0..<4 { rows.add("h\(index)@x.com", desk: "D\(index)", on: "2026-11-25", time: "00:30:00") }
        rows.add("h4@x.com", desk: "D4", on: "2026-11-25", time: "00:30:00", canceled: "2026-11-20 12:00:00")
        rows.add("h0@x.com", desk: "D0", on: "2026-11-26", time: "23:30:00")
        for index in 0..<2 { rows.add("a\(index)@x.com", desk: "A\(index)", on: "2026-11-24", building: "Annex") }
        for index in 0..<9 { rows.add("n\(index)@x.com", desk: "N\(index)", on: "2026-11-23", building: "NewSite") }
        return rows.csv
    }

    static var settings: Settings {
        var settings = Settings()
        settings.buildings = ["HQ": .init(timeZone: "Asia/Tokyo"), "NewSite": .init(desks: 10)]
        return settings
    }

    static func metrics(complete: Bool?) throws -> Metrics {
        let window = complete.map { Analyzer.ForwardWindow(after: week, complete: $0) }
        return try #require(try analyzeTrend(desks: desks(), trend: [week], settings: settings, forward: window).last ?? nil)
    }

    @Test("bookings not canceled per building and local date ahead, against the week's desks")
    func forward() throws {
        let forward = try #require(try Self.metrics(complete: true).forward)
        #expect(forward.period == Period(from: LocalDate("2026-11-23")!, to: LocalDate("2026-11-29")!))
        #expect(forward.byBuilding.count == 21)  // Annex, HQ, NewSite x 7 dates
        func booked(_ building: String) -> [Int] { forward.byBuilding.filter { $0.building == building }.map(\.booked) }
        #expect(booked("HQ") == [0, 5, 4, 0, 1, 0, 0])
        #expect(booked("Annex") == [0, 2, 0, 0, 0, 0, 0])
        #expect(booked("NewSite") == [9, 0, 0, 0, 0, 0, 0])
        let hqTuesday = forward.byBuilding[8]
        #expect(hqTuesday == ForwardDay(building: "HQ", date: LocalDate("2026-11-24")!, booked: 5, desks: 5, bookedShare: 1))
        // NewSite had no rows in the week: its inventory stands for desks_seen.
        #expect(forward.byBuilding[14].desks == 10 && forward.byBuilding[14].bookedShare == 0.9)
    }

    @Test("a busy day for each building at 90% or more, if it has min_group_size people; none without all 7 days")
    func busyDays() throws {
        let insights = try Self.metrics(complete: true).insights.filter { $0.kind == .busyDay }
        // Annex (2 people) and NewSite (no people in the week) are left out; HQ Wednesday is 4/5 = 0.8.
        #expect(insights == [.busyDay(.init(group: GroupKey([.init("building", "HQ")]),
                                            date: LocalDate("2026-11-24")!, bookedShare: 1))])
        let incomplete = try Self.metrics(complete: false)
        #expect(incomplete.forward == nil && !incomplete.insights.contains { $0.kind == .busyDay })
        #expect(try Self.metrics(complete: nil).forward == nil)
    }

    /// Two weeks 2026-11-09..22, min_group_size 3. Eng (4 people e0..e3):
    ///
    /// | week | Mon        | Tue | Wed            | Thu | Fri | Sat    |
    /// | 1    | e0, e1, e2 | e0  | e0, e1, e2, e3 | -   | e3  | e0, e1 |
    /// | 2    | e0         | -   | e0, e1, e2, e3 | -   | -   | -      |
    ///
    /// Ops has 2 people (folded into (small teams)); 3 people have no department.
    @Test("each department's weekday shares, anchor day and co-presence; never a fold or (no department)")
    func colocation() throws {
        var rows = DeskRows()
        let weekOne = "2026-11-09", weekTwo = "2026-11-16"
        let days: [(String, Int, [Int])] = [
            (weekOne, 0, [0, 1, 2]), (weekOne, 1, [0]), (weekOne, 2, [0, 1, 2, 3]), (weekOne, 4, [3]), (weekOne, 5, [0, 1]),
            (weekTwo, 0, [0]), (weekTwo, 2, [0, 1, 2, 3]),
        ]
        for (monday, offset, people) in days {
            for person in people { rows.add("e\(person)@x.com", desk: "E\(person)", on: dates(week: monday, [offset])[0]) }
        }
        for person in 0..<2 { rows.add("o\(person)@x.com", desk: "O\(person)", on: weekTwo, department: "Ops") }
        for person in 0..<3 { rows.add("x\(person)@x.com", desk: "X\(person)", on: weekTwo, department: "") }
        var settings = Settings()
        settings.minGroupSize = 3
        let period = Period(from: LocalDate(weekOne)!, to: LocalDate("2026-11-22")!)!
        let metrics = try analyze(desks: rows.csv, period: period, settings: settings)
        #expect(metrics.desks.byDepartment.map { $0.key["department"] } == ["(no department)", "(small teams)", "Eng"])
        #expect(metrics.colocation.byDepartment.map { $0.key["department"] } == ["Eng"])
        let eng = try #require(metrics.colocation.byDepartment.first?.figures)
        #expect(eng.people == 4)
        // Mon (3/4 + 1/4) / 2 = 0.5; Tue (1/4 + 0) / 2; Wed (4/4 + 4/4) / 2 = 1; Thu 0; Fri (1/4 + 0) / 2.
        #expect(eng.weekdayShare == [.init(weekday: 1, share: 0.5), .init(weekday: 2, share: 0.125),
                                     .init(weekday: 3, share: 1), .init(weekday: 4, share: 0),
                                     .init(weekday: 5, share: 0.125)])
        #expect(eng.anchorWeekday == 3 && eng.anchorShare == 1)
        // Pairs on workdays: week 1 Mon 3 x 2/3, Tue 1 x 0, Wed 4 x 3/3, Fri 1 x 0; week 2 Mon 1 x 0,
        // Wed 4 x 3/3: (2 + 4 + 4) / 14 pairs; Saturday is not a workday.
        #expect(eng.coPresence.isClose(to: 10.0 / 14))
    }
}
