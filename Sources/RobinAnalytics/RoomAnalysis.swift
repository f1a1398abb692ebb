import RobinExports
import RobinModel

/// Computes `RoomMetrics` (METRICS.md "Rooms") in one pass over the
/// de-duplicated events, then folds small departments.
struct RoomAnalysis {
    let table: EventTable
    let calendar: PeriodCalendar
    let settings: Settings

    private struct SpaceKey: Hashable {
        var building: Int32, floor: Int32, name: Int32, space: Int32
    }

    func run() throws(AnalysisError) -> RoomMetrics {
        var zones = try ZoneBook(buildings: table.buildings, settings: settings)
        let spaceCount = table.spaceIDs.count, hostCount = table.hostCount, dayCount = calendar.dayCount
        let hours = settings.businessHours
        func fresh() -> RoomAccumulator { RoomAccumulator(spaceCount: spaceCount, hostCount: hostCount) }
        var total = fresh()
        var groups: [RoomAccumulator] = []
        var buildingGroup = [Int](repeating: -1, count: table.buildings.count)
        var departmentGroup = [Int](repeating: -1, count: table.departments.count)
        let floorCount = table.floors.count
        var floorGroup = [Int](repeating: -1, count: table.buildings.count * floorCount)
        // A space id nearly always keeps one building, floor and name: the slot is
        // kept per space id, with the key it was made for; other keys use the dictionary.
        var spaceSlot = [(key: SpaceKey, slot: Int)?](repeating: nil, count: spaceCount)
        var spaceGroup: [SpaceKey: Int] = [:]
        var capacityGroup = [Int](repeating: -1, count: CapacityBand.labels.count)
        func group(_ slot: inout Int) -> Int {
            if slot < 0 {
                slot = groups.count
                groups.append(fresh())
            }
            return slot
        }
        /// Meeting minutes per (date, local hour), whole org.
        var hourMinutes = [Double](repeating: 0, count: dayCount * 24)
        let periodStart = calendar.startMillis(ofDateIndex: 0), periodEnd = calendar.startMillis(ofDateIndex: dayCount)

        for record in table.records {
            let localStart = zones.local(record.start, building: record.building)
            let date = record.allDay
                ? majorityDate(localStart: localStart, minutes: record.durationMinutes)
                : calendar.dateIndex(localMillis: localStart)
            guard date >= 0, date < dayCount else { continue }
            var row = Row(record: record)
            if record.status == .meeting {
                let start: Int64, end: Int64
                if record.allDay {
                    // The business hours of its date, whatever span the export gives it
                    // (an all-day span is midnight to midnight in some zone, often not the building's).
                    let day = calendar.startMillis(ofDateIndex: date)
                    start = day + Int64(hours.start) * 60_000
                    end = day + Int64(hours.end) * 60_000
                    row.minutes = Double(hours.minutes)
                } else {
                    // The room is occupied from the start for the duration, clipped to the period.
                    row.minutes = record.durationMinutes
                    start = max(localStart, periodStart)
                    end = localStart + Self.millis(minutes: row.minutes, atMost: periodEnd - localStart)
                }
                if end > start {
                    row.businessMinutes = businessMinutes(start, end, hours: hours)
                    addHours(start, end, to: &hourMinutes)
                }
            }
            row.add(to: &total)
            row.add(to: &groups[group(&buildingGroup[Int(record.building)])])
            row.add(to: &groups[group(&departmentGroup[Int(record.department)])])
            row.add(to: &groups[group(&capacityGroup[CapacityBand.index(capacity: Int(record.capacity))])])
            row.add(to: &groups[group(&floorGroup[Int(record.building) * floorCount + Int(record.floor)])])
            let spaceKey = SpaceKey(building: record.building, floor: record.floor, name: record.spaceName, space: record.space)
            if record.space >= 0, let cached = spaceSlot[Int(record.space)], cached.key == spaceKey {
                row.add(to: &groups[cached.slot])
            } else {
                var slot = spaceGroup[spaceKey] ?? -1
                row.add(to: &groups[group(&slot)])
                spaceGroup[spaceKey] = slot
                if record.space >= 0, spaceSlot[Int(record.space)] == nil { spaceSlot[Int(record.space)] = (spaceKey, slot) }
            }
        }

        let inventory = Inventory.rooms(settings)
        func figures(_ accumulator: RoomAccumulator, inventory: Int?) -> RoomFigures {
            accumulator.figures(calendar: calendar, businessHourMinutes: hours.minutes, inventory: inventory)
        }
        var seenOnFloor: [String: [String: Int]] = [:]
        var byFloor: [Group<RoomFigures>] = []
        for (key, slot) in floorGroup.enumerated() where slot >= 0 {
            let building = table.buildings[key / floorCount], floor = table.floors[key % floorCount]
            seenOnFloor[building, default: [:]][floor] = groups[slot].rooms.count
            byFloor.append(Group(key: GroupKey([.init("building", building), .init("floor", floor)]),
                                 figures: figures(groups[slot], inventory: inventory.floor(floor, building: building))))
        }
        var seenInBuilding: [String: Int] = [:]
        var byBuilding: [Group<RoomFigures>] = []
        for (id, slot) in buildingGroup.enumerated() where slot >= 0 {
            let name = table.buildings[id]
            seenInBuilding[name] = groups[slot].rooms.count
            byBuilding.append(Group(key: GroupKey([.init("building", name)]), figures: figures(
                groups[slot], inventory: inventory.building(name, seenOnFloor: seenOnFloor[name] ?? [:]))))
        }
        let bySpace = spaceGroup.map { key, slot in
            Group(key: GroupKey([
                .init("building", table.buildings[Int(key.building)]), .init("floor", table.floors[Int(key.floor)]),
                .init("space", table.spaceNames[Int(key.name)]), .init("space_id", key.space >= 0 ? table.spaceIDs[Int(key.space)] : ""),
            ]), figures: figures(groups[slot], inventory: nil))
        }
        let departments = DepartmentFold.fold(
            departmentGroup.enumerated().filter { $0.element >= 0 }.map { id, slot in
                (table.departments[id], groups[slot], groups[slot].hosts.count)
            },
            minGroupSize: settings.minGroupSize, merge: { $0.merge($1) })
        let byDepartment = departments.map { name, accumulator in
            Group(key: GroupKey([.init("department", name)]), figures: figures(accumulator, inventory: nil))
        }
        let byCapacity = capacityGroup.enumerated().filter { $0.element >= 0 }.map { band, slot in
            Group(key: GroupKey([.init("capacity", CapacityBand.labels[band])]), figures: figures(groups[slot], inventory: nil))
        }
        let totalFigures = figures(total, inventory: inventory.total(seenInBuilding: seenInBuilding, seenOnFloor: seenOnFloor))

        return RoomMetrics(
            total: totalFigures,
            byBuilding: byBuilding.sorted { GroupKey.precedes($0.key, $1.key) },
            byFloor: byFloor.sorted { GroupKey.precedes($0.key, $1.key) },
            bySpace: bySpace.sorted { GroupKey.precedes($0.key, $1.key) },
            byDepartment: byDepartment.sorted { GroupKey.precedes($0.key, $1.key) },
            heatmap: heatmap(hourMinutes, rooms: totalFigures.roomsSeen),
            byCapacity: byCapacity)
    }

