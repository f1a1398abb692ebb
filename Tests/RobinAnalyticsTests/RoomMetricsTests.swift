import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics

/// The hand-worked room week (UTC, business hours 09-17, Mon-Fri):
///
/// | event | room (cap) | when            | what                                   | business min |
/// | E1    | S1 (10)    | Mon 09:00, 60   | 4 attendees, checked in 3 min late     | 60 |
/// | E2    | S1 (10)    | Mon 16:30, 90   | attendees "a;b;c" = 3                  | 30 |
/// | E3    | S2 (4)     | Tue 10:00-11:00 | canceled                               | - |
/// | E4    | S2 (4)     | Tue 12:00, 60   | resource declined                      | - |
/// | E5    | S2 (4)     | Wed 08:00, 120  | ghost (auto-unbooked), 4 attendees     | 60 |
/// | E6    | S1 (10)    | Sat 10:00, 60   | attendees unknown                      | 0 |
/// | E7    | S1 and S2  | Thu 13:00, 30   | one event, two rooms, 2 attendees each | 30 + 30 |
private func roomWeek() -> ExportCSV {
    var csv = ExportCSV(.spaces)
    csv.add(eventRow("E1", space: "S1", start: "2026-11-16 09:00:00", minutes: "60", attendees: "4", capacity: "10",
                     host: "ann@x.com", department: "Eng", checkedIn: "2026-11-16 09:03:00", delayed: "3"))
    csv.add(eventRow("E2", space: "S1", start: "2026-11-16 16:30:00", minutes: "90", attendees: "a@x.com;b@x.com;c@x.com",
                     capacity: "10", host: "ann@x.com", department: "Eng"))
    csv.add(eventRow("E3", space: "S2", start: "2026-11-17 10:00:00", end: "2026-11-17 11:00:00", status: "Canceled",
                     capacity: "4", host: "bob@x.com", department: "Eng"))
    csv.add(eventRow("E4", space: "S2", start: "2026-11-17 12:00:00", minutes: "60", status: "Resource declined",
                     capacity: "4", host: "bob@x.com", department: "Eng"))
    csv.add(eventRow("E5", space: "S2", start: "2026-11-18 08:00:00", minutes: "120", attendees: "4", capacity: "4",
                     host: "bob@x.com", department: "Eng", unbooked: "2026-11-18 08:15:00"))
    csv.add(eventRow("E6", space: "S1", start: "2026-11-21 10:00:00", minutes: "60", capacity: "10",
                     host: "cat@x.com", department: "Sales"))
    csv.add(eventRow("E7", space: "S1", start: "2026-11-19 13:00:00", minutes: "30", attendees: "2", capacity: "10",
                     host: "dan@x.com", department: "Ops"))
    csv.add(eventRow("E7", space: "S2", start: "2026-11-19 13:00:00", minutes: "30", attendees: "2", capacity: "4",
                     host: "dan@x.com", department: "Ops", floor: "2"))
    return csv
}

@Suite("Room metrics")
struct RoomMetricsTests {
    @Test("totals of the hand-worked week")
    func totals() throws {
        let t = try analyze(spaces: roomWeek()).rooms.total
        #expect(t.events == 8)
        #expect(t.meetings == 6)
        #expect(t.canceled == 1)
        #expect(t.declined == 1)
        #expect(t.autoUnbooked == 1)
        #expect(t.checkedIn == 1)
        #expect(t.ghostRate.isClose(to: 1.0 / 6))
        #expect(t.checkInRate.isClose(to: 1.0 / 6))
        #expect(t.bookedHours == 6.5)                      // 60+90+120+60+30+30 minutes
        #expect(t.roomsSeen == 2)
        #expect(t.utilization.isClose(to: 210.0 / 4800))   // 210 business minutes / (2 rooms * 480 * 5)
        #expect(t.avgAttendees.isClose(to: 3.0))           // (4+3+4+2+2) / 5
        #expect(t.avgFill.isClose(to: 0.48))               // (0.4+0.3+1.0+0.2+0.5) / 5
        #expect(t.oversizedShare.isClose(to: 0.8))         // all but E5
        #expect(t.avgMinutesDelayed.isClose(to: 3.0))
    }

