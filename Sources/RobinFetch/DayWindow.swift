import Foundation
import RobinModel

/// The time range of one export request: a local day in the organisation's
/// time zone, from local midnight to the next local midnight.
///
/// DST days are 23 or 25 hours long. Where a zone skips midnight, the day
/// starts at its first existing moment. Robin takes ISO 8601 with an offset
/// and rejects fractional seconds, so `from`/`to` look like
/// `2026-11-16T00:00:00-05:00`.
public struct DayWindow: Sendable, Hashable, CustomStringConvertible {
    /// The local date this window covers.
    public let date: LocalDate
    /// Start, seconds since 1970-01-01T00:00:00Z.
    public let fromUTC: Int64
    /// End (exclusive), seconds since 1970-01-01T00:00:00Z.
    public let toUTC: Int64
    /// Start as ISO 8601 with the zone's offset at that instant, no fraction.
    public let from: String
    /// End as ISO 8601 with the zone's offset at that instant, no fraction.
    public let to: String

    /// The window of `date` in `timeZone`.
    public init(date: LocalDate, timeZone: TimeZone) {
        self.date = date
        let start = DayWindow.startOfDay(date, in: timeZone)
        let end = DayWindow.startOfDay(date.adding(days: 1), in: timeZone)
        self.fromUTC = start
        self.toUTC = end
        self.from = DayWindow.iso8601(start, offset: timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start))))
        self.to = DayWindow.iso8601(end, offset: timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(end))))
    }

    /// Length of the day in seconds (86 400, or 82 800 / 90 000 on DST days).
    public var seconds: Int64 { toUTC - fromUTC }

    public var description: String { "\(from)..\(to)" }

    /// The local date of `instant` in `timeZone` ("today" when given `Date()`).
    public static func localDate(of instant: Date, in timeZone: TimeZone) -> LocalDate {
        let local = Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: instant))
        return LocalDate(daysSinceEpoch: Int(floorDiv(local, 86_400)))
    }

    static func startOfDay(_ date: LocalDate, in timeZone: TimeZone) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let (year, month, day) = date.components
        // Noon always exists; startOfDay then finds midnight (or the first
        // moment of the day where midnight is skipped).
        let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
        return Int64(calendar.startOfDay(for: noon).timeIntervalSince1970.rounded())
    }

    static func iso8601(_ utc: Int64, offset: Int) -> String {
        let local = utc + Int64(offset)
        let date = LocalDate(daysSinceEpoch: Int(floorDiv(local, 86_400)))
        let secondOfDay = Int(local - Int64(date.daysSinceEpoch) * 86_400)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset) / 60
        return "\(date)T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
            + "\(sign)\(pad(magnitude / 60)):\(pad(magnitude % 60))"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }
}