    /// `minutes` in milliseconds, from 0 (negative durations occupy nothing) to
    /// `limit`, computed so that no duration can overflow `Int64`.
    static func millis(minutes: Double, atMost limit: Int64) -> Int64 {
        let millis = max(minutes, 0) * 60_000
        return millis >= Double(limit) ? limit : Int64(millis.rounded())
    }

    /// The date index of an all-day event: the local date holding most of its
    /// span `[localStart, localStart + minutes)`, the later one on a tie; the
    /// start's date when the span is empty. (May lie outside the period.)
    func majorityDate(localStart: Int64, minutes: Double) -> Int {
        let first = calendar.dateIndex(localMillis: localStart)
        let span = Self.millis(minutes: minutes, atMost: Int64(ValueLimits.minutes) * 60_000)
        guard span > 0 else { return first }
        let end = localStart + span
        var best = first, bestMillis: Int64 = -1
        for date in first...calendar.dateIndex(localMillis: end - 1) {
            let day = calendar.startMillis(ofDateIndex: date)
            let overlap = min(end, day + PeriodCalendar.dayMillis) - max(localStart, day)
            if overlap >= bestMillis { (best, bestMillis) = (date, overlap) }
        }
        return best
    }

    /// Minutes of `[start, end)` (local ms) inside business hours on the period's workdays.
    private func businessMinutes(_ start: Int64, _ end: Int64, hours: Settings.BusinessHours) -> Double {
        var millis: Int64 = 0
        for date in calendar.dateIndex(localMillis: start)...calendar.dateIndex(localMillis: end - 1)
        where calendar.isWorkday[date] {
            let day = calendar.startMillis(ofDateIndex: date)
            let open = day + Int64(hours.start) * 60_000, close = day + Int64(hours.end) * 60_000
            millis += max(0, min(end, close) - max(start, open))
        }
        return Double(millis) / 60_000
    }

