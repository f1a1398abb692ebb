import RobinExports
import RobinModel

/// Turns an event table's rows into per-date facts (METRICS.md "Rooms"): each
/// event in its building-local date (an all-day event in the date holding most
/// of it), each date's groups, and where its meetings' minutes fall: in the
/// business-hour window and in each local clock hour, on that date and the
/// following ones.
struct RoomFactsBuilder {
    let table: EventTable
    let settings: Settings
    /// What the table's host and room ids stand for.
    let ids: IDSpace
    /// Only these dates (days since 1970-01-01); nil = every date of the rows.
    var wanted: ClosedRange<Int>? = nil

    private struct SpaceKey: Hashable {
        var building: Int32, floor: Int32, name: Int32, space: Int32
    }

    /// The longest occupancy: durations are at most 366 days (`ValueLimits.minutes`).
    static let longest = Int64(ValueLimits.minutes) * 60_000

    func build() throws(AnalysisError) -> [RoomDayFacts] {
        var zones = try ZoneBook(buildings: table.buildings, settings: settings)
        var rowDays = [Int32](repeating: RowsByDay.skipped, count: table.records.count)
        var localStarts = [Int64](repeating: 0, count: table.records.count)
        for (index, record) in table.records.enumerated() {
            let localStart = zones.local(record.start, building: record.building)
            localStarts[index] = localStart
            let day = record.allDay
                ? Self.majorityDay(localStart: localStart, minutes: record.durationMinutes)
                : LocalClock.day(localMillis: localStart)
            rowDays[index] = LocalClock.rowDay(day, wanted: wanted)
        }
        let byDay = RowsByDay(days: rowDays)
        return byDay.days.map { day, rows in
            facts(day: day, rows: byDay.order[rows], localStarts: localStarts)
        }
    }

    /// The date of an all-day event: the local date holding most of its span
    /// `[localStart, localStart + minutes)`, the later one on a tie; the
    /// start's date when the span is empty (docs/metrics.md "All-day events").
    static func majorityDay(localStart: Int64, minutes: Double) -> Int {
        let first = LocalClock.day(localMillis: localStart)
        let span = OccupancySplit.millis(minutes: minutes, atMost: longest)
        guard span > 0 else { return first }
        let end = localStart + span
        var best = first, bestMillis: Int64 = -1
        for day in first...LocalClock.day(localMillis: end - 1) {
            let start = LocalClock.startMillis(ofDay: day)
            let overlap = min(end, start + LocalClock.dayMillis) - max(localStart, start)
            if overlap >= bestMillis { (best, bestMillis) = (day, overlap) }
        }
        return best
    }

