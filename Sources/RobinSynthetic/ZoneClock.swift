import Foundation

/// A building's wall clock: UTC offsets of one IANA zone from Foundation's
/// `TimeZone`, asked a few times per generated day, never per row.
struct ZoneClock: Sendable {
    let identifier: String
    private let zone: TimeZone

    init(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else {
            preconditionFailure("unknown time zone \(identifier)")
        }
        self.identifier = identifier
        self.zone = zone
    }

    /// Seconds east of UTC at the instant `unixSeconds`.
    func offset(atUTC unixSeconds: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixSeconds))))
    }

    /// The UTC instant of a local wall-clock time given as seconds since
    /// 1970-01-01 00:00 local. Two refinements settle every normal DST rule.
    func utc(ofLocal localSeconds: Int64) -> Int64 {
        let first = offset(atUTC: localSeconds)
        let second = offset(atUTC: localSeconds - first)
        return localSeconds - second
    }

    /// The local date (days since epoch) of the instant `unixSeconds`.
    func localDay(ofUTC unixSeconds: Int64) -> Int {
        CivilDate.day(ofUnixSeconds: unixSeconds + offset(atUTC: unixSeconds))
    }

    /// Seconds to subtract from a local time of day on `day` to get UTC, valid
    /// from 04:00 to midnight local (DST switches in our zones happen earlier).
    func daytimeOffset(day: Int) -> Int64 {
        let localNoon = Int64(day) * 86_400 + 12 * 3600
        return localNoon - utc(ofLocal: localNoon)
    }
}
