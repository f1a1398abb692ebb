import RobinModel

/// Generates every room event of one building on one local date and writes
/// those whose start instant is in `[fromUTC, toUTC)`.
///
/// Each room gets a day timeline from 07:00 to 20:00: its recurring series,
/// then ad-hoc meetings separated by gaps that widen on quiet days. With
/// cancellations, declines and divisible rooms that is about 10 rows per room
/// and workday (rooms scale as residents / 4, see `BuildingLayout`).
struct EventDayGenerator {
    /// Room demand by ISO weekday (index 0 = Monday).
    static let weekdayFactor: [Double] = [0.85, 1.0, 1.0, 0.95, 0.6, 0.03, 0.02]

    let catalog: Catalog
    let buildingIndex: Int
    let day: Int
    let fromUTC: Int64
    let toUTC: Int64
    let building: Building
    /// UTC of local midnight, for times of day from 04:00 on.
    let dayStart: Int64
    let weekday: Int
    let isoWeek: Int
    var rng: SplitMix64
    var sequence: Int64 = 0
    /// Scratch list of the current event's attendees (person indices, -1 = external).
    var attendeeList: [Int32] = []

    init(catalog: Catalog, buildingIndex: Int, day: Int, fromUTC: Int64, toUTC: Int64) {
        self.catalog = catalog
        self.buildingIndex = buildingIndex
        self.day = day
        self.fromUTC = fromUTC
        self.toUTC = toUTC
        self.building = catalog.buildings[buildingIndex]
        self.rng = SplitMix64(keys: catalog.seed, 0xE7E7, UInt64(buildingIndex), UInt64(bitPattern: Int64(day)))
        self.dayStart = Int64(day) * 86_400 - building.clock.daytimeOffset(day: day)
        let date = LocalDate(daysSinceEpoch: day)
        self.weekday = date.isoWeekday - 1
        self.isoWeek = date.isoWeek.week
        attendeeList.reserveCapacity(8)
    }

    mutating func run(into out: inout [UInt8]) {
        for roomIndex in building.rooms {
            let room = catalog.rooms[Int(roomIndex)]
            if room.isSecondHalf { continue }
            if weekday >= 5 || catalog.story?.isHoliday(day) == true {
                weekend(room: roomIndex, record: room, out: &out)
            } else {
                workday(room: roomIndex, record: room, out: &out)
            }
        }
    }

    private mutating func workday(room: Int32, record: Room, out: inout [UInt8]) {
        var today = RecurringSeries.of(seed: catalog.seed, spaceID: record.spaceID, titles: catalog.recurringTitles.count)
            .filter { $0.occurs(weekday: weekday, isoWeek: isoWeek) }
        if today.count == 2 {
            if today[0].startMinute > today[1].startMinute { today.swapAt(0, 1) }
            if today[0].startMinute + today[0].minutes > today[1].startMinute { today.removeLast() }
        }
        var nextSeries = 0
        let busy = EventDayGenerator.weekdayFactor[weekday] * record.popularity
        let durations = EventDayGenerator.durations(capacity: record.capacity)
        let close = 20 * 60 + 30
        var minute = 7 * 60 + rng.below(5) * 15
        while true {
            var gap = EventDayGenerator.gaps.pick(&rng)
            if !rng.chance(busy) { gap += 30 + rng.below(3) * 30 }
            let start = minute + gap
            let length = durations.pick(&rng)
            if start + length > close { break }
            if nextSeries < today.count, today[nextSeries].startMinute < start + length {
                let series = today[nextSeries]
                nextSeries += 1
                if series.startMinute >= minute {
                    _ = event(room: room, record: record, startMinute: series.startMinute, minutes: series.minutes,
                              series: series, out: &out)
                }
                minute = max(minute, series.startMinute + series.minutes)
                continue
            }
            let occupies = event(room: room, record: record, startMinute: start, minutes: length, series: nil, out: &out)
            // A canceled or declined slot is often rebooked at once.
            minute = occupies || rng.chance(0.5) ? start + length : start
        }
        for series in today[nextSeries...] where series.startMinute >= minute {
            _ = event(room: room, record: record, startMinute: series.startMinute, minutes: series.minutes,
                      series: series, out: &out)
        }
    }

    /// Rooms are nearly empty at weekends: a rare meeting, and on Saturdays a
    /// rare all-day facilities block.
    private mutating func weekend(room: Int32, record: Room, out: inout [UInt8]) {
        if weekday == 5, rng.chance(0.015) {
            allDayBlock(room: room, out: &out)
        } else if rng.chance(0.04 * record.popularity) {
            _ = event(room: room, record: record, startMinute: 10 * 60 + rng.below(24) * 15,
                      minutes: [30, 60, 90][rng.below(3)], series: nil, out: &out)
        }
    }

    static let gaps = WeightedTable<Int>([(0, 5), (15, 3), (30, 2), (60, 1)])
    static let smallRoomDurations = WeightedTable<Int>([(15, 3), (30, 5), (45, 2), (60, 2)])
    static let mediumRoomDurations = WeightedTable<Int>([(30, 4), (45, 2), (60, 4), (90, 1)])
    static let largeRoomDurations = WeightedTable<Int>([(30, 2), (60, 4), (90, 2), (120, 1)])

    static func durations(capacity: Int) -> WeightedTable<Int> {
        capacity <= 4 ? smallRoomDurations : capacity <= 10 ? mediumRoomDurations : largeRoomDurations
    }

    mutating func nextID() -> Int64 {
        sequence += 1
        return (Int64(day) * 8 + Int64(buildingIndex)) * 10_000_000 + sequence
    }

    mutating func pickResident() -> Int32 {
        building.people[rng.below(building.people.count)]
    }

    /// Writes `event` for each of `rooms` whose start is in range.
    func emit(_ event: RoomEvent, rooms: [Int32], out: inout [UInt8]) {
        guard event.start >= fromUTC, event.start < toUTC else { return }
        var row = event
        for room in rooms {
            row.room = room
            row.write(to: &out, catalog: catalog, building: building, attendeeList: attendeeList)
        }
    }

    private mutating func allDayBlock(room: Int32, out: inout [UInt8]) {
        var block = RoomEvent()
        block.eventID = nextID()
        block.allDay = true
        block.start = building.clock.utc(ofLocal: Int64(day) * 86_400)
        block.end = building.clock.utc(ofLocal: Int64(day + 1) * 86_400)
        block.created = block.start - 7 * 86_400 - Int64(rng.below(86_400))
        block.updated = block.created
        block.title = EventDayGenerator.deepClean
        block.location = catalog.rooms[Int(room)].location
        block.creator = Int32(catalog.facilitiesAdmin)
        block.host = block.creator
        emit(block, rooms: [room], out: &out)
    }

    private static let deepClean = CSVField("Facilities: deep clean")
}