    /// One date's groups and hours.
    private func facts(day: Int, rows: ArraySlice<Int32>, localStarts: [Int64]) -> RoomDayFacts {
        let hostCount = table.hostCount, roomCount = table.spaceIDs.count
        var scratch = [Scratch(key: FactGroupKey(RoomGroupKind.total.rawValue), hostCount: hostCount, roomCount: roomCount)]
        let floorCount = table.floors.count
        var building = [Int](repeating: -1, count: table.buildings.count)
        var department = [Int](repeating: -1, count: table.departments.count)
        var floor = [Int](repeating: -1, count: table.buildings.count * floorCount)
        var band = [Int](repeating: -1, count: CapacityBand.labels.count)
        // A space id nearly always keeps one building, floor and name: the slot is
        // kept per space id, with the key it was made for; other keys use the dictionary.
        var spaceSlot = [(key: SpaceKey, slot: Int)?](repeating: nil, count: roomCount)
        var spaceGroup: [SpaceKey: Int] = [:]
        func group(_ slot: inout Int, _ kind: RoomGroupKind, _ names: @autoclosure () -> [String]) -> Int {
            if slot < 0 {
                slot = scratch.count
                scratch.append(Scratch(key: FactGroupKey(kind.rawValue, names()), hostCount: hostCount, roomCount: roomCount))
            }
            return slot
        }
        var split = OccupancySplit(day: day, hours: settings.businessHours)
        for index in rows {
            let record = table.records[Int(index)]
            var row = Row(record: record)
            if record.status == .meeting {
                row.minutes = split.meeting(localStart: localStarts[Int(index)], record: record)
            }
            let b = Int(record.building), d = Int(record.department), f = Int(record.floor)
            let capacityBand = CapacityBand.index(capacity: Int(record.capacity))
            row.add(to: &scratch[0], split: split)
            row.add(to: &scratch[group(&building[b], .building, [table.buildings[b]])], split: split)
            row.add(to: &scratch[group(&department[d], .department, [table.departments[d]])], split: split)
            row.add(to: &scratch[group(&band[capacityBand], .capacity, [CapacityBand.labels[capacityBand]])], split: split)
            row.add(to: &scratch[group(&floor[b * floorCount + f], .floor, [table.buildings[b], table.floors[f]])], split: split)
            let key = SpaceKey(building: record.building, floor: record.floor, name: record.spaceName, space: record.space)
            if record.space >= 0, let cached = spaceSlot[Int(record.space)], cached.key == key {
                row.add(to: &scratch[cached.slot], split: split)
            } else {
                var slot = spaceGroup[key] ?? -1
                row.add(to: &scratch[group(&slot, .space, [
                    table.buildings[b], table.floors[f], table.spaceNames[Int(record.spaceName)],
                    record.space >= 0 ? table.spaceIDs[Int(record.space)] : "",
                ])], split: split)
                spaceGroup[key] = slot
                if record.space >= 0, spaceSlot[Int(record.space)] == nil { spaceSlot[Int(record.space)] = (key, slot) }
            }
        }
        return RoomDayFacts(day: day, ids: ids, groups: scratch.map { $0.finished() }, hourMillis: split.hourMillis)
    }

    /// A group's running figures on one date.
    private struct Scratch {
        let key: FactGroupKey
        var facts: RoomGroupFacts
        var rooms: IDCollector, hosts: IDCollector
        /// Only a department's hosts are used (the small-department fold), so only
        /// department groups collect them: by_space groups are most of a day's.
        let tracksHosts: Bool

        init(key: FactGroupKey, hostCount: Int, roomCount: Int) {
            self.key = key
            facts = RoomGroupFacts(key: key)
            rooms = IDCollector(capacity: roomCount)
            tracksHosts = key.kind == RoomGroupKind.department.rawValue
            hosts = IDCollector(capacity: tracksHosts ? hostCount : 0)
        }

        func finished() -> RoomGroupFacts {
            var result = facts
            result.rooms = rooms.finished()
            result.hosts = hosts.finished()
            return result
        }
    }

    /// One event's contribution to a group (METRICS.md "Rooms", per row).
    private struct Row {
        let record: EventRecord
        var minutes = 0.0

        init(record: EventRecord) { self.record = record }

        @inline(__always)
        func add(to group: inout Scratch, split: OccupancySplit) {
            group.facts.counts.events += 1
            if record.space >= 0 { group.rooms.insert(Int(record.space)) }
            switch record.status {
            case .canceled: group.facts.counts.canceled += 1; return
            case .declined: group.facts.counts.declined += 1; return
            case .meeting: break
            }
            group.facts.counts.meetings += 1
            if record.allDay { group.facts.counts.allDay += 1 }
            if record.autoUnbooked { group.facts.counts.autoUnbooked += 1 }
            if record.checkedIn {
                group.facts.counts.checkedIn += 1
                if !record.minutesDelayed.isNaN {
                    group.facts.counts.delayedSum.add(record.minutesDelayed)
                    group.facts.counts.delayedCount += 1
                }
            }
            group.facts.counts.bookedMinutes.add(minutes)
            split.addBusiness(to: &group.facts.businessMillis)
            if record.host >= 0, group.tracksHosts { group.hosts.insert(Int(record.host)) }
            if record.attendees >= 0 {
                group.facts.counts.attendeesSum += Int(record.attendees)
                group.facts.counts.attendeesCount += 1
                if record.capacity > 0 {
                    group.facts.counts.fillSum.add(Double(record.attendees) / Double(record.capacity))
                    group.facts.counts.fillCount += 1
                    if Int(record.attendees) * 2 <= Int(record.capacity) { group.facts.counts.oversized += 1 }
                }
            }
        }
    }
}
