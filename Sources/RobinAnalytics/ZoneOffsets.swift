import Foundation

/// UTC offsets of one time zone, memoised per 15-minute UTC slot: every modern
/// zone changes offset on a quarter hour, and asking Foundation for each of
/// millions of rows would dominate the run.
struct ZoneOffsets {
    private let zone: TimeZone
    private var cache: [Int64: Int64] = [:]
    private var lastSlot = Int64.min
    private var lastOffset: Int64 = 0

    init(zone: TimeZone) { self.zone = zone }

    /// Offset in milliseconds to add to a UTC instant (ms) for local wall-clock time.
    @inline(__always)
    mutating func offset(atUTC millis: Int64) -> Int64 {
        let slot = millis >= 0 ? millis / 900_000 : (millis - 899_999) / 900_000
        if slot == lastSlot { return lastOffset }
        let offset: Int64
        if let cached = cache[slot] {
            offset = cached
        } else {
            let date = Date(timeIntervalSince1970: Double(slot) * 900)
            offset = Int64(zone.secondsFromGMT(for: date)) * 1000
            cache[slot] = offset
        }
        lastSlot = slot
        lastOffset = offset
        return offset
    }
}
