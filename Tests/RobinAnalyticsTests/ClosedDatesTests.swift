import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics

/// `closed_dates` (docs/metrics.md "Time"): a closed date is never a workday, but its
/// rows still count for people and reservations.
///
/// The week 2026-11-16..22, Thursday 19 closed, every row in HQ floor 1, Eng:
///
/// | person | desk | dates          |
/// | ann    | D1   | Mon, Tue, Thu  |
/// | bob    | D2   | Thu            |
/// | cat    | D3   | Thu            |
///
/// and room R1 booked Mon 10:00-11:00 and Thu 10:00-12:00.
@Suite("Closed dates")
struct ClosedDatesTests {
    static func desks() -> ExportCSV {
        var rows = DeskRows()
        for date in ["2026-11-16", "2026-11-17", "2026-11-19"] { rows.add("ann@x.com", desk: "D1", on: date) }
        rows.add("bob@x.com", desk: "D2", on: "2026-11-19")
        rows.add("cat@x.com", desk: "D3", on: "2026-11-19")
        return rows.csv
    }

    static func spaces() -> ExportCSV {
        var csv = ExportCSV(.spaces)
        csv.add(eventRow("E1", space: "R1", start: "2026-11-16 10:00:00", minutes: "60"))
        csv.add(eventRow("E2", space: "R1", start: "2026-11-19 10:00:00", minutes: "120"))
        return csv
    }

    static func settings(closed: Bool) -> Settings {
        var settings = Settings()
        settings.minGroupSize = 3
        if closed { settings.closedDates = [LocalDate("2026-11-19")!] }
        return settings
    }

    @Test("a closed date leaves workdays, desk utilization, avg daily people and room utilization; rows still count")
    func figures() throws {
        let open = try analyze(desks: Self.desks(), spaces: Self.spaces(), settings: Self.settings(closed: false))
        let closed = try analyze(desks: Self.desks(), spaces: Self.spaces(), settings: Self.settings(closed: true))
        #expect(open.workdays == 5)
        #expect(closed.workdays == 4)
        let d = closed.desks.total
        #expect(d.reservations == 5 && d.people == 3 && d.personDays == 5)  // Thursday's rows count
        #expect(d.desksSeen == 3)
        // desk_days on workdays: D1 Mon, D1 Tue = 2 (Thursday's three are not on a workday).
        #expect(d.deskUtilization.isClose(to: 2.0 / (3 * 4)))
        #expect(open.desks.total.deskUtilization.isClose(to: 5.0 / (3 * 5)))
        // Workday person-days: ann Mon, ann Tue = 2, over 4 workdays.
        #expect(d.avgDailyPeople.isClose(to: 2.0 / 4))
        #expect(open.desks.total.avgDailyPeople.isClose(to: 5.0 / 5))
        #expect(d.peakDate == LocalDate("2026-11-19") && d.peakPeople == 3)  // peak_date considers every date
        #expect(closed.desks.daily.map(\.people) == [1, 1, 0, 3, 0, 0, 0])
        // Rooms: 60 of Monday's business minutes over 1 room x 480 min x 4 workdays; booked hours unchanged.
        #expect(closed.rooms.total.utilization.isClose(to: 60.0 / (480 * 4)))
        #expect(open.rooms.total.utilization.isClose(to: 180.0 / (480 * 5)))
        #expect(closed.rooms.total.bookedHours == 3 && closed.rooms.total.meetings == 2)
    }

    @Test("capacity's busiest workday and anchor days skip a closed date")
    func capacityAndColocation() throws {
        let open = try analyze(desks: Self.desks(), spaces: Self.spaces(), settings: Self.settings(closed: false))
        let closed = try analyze(desks: Self.desks(), spaces: Self.spaces(), settings: Self.settings(closed: true))
        // Open: Thursday used D1, D2, D3 = 3 of 3 desks. Closed: Monday's 1 desk (earliest of Mon, Tue).
        let openHQ = try #require(open.capacity.byBuilding.first?.figures)
        #expect(openHQ.peakDesksUsed == 3 && openHQ.peakDate == LocalDate("2026-11-19") && openHQ.status == .atRisk)
        let closedHQ = try #require(closed.capacity.byBuilding.first?.figures)
        #expect(closedHQ.peakDesksUsed == 1 && closedHQ.peakDate == LocalDate("2026-11-16"))
        #expect(closedHQ.peakOccupancy.isClose(to: 1.0 / 3) && closedHQ.status == .consolidate)
        // Eng has 3 people. Open: Thursday 3/3, anchor Thu; co-presence (0 + 0 + 3 x 2/2) / 5 pairs.
        let openEng = try #require(open.colocation.byDepartment.first?.figures)
        #expect(openEng.anchorWeekday == 4 && openEng.anchorShare == 1)
        #expect(openEng.coPresence.isClose(to: 3.0 / 5))
        // Closed: Thursday has no workday (null); Mon and Tue tie at 1/3, the earliest (Mon) is the anchor;
        // ann alone on each workday: co-presence 0.
        let closedEng = try #require(closed.colocation.byDepartment.first?.figures)
        #expect(closedEng.weekdayShare.map(\.weekday) == [1, 2, 3, 4, 5])
        #expect(closedEng.weekdayShare[3].share == nil)
        #expect(closedEng.weekdayShare[0].share.isClose(to: 1.0 / 3) && closedEng.weekdayShare[2].share == 0)
        #expect(closedEng.anchorWeekday == 1 && closedEng.anchorShare.isClose(to: 1.0 / 3))
        #expect(closedEng.coPresence == 0)
    }
}
