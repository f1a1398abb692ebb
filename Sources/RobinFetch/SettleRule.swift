import Foundation
import RobinModel

/// Tells a final day from a provisional one (README "Fetching exports from Robin").
///
/// Robin keeps changing a day's data after it ends (late check-ins,
/// cancellations, auto-unbooking), so a day's export is final only when it was
/// fetched at least `settleTime` after its export window ended (the next local
/// midnight in the org's zone). Until then it is provisional: kept and used,
/// and fetched again by the next run. Today and later days are always
/// provisional.
public struct SettleRule: Sendable {
    /// The org's time zone: export windows end at its midnights.
    public var timeZone: TimeZone
    /// How long after a window's end a fetch must be to be final.
    public var settleTime: Duration
    /// The current time.
    public var now: Date
    /// The current local date in `timeZone` (days from it on are provisional).
    public var today: LocalDate

    /// The rule as of `now` (`today` defaults to the date of `now` in `timeZone`).
    public init(timeZone: TimeZone, settleTime: Duration, now: Date, today: LocalDate? = nil) {
        self.timeZone = timeZone
        self.settleTime = settleTime
        self.now = now
        self.today = today ?? DayWindow.localDate(of: now, in: timeZone)
    }

    /// The rule of `settings` (the org's `timezone`, `fetch.settle_hours`) as
    /// of `now`: what a report uses to name the provisional days it read,
    /// with or without a fetch.
    public init(settings: Settings, now: Date = Date()) {
        self.init(
            timeZone: TimeZone(identifier: settings.timeZone) ?? TimeZone(identifier: "UTC")!,
            settleTime: .seconds(settings.settleHours * 3600),
            now: now
        )
    }

    /// When the export window of `date` ends: its next local midnight.
    public func windowEnd(of date: LocalDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(DayWindow(date: date, timeZone: timeZone).toUTC))
    }

    /// The earliest fetch time that makes `date` final.
    public func settledAt(_ date: LocalDate) -> Date {
        windowEnd(of: date).addingTimeInterval(settleTime.seconds)
    }

    /// True when a fetch of `date` made at `fetchedAt` is final.
    public func isFinal(_ date: LocalDate, fetchedAt: Date) -> Bool {
        date < today && fetchedAt >= settledAt(date)
    }
}