    /// Adds the minutes of `[start, end)` (local ms, inside the period) to each (date, hour) they cover.
    private func addHours(_ start: Int64, _ end: Int64, to minutes: inout [Double]) {
        let hour = PeriodCalendar.hourMillis
        var slotStart = start - ((start - calendar.startMillis(ofDateIndex: 0)) % hour)
        while slotStart < end {
            let slot = Int((slotStart - calendar.startMillis(ofDateIndex: 0)) / hour)
            minutes[slot] += Double(min(end, slotStart + hour) - max(start, slotStart)) / 60_000
            slotStart += hour
        }
    }

    /// Mean share of rooms booked per weekday and hour over the period's dates with that weekday.
    private func heatmap(_ minutes: [Double], rooms: Int) -> [HeatmapCell] {
        var sums = [Double](repeating: 0, count: 7 * 24)
        for date in 0..<calendar.dayCount {
            let weekday = calendar.weekdays[date] - 1
            for hour in 0..<24 { sums[weekday * 24 + hour] += minutes[date * 24 + hour] }
        }
        let dates = calendar.datesPerWeekday
        return (0..<7).flatMap { weekday in
            (0..<24).map { hour in
                HeatmapCell(weekday: weekday + 1, hour: hour,
                            share: dates[weekday] == 0 || rooms == 0
                                ? nil : sums[weekday * 24 + hour] / (60 * Double(rooms)) / Double(dates[weekday]))
            }
        }
    }

    /// One event's contribution to a group.
    private struct Row {
        let record: EventRecord
        var minutes = 0.0
        var businessMinutes = 0.0

        init(record: EventRecord) { self.record = record }

        @inline(__always)
        func add(to group: inout RoomAccumulator) {
            group.events += 1
            if record.space >= 0 { group.rooms.insert(Int(record.space)) }
            switch record.status {
            case .canceled: group.canceled += 1; return
            case .declined: group.declined += 1; return
            case .meeting: break
            }
            group.meetings += 1
            if record.allDay { group.allDay += 1 }
            if record.autoUnbooked { group.autoUnbooked += 1 }
            if record.checkedIn {
                group.checkedIn += 1
                if !record.minutesDelayed.isNaN {
                    group.delayedSum += record.minutesDelayed
                    group.delayedCount += 1
                }
            }
            group.bookedMinutes += minutes
            group.businessMinutes += businessMinutes
            if record.host >= 0 { group.hosts.insert(Int(record.host)) }
            if record.attendees >= 0 {
                group.attendeesSum += Double(record.attendees)
                group.attendeesCount += 1
                if record.capacity > 0 {
                    group.fillSum += Double(record.attendees) / Double(record.capacity)
                    group.fillCount += 1
                    if Int(record.attendees) * 2 <= Int(record.capacity) { group.oversized += 1 }
                }
            }
        }
    }
}
