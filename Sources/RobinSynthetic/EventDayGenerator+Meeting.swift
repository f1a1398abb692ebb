/// One booked meeting: status, attendees, check-in or ghost, and the rooms it takes.
extension EventDayGenerator {
    /// Generates one event (all its random draws happen here, in range or
    /// not); returns whether it occupies the room (a confirmed meeting).
    mutating func event(
        room: Int32, record: Room, startMinute: Int, minutes: Int, series: RecurringSeries?, out: inout [UInt8]
    ) -> Bool {
        var event = RoomEvent()
        event.start = dayStart + Int64(startMinute * 60)
        event.end = event.start + Int64(minutes * 60)
        if let series {
            event.seriesKey = series.key
            event.title = catalog.recurringTitles[series.title]
            event.host = building.people[series.hostDraw % building.people.count]
            event.created = min(series.created, event.start - 86_400)
        } else {
            event.eventID = nextID()
            event.title = catalog.meetingTitles[rng.below(catalog.meetingTitles.count)]
            event.host = pickResident()
            let lead = Int64(EventDayGenerator.leadMinutes.pick(&rng) * 60 + rng.below(3600))
            event.created = event.start - lead
        }
        event.creator = rng.chance(0.88) ? event.host : pickResident()
        drawAttendees(&event, capacity: record.capacity)
        let locationDraw = rng.below(20)
        event.location = locationDraw < 13 ? record.location
            : locationDraw < 18 ? catalog.virtualLocations[locationDraw % catalog.virtualLocations.count] : nil
        event.showDuration = !rng.chance(0.1)
        event.localCreator = rng.chance(0.04) ? pickResident() : -1

        let statusDraw = rng.below(100)
        let occupies: Bool
        if statusDraw < 9 {
            event.status = statusDraw < 6 ? RoomEvent.canceled : RoomEvent.cancelled
            let before = Int64(rng.below(3 * 86_400))
            event.updated = max(event.created + 60, event.start - before)
            event.cancellation = statusDraw % 4 == 0 ? RoomEvent.canceledByAdmin : RoomEvent.canceledByOrganizer
            occupies = false
        } else if statusDraw < 12 {
            event.status = RoomEvent.declined
            event.updated = event.created + 30 + Int64(rng.below(600))
            occupies = false
        } else {
            event.status = statusDraw < 92 ? RoomEvent.confirmed : RoomEvent.confirmedUpper
            settleMeeting(&event, minutes: minutes)
            occupies = true
        }
        // Divisible rooms: one half, the other, or both under one Event ID.
        if record.partner >= 0 {
            let split = rng.below(10)
            emit(event, rooms: split < 5 ? [room] : split < 8 ? [record.partner] : [room, record.partner], out: &out)
        } else {
            emit(event, rooms: [room], out: &out)
        }
        return occupies
    }

    /// Ghost (auto-unbooked after the 15-minute check-in window), checked in
    /// (with minutes delayed), or simply held.
    private mutating func settleMeeting(_ event: inout RoomEvent, minutes: Int) {
        let draw = rng.below(100)
        if draw < 12 && minutes > 15 {
            event.autoUnbooked = event.start + 15 * 60
            event.end = event.autoUnbooked
            event.updated = event.autoUnbooked
            event.cancellation = RoomEvent.autoUnbookedType
        } else if draw < 67 {
            let delay = Int64(rng.below(20 * 60)) - 300
            event.checkedIn = event.start + delay
            event.minutesDelayed = max(0, Int(delay / 60))
            event.updated = event.checkedIn
        } else {
            event.updated = event.created + (event.start - event.created) / 3
        }
    }

    /// Attendees as a number, an e-mail list (comma or semicolon separated),
    /// or unknown; a third of big-room meetings have 1-3 people (over-sized).
    private mutating func drawAttendees(_ event: inout RoomEvent, capacity: Int) {
        let count = capacity >= 8 && rng.chance(0.3) ? 1 + rng.below(3) : 1 + rng.below(capacity + 1)
        event.invited = rng.chance(0.85) ? count + rng.below(3) : -1
        let mode = rng.below(100)
        if mode < 45 {
            event.attendees = .count(count)
        } else if mode < 75 {
            attendeeList.removeAll(keepingCapacity: true)
            for _ in 0..<min(count, 8) {
                attendeeList.append(rng.chance(0.05) ? -1 : pickResident())
            }
            event.attendees = .list(separator: EventDayGenerator.separators[rng.below(3)])
        } else {
            event.attendees = .unknown
        }
    }

    static let separators: [[UInt8]] = [Array(", ".utf8), Array(";".utf8), Array("; ".utf8)]
    static let leadMinutes = WeightedTable<Int>([
        (10, 2), (30, 2), (120, 3), (600, 3), (1440, 4), (2880, 3), (10080, 3), (30240, 1),
    ])
}
