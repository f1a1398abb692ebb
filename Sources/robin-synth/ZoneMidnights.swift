import Foundation

/// Local midnights of the home time zone as Unix seconds (Foundation's
/// `TimeZone`, asked twice per day).
struct ZoneMidnights: Sendable {
    private let zone: TimeZone

    init(identifier: String) {
        zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!
    }

    /// The UTC instant of 00:00 local on `day` (days since 1970-01-01).
    func utcMidnight(day: Int) -> Int64 {
        let local = Int64(day) * 86_400
        let first = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        let second = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - first))))
        return local - second
    }
}
