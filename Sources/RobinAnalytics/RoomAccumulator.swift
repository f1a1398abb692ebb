import RobinModel

/// One room group's figures over a period, combined from its day facts;
/// merges exactly, like `DeskAccumulator`.
struct RoomAccumulator {
    var counts = RoomCounts()
    /// Meeting milliseconds inside business hours on the period's workdays.
    var businessMillis: Int64 = 0
    /// Every `Space ID` of the group's rows.
    var rooms: BitSet
    /// Hosts of the group's meetings (for the department fold only); nil until
    /// facts with hosts come (only department groups' facts have them).
    private var hostSet: BitSet?
    let hostCount: Int

    init(spaceCount: Int, hostCount: Int) {
        rooms = BitSet(count: spaceCount)
        self.hostCount = hostCount
    }

    /// Distinct hosts of the group's meetings.
    var hosts: Int { hostSet?.count ?? 0 }

    /// Adds one date's facts of the group (date index `date`), its ids mapped by
    /// `hosts` and `rooms`; window time counts on the period's workdays only.
    mutating func add(_ facts: RoomGroupFacts, date: Int, calendar: PeriodCalendar,
                      hosts hostMap: UnsafeBufferPointer<Int32>?, rooms roomMap: UnsafeBufferPointer<Int32>?) {
        counts.add(facts.counts)
        for (offset, millis) in facts.businessMillis.enumerated() where millis != 0 {
            let target = date + offset
            if target < calendar.dayCount, calendar.isWorkday[target] { businessMillis += millis }
        }
        facts.rooms.insert(into: &rooms, map: roomMap)
        if facts.hosts.count > 0 {
            if hostSet == nil { hostSet = BitSet(count: hostCount) }
            facts.hosts.insert(into: &hostSet!, map: hostMap)
        }
    }

    mutating func merge(_ other: RoomAccumulator) {
        counts.add(other.counts)
        businessMillis += other.businessMillis
        rooms.formUnion(other.rooms)
        if let other = other.hostSet {
            if hostSet == nil { hostSet = other } else { hostSet!.formUnion(other) }
        }
    }

    /// The figures, given the group's room inventory (nil = rooms seen).
    func figures(calendar: PeriodCalendar, businessHourMinutes: Int, inventory: Int?) -> RoomFigures {
        let c = counts
        var f = RoomFigures()
        f.events = c.events
        f.meetings = c.meetings
        f.canceled = c.canceled
        f.declined = c.declined
        f.autoUnbooked = c.autoUnbooked
        f.checkedIn = c.checkedIn
        f.allDay = c.allDay
        f.ghostRate = ratio(c.autoUnbooked, c.meetings)
        f.checkInRate = ratio(c.checkedIn, c.meetings)
        f.bookedHours = c.bookedMinutes.value / 60
        f.avgMeetingMinutes = ratio(c.bookedMinutes.value, Double(c.meetings))
        f.roomsSeen = inventory ?? rooms.count
        // In Double, like desk utilization: an inventory can be any Int.
        f.utilization = ratio(Double(businessMillis) / 60_000,
                              Double(f.roomsSeen) * Double(businessHourMinutes) * Double(calendar.workdays))
        f.avgAttendees = ratio(Double(c.attendeesSum), Double(c.attendeesCount))
        f.avgFill = ratio(c.fillSum.value, Double(c.fillCount))
        f.oversizedShare = ratio(c.oversized, c.fillCount)
        f.avgMinutesDelayed = ratio(c.delayedSum.value, Double(c.delayedCount))
        return f
    }
}
