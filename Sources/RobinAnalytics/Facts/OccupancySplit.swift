import RobinExports
import RobinModel

/// Where one date's meetings occupy their rooms (METRICS.md "Rooms"): a
/// meeting from its local start for its duration (an all-day meeting: the
/// business-hour window of its date), split into the milliseconds inside the
/// business-hour window of each date it touches and into each local clock
/// hour, by offset from the date the meeting belongs to. Which dates count
/// (the period's, workdays for utilization) is the combiner's business.
struct OccupancySplit {
    /// The date the meetings belong to (days since 1970-01-01).
    let day: Int
    let hours: Settings.BusinessHours
    /// The organisation's meeting milliseconds per (date offset * 24 + hour).
    private(set) var hourMillis: [Int64] = Array(repeating: 0, count: 24)
    /// The current meeting's milliseconds in the window, per date offset.
    private var business: [Int64] = []

    init(day: Int, hours: Settings.BusinessHours) {
        self.day = day
        self.hours = hours
    }

    /// Splits one meeting; returns its booked minutes (its duration, or the
    /// window's length when all-day).
    mutating func meeting(localStart: Int64, record: EventRecord) -> Double {
        business.removeAll(keepingCapacity: true)
        let start: Int64, end: Int64, minutes: Double
        if record.allDay {
            // The business hours of its date, whatever span the export gives it
            // (an all-day span is midnight to midnight in some zone, often not the building's).
            let midnight = LocalClock.startMillis(ofDay: day)
            start = midnight + Int64(hours.start) * 60_000
            end = midnight + Int64(hours.end) * 60_000
            minutes = Double(hours.minutes)
        } else {
            minutes = record.durationMinutes
            start = localStart
            end = localStart + Self.millis(minutes: minutes, atMost: RoomFactsBuilder.longest)
        }
        guard end > start else { return minutes }
        for date in LocalClock.day(localMillis: start)...LocalClock.day(localMillis: end - 1) {
            let midnight = LocalClock.startMillis(ofDay: date)
            let open = midnight + Int64(hours.start) * 60_000, close = midnight + Int64(hours.end) * 60_000
            let offset = date - day
            while business.count <= offset { business.append(0) }
            business[offset] += max(0, min(end, close) - max(start, open))
        }
        addHours(start, end)
        return minutes
    }

    /// Adds the current meeting's window milliseconds to a group's, by date offset.
    @inline(__always)
    func addBusiness(to millis: inout OffsetMillis) {
        guard !business.isEmpty else { return }
        millis.extend(to: business.count)
        for (offset, value) in business.enumerated() { millis[offset] += value }
    }

    /// Adds `[start, end)` (local ms) to each clock hour it covers.
    private mutating func addHours(_ start: Int64, _ end: Int64) {
        let hour = LocalClock.hourMillis, origin = LocalClock.startMillis(ofDay: day)
        var slotStart = start - ((start - origin) % hour)
        while slotStart < end {
            let slot = Int((slotStart - origin) / hour)
            while hourMillis.count <= slot { hourMillis += repeatElement(0, count: 24) }
            hourMillis[slot] += min(end, slotStart + hour) - max(start, slotStart)
            slotStart += hour
        }
    }

    /// `minutes` in milliseconds, from 0 (negative durations occupy nothing) to
    /// `limit`, computed so that no duration can overflow `Int64`.
    static func millis(minutes: Double, atMost limit: Int64) -> Int64 {
        let millis = max(minutes, 0) * 60_000
        return millis >= Double(limit) ? limit : Int64(millis.rounded())
    }
}
