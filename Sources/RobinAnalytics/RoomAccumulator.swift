import RobinModel

/// Running room figures of one group; merges exactly, like `DeskAccumulator`.
struct RoomAccumulator {
    var events = 0
    var meetings = 0
    var canceled = 0
    var declined = 0
    var autoUnbooked = 0
    var checkedIn = 0
    var allDay = 0
    var bookedMinutes = 0.0
    var businessMinutes = 0.0
    var attendeesSum = 0.0
    var attendeesCount = 0
    var fillSum = 0.0
    var fillCount = 0
    var oversized = 0
    var delayedSum = 0.0
    var delayedCount = 0
    /// Every `Space ID` of the group's rows.
    var rooms: BitSet
    /// Hosts of the group's meetings (for the department fold only).
    var hosts: BitSet

    init(spaceCount: Int, hostCount: Int) {
        rooms = BitSet(count: spaceCount)
        hosts = BitSet(count: hostCount)
    }

    mutating func merge(_ other: RoomAccumulator) {
        events += other.events
        meetings += other.meetings
        canceled += other.canceled
        declined += other.declined
        autoUnbooked += other.autoUnbooked
        checkedIn += other.checkedIn
        allDay += other.allDay
        bookedMinutes += other.bookedMinutes
        businessMinutes += other.businessMinutes
        attendeesSum += other.attendeesSum
        attendeesCount += other.attendeesCount
        fillSum += other.fillSum
        fillCount += other.fillCount
        oversized += other.oversized
        delayedSum += other.delayedSum
        delayedCount += other.delayedCount
        rooms.formUnion(other.rooms)
        hosts.formUnion(other.hosts)
    }

    /// The figures, given the group's room inventory (nil = rooms seen).
    func figures(calendar: PeriodCalendar, businessHourMinutes: Int, inventory: Int?) -> RoomFigures {
        var f = RoomFigures()
        f.events = events
        f.meetings = meetings
        f.canceled = canceled
        f.declined = declined
        f.autoUnbooked = autoUnbooked
        f.checkedIn = checkedIn
        f.allDay = allDay
        f.ghostRate = ratio(autoUnbooked, meetings)
        f.checkInRate = ratio(checkedIn, meetings)
        f.bookedHours = bookedMinutes / 60
        f.roomsSeen = inventory ?? rooms.count
        // In Double, like desk utilization: an inventory can be any Int.
        f.utilization = ratio(businessMinutes, Double(f.roomsSeen) * Double(businessHourMinutes) * Double(calendar.workdays))
        f.avgAttendees = ratio(attendeesSum, Double(attendeesCount))
        f.avgFill = ratio(fillSum, Double(fillCount))
        f.oversizedShare = ratio(oversized, fillCount)
        f.avgMinutesDelayed = ratio(delayedSum, Double(delayedCount))
        return f
    }
}
