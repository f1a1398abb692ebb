import Testing
import RobinModel
import RobinTestSupport
@testable import RobinAnalytics

/// An all-day event in room `space` from `start` for `minutes` (UTC).
private func allDay(_ id: String, space: String = "S1", start: String, minutes: String = "1440",
                    status: String = "CONFIRMED", flag: String = "TRUE", building: String = "HQ") -> [String: String] {
    eventRow(id, space: space, start: start, minutes: minutes, status: status, building: building)
        .merging(["All Day Event": flag]) { $1 }
}

private func share(_ rooms: RoomMetrics, _ weekday: Int, _ hour: Int) -> Double? {
    rooms.heatmap.first { $0.weekday == weekday && $0.hour == hour }?.share
}

/// All-day events (docs/metrics.md "Rooms"): the majority-of-span local date, and
/// only that date's business hours (09:00-17:00 here) count.
@Suite("All-day events")
struct AllDayTests {
    @Test("an all-day event counts the business hours of the local date holding most of its span")
    func majorityDate() throws {
        var csv = ExportCSV(.spaces)
        // UTC midnight to midnight is Tue 19:00 to Wed 19:00 in New York: Wednesday holds 19 hours.
        csv.add(allDay("207480122_20261118T000000Z", start: "2026-11-18 00:00:00"))
        csv.add(eventRow("2", space: "S2", start: "2026-11-18 15:00:00", minutes: "60"))  // Wed 10:00, an ordinary hour
        var settings = Settings()
        settings.timeZone = "America/New_York"
        let rooms = try analyze(spaces: csv, settings: settings).rooms
        #expect(rooms.total.allDay == 1)
        #expect(rooms.total.meetings == 2)
        #expect(rooms.total.bookedHours == 9)                       // 8 business hours + 1
        #expect(rooms.total.utilization.isClose(to: 540.0 / 4800))  // (480 + 60) / (2 rooms * 480 * 5)
        #expect(share(rooms, 3, 8) == 0)
        #expect(share(rooms, 3, 9) == 0.5)
        #expect(share(rooms, 3, 10) == 1)
        #expect(share(rooms, 3, 16) == 0.5)
        #expect(share(rooms, 3, 17) == 0)
        #expect(share(rooms, 2, 19) == 0)                           // nothing of it on Tuesday evening
        #expect(rooms.bySpace.map(\.figures.allDay) == [1, 0])
    }

    @Test("on a tie the later date wins")
    func tie() throws {
        var csv = ExportCSV(.spaces)
        // UTC+12: Tue 12:00 to Wed 12:00 local, 12 hours each.
        csv.add(allDay("1", start: "2026-11-17 00:00:00"))
        var settings = Settings()
        settings.timeZone = "Etc/GMT-12"
        let rooms = try analyze(spaces: csv, settings: settings).rooms
        #expect(share(rooms, 3, 9) == 1)
        #expect(share(rooms, 2, 13) == 0)
    }

    @Test("a Saturday all-day booking fills Saturday's business hours only and no utilization")
    func saturday() throws {
        var csv = ExportCSV(.spaces)
        csv.add(allDay("207480123_20261121T000000Z", start: "2026-11-21 00:00:00", flag: "Yes"))
        let rooms = try analyze(spaces: csv).rooms
        #expect(rooms.total.allDay == 1)
        #expect(rooms.total.bookedHours == 8)
        #expect(rooms.total.utilization == 0)
        #expect((0..<24).map { share(rooms, 6, $0) } == (0..<24).map { (9..<17).contains($0) ? 1 : 0 })
        #expect(rooms.heatmap.filter { $0.weekday != 6 }.allSatisfy { $0.share == 0 })
    }

    @Test("the majority date decides the period: an all-day event starting Sunday evening is Monday's")
    func periodByMajorityDate() throws {
        var csv = ExportCSV(.spaces)
        csv.add(allDay("1", start: "2026-11-15 23:00:00"))                            // 1 h Sun, 23 h Mon
        csv.add(allDay("2", start: "2026-11-22 23:00:00"))                            // mostly next Monday
        csv.add(eventRow("3", space: "S1", start: "2026-11-15 23:00:00", minutes: "1440"))  // not all-day: Sunday
        let rooms = try analyze(spaces: csv).rooms
        #expect(rooms.total.events == 1)
        #expect(rooms.total.allDay == 1)
        #expect(share(rooms, 1, 9) == 1)
    }

    @Test("canceled and declined all-day events are not all-day meetings")
    func canceled() throws {
        var csv = ExportCSV(.spaces)
        csv.add(allDay("1", start: "2026-11-17 00:00:00", status: "CANCELED"))
        csv.add(allDay("2", start: "2026-11-17 00:00:00", status: "RESOURCE_DECLINED", flag: "1"))
        csv.add(allDay("3", start: "2026-11-17 00:00:00", flag: "FALSE"))
        let rooms = try analyze(spaces: csv).rooms
        #expect(rooms.total.events == 3)
        #expect(rooms.total.canceled == 1)
        #expect(rooms.total.declined == 1)
        #expect(rooms.total.allDay == 0)
        #expect(rooms.total.bookedHours == 24)  // the one that is not all-day keeps its duration
    }

    @Test("an all-day event without a duration belongs to its start's date")
    func noDuration() throws {
        var csv = ExportCSV(.spaces)
        csv.add(allDay("1", start: "2026-11-19 23:30:00", minutes: ""))
        let rooms = try analyze(spaces: csv).rooms
        #expect(share(rooms, 4, 9) == 1)
        #expect(rooms.total.bookedHours == 8)
    }
}
