import Foundation
import RobinFetch
import RobinModel
import Testing

struct DayWindowTests {
    @Test func utcDayIsMidnightToMidnight() {
        let window = DayWindow(date: LocalDate("2026-11-16")!, timeZone: TimeZone(identifier: "UTC")!)
        #expect(window.from == "2026-11-16T00:00:00+00:00")
        #expect(window.to == "2026-11-17T00:00:00+00:00")
        #expect(window.seconds == 86_400)
    }

    @Test func offsetIsTheZonesAtThatInstant() {
        let window = DayWindow(date: LocalDate("2026-11-16")!, timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(window.from == "2026-11-16T00:00:00-05:00")
        #expect(window.to == "2026-11-17T00:00:00-05:00")
        #expect(window.fromUTC == 1_794_805_200)
    }

    @Test func springForwardDayHas23Hours() {
        let window = DayWindow(date: LocalDate("2026-03-08")!, timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(window.from == "2026-03-08T00:00:00-05:00")
        #expect(window.to == "2026-03-09T00:00:00-04:00")
        #expect(window.seconds == 23 * 3600)
    }

    @Test func fallBackDayHas25Hours() {
        let window = DayWindow(date: LocalDate("2026-10-25")!, timeZone: TimeZone(identifier: "Europe/London")!)
        #expect(window.from == "2026-10-25T00:00:00+01:00")
        #expect(window.to == "2026-10-26T00:00:00+00:00")
        #expect(window.seconds == 25 * 3600)
    }

    @Test func halfHourZonesKeepTheirMinutes() {
        let window = DayWindow(date: LocalDate("2026-06-01")!, timeZone: TimeZone(identifier: "Asia/Kolkata")!)
        #expect(window.from == "2026-06-01T00:00:00+05:30")
    }

    @Test func localDateOfAnInstant() {
        let instant = Date(timeIntervalSince1970: 1_794_805_200 - 1)  // 23:59:59 New York, 04:59:59Z next day
        #expect(DayWindow.localDate(of: instant, in: TimeZone(identifier: "America/New_York")!) == LocalDate("2026-11-15"))
        #expect(DayWindow.localDate(of: instant, in: TimeZone(identifier: "UTC")!) == LocalDate("2026-11-16"))
    }
}