    @Test("heatmap: share of rooms booked per weekday and hour")
    func heatmap() throws {
        let cells = try analyze(spaces: roomWeek()).rooms.heatmap
        #expect(cells.count == 7 * 24)
        func share(_ weekday: Int, _ hour: Int) -> Double? {
            cells.first { $0.weekday == weekday && $0.hour == hour }?.share
        }
        #expect(share(1, 9) == 0.5)    // E1: 60 of 2 x 60 room-minutes
        #expect(share(1, 16) == 0.25)  // E2 from 16:30
        #expect(share(1, 17) == 0.5)   // E2 until 18:00
        #expect(share(1, 18) == 0)
        #expect(share(2, 10) == 0)     // canceled and declined are not meetings
        #expect(share(3, 8) == 0.5)
        #expect(share(3, 9) == 0.5)
        #expect(share(4, 13) == 0.5)   // E7 in both rooms, 30 minutes each
        #expect(share(6, 10) == 0.5)
        #expect(cells.reduce(0) { $0 + ($1.share ?? 0) } == 3.25)
    }

    @Test("groups: building, floor, space and department (folded)")
    func groups() throws {
        var settings = Settings()
        settings.minGroupSize = 2
        let rooms = try analyze(spaces: roomWeek(), settings: settings).rooms
        #expect(rooms.bySpace.map { $0.key["space_id"] } == ["S1", "S2", "S2"])  // S2 on floors 1 and 2
        let s1 = rooms.bySpace[0].figures
        #expect(s1.meetings == 4)
        #expect(s1.roomsSeen == 1)
        #expect(s1.utilization.isClose(to: 120.0 / 2400))   // E1 60 + E2 30 + E7 30
        #expect(rooms.byFloor.map { $0.key["floor"] } == ["1", "2"])
        // Eng has hosts ann and bob (2); Sales (cat) and Ops (dan) fold.
        #expect(rooms.byDepartment.map { $0.key["department"] } == ["(small teams)", "Eng"])
        #expect(rooms.byDepartment[0].figures.meetings == 3)
        #expect(rooms.byDepartment[1].figures.events == 5)
        #expect(rooms.byDepartment[1].figures.meetings == 3)
    }

    @Test("right-sizing by capacity band")
    func capacityBands() throws {
        let bands = try analyze(spaces: roomWeek()).rooms.byCapacity
        #expect(bands.map { $0.key["capacity"] } == ["1-4", "9-12"])
        // Capacity 4 (S2): E3 canceled, E4 declined, E5 (4 of 4), E7 (2 of 4).
        #expect(bands[0].figures.meetings == 2)
        #expect(bands[0].figures.avgFill.isClose(to: 0.75))
        #expect(bands[0].figures.oversizedShare.isClose(to: 0.5))
        // Capacity 10 (S1): E1 4, E2 3, E6 unknown, E7 2 -> fill (0.4 + 0.3 + 0.2) / 3.
        #expect(bands[1].figures.meetings == 4)
        #expect(bands[1].figures.avgFill.isClose(to: 0.3))
        #expect(bands[1].figures.oversizedShare.isClose(to: 1))
    }

    @Test("meetings that run past the end of the period are clipped to it")
    func clippedToPeriod() throws {
        var csv = ExportCSV(.spaces)
        // Sunday 23:00 for 3 hours: one hour inside the week.
        csv.add(eventRow("1", space: "S1", start: "2026-11-22 23:00:00", minutes: "180"))
        // Friday 16:00 to Monday: one business hour, the rest is the weekend.
        csv.add(eventRow("2", space: "S1", start: "2026-11-20 16:00:00", minutes: "3000"))
        let rooms = try analyze(spaces: csv).rooms
        #expect(rooms.total.bookedHours == 53)
        #expect(rooms.total.utilization.isClose(to: 60.0 / 2400))
        #expect(rooms.heatmap.first { $0.weekday == 7 && $0.hour == 23 }?.share == 1)
        #expect(rooms.heatmap.first { $0.weekday == 1 && $0.hour == 0 }?.share == 0)
    }

    @Test("a weekday without a date in the period is null in the heatmap")
    func shortPeriod() throws {
        let twoDays = Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-17")!)!
        let metrics = try analyze(spaces: roomWeek(), period: twoDays)
        #expect(metrics.rooms.heatmap.first { $0.weekday == 3 }?.share == nil)
        #expect(metrics.rooms.heatmap.first { $0.weekday == 1 && $0.hour == 9 }?.share == 0.5)
        #expect(metrics.desks.byWeekday[2] == nil)
        #expect(metrics.workdays == 2)
    }
}
