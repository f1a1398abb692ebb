import RobinExports
import RobinModel

/// Turns a desk table's rows into per-date facts (METRICS.md "Desks"): one
/// pass that puts each row in its building-local date, then each date's
/// groups with their counts, sums and sets.
struct DeskFactsBuilder {
    let table: DeskTable
    let settings: Settings
    /// What the table's person and desk ids stand for.
    let ids: IDSpace
    /// Only these dates (days since 1970-01-01); nil = every date of the rows.
    var wanted: ClosedRange<Int>? = nil
    /// Only the total group (the organisation's attended days, for policy adherence).
    var totalOnly = false

    func build() throws(AnalysisError) -> [DeskDayFacts] {
        var zones = try ZoneBook(buildings: table.buildings, settings: settings)
        var rowDays = [Int32](repeating: RowsByDay.skipped, count: table.records.count)
        table.records.withUnsafeBufferPointer { records in
            for (index, record) in records.enumerated() {
                let day = LocalClock.day(localMillis: zones.local(record.start, building: record.building))
                rowDays[index] = LocalClock.rowDay(day, wanted: wanted)
            }
        }
        let byDay = RowsByDay(days: rowDays)
        return byDay.days.map { day, rows in
            facts(day: day, rows: byDay.order[rows])
        }
    }

    /// One date's groups.
    private func facts(day: Int, rows: ArraySlice<Int32>) -> DeskDayFacts {
        let personCount = table.personCount, deskCount = table.deskCount
        var scratch = [Scratch(key: FactGroupKey(DeskGroupKind.total.rawValue), personCount: personCount, deskCount: deskCount)]
        // Group slots by the table's ids, as flat arrays: the id sets are small.
        let floorCount = table.floors.count, areaCount = table.workAreas.count
        var building = [Int](repeating: -1, count: table.buildings.count)
        var department = [Int](repeating: -1, count: table.departments.count)
        var type = [Int](repeating: -1, count: table.types.count)
        var floor = [Int](repeating: -1, count: table.buildings.count * floorCount)
        var area = [Int](repeating: -1, count: table.buildings.count * areaCount)
        func group(_ slot: inout Int, _ kind: DeskGroupKind, _ names: @autoclosure () -> [String]) -> Int {
            if slot < 0 {
                slot = scratch.count
                scratch.append(Scratch(key: FactGroupKey(kind.rawValue, names()), personCount: personCount, deskCount: deskCount))
            }
            return slot
        }
        for index in rows {
            let record = table.records[Int(index)]
            let canceled = record.canceledAt != Timestamp.missing
            let inAdvance = canceled && record.canceledAt < record.start
            let checkedIn = record.checkedInAt != Timestamp.missing
            let row = Row(inAdvance: inAdvance, released: canceled && !inAdvance && !checkedIn, checkedIn: checkedIn,
                          attended: checkedIn || !canceled, booked: !canceled, hours: record.hours,
                          desk: Int(record.desk), person: Int(record.person))
            row.add(to: &scratch[0])
            if totalOnly { continue }
            let b = Int(record.building), d = Int(record.department), t = Int(record.type), f = Int(record.floor)
            row.add(to: &scratch[group(&building[b], .building, [table.buildings[b]])])
            row.add(to: &scratch[group(&department[d], .department, [table.departments[d]])])
            row.add(to: &scratch[group(&type[t], .type, [table.types[t]])])
            row.add(to: &scratch[group(&floor[b * floorCount + f], .floor, [table.buildings[b], table.floors[f]])])
            if areaCount > 0 {
                let a = Int(record.workArea)
                row.add(to: &scratch[group(&area[b * areaCount + a], .workArea, [table.buildings[b], table.workAreas[a]])])
            }
        }
        return DeskDayFacts(day: day, ids: ids, groups: scratch.map { $0.finished() })
    }

    /// A group's running figures on one date.
    private struct Scratch {
        let key: FactGroupKey
        var counts = DeskCounts()
        var desks: IDCollector, attendedDesks: IDCollector, people: IDCollector

        init(key: FactGroupKey, personCount: Int, deskCount: Int) {
            self.key = key
            desks = IDCollector(capacity: deskCount)
            attendedDesks = IDCollector(capacity: deskCount)
            people = IDCollector(capacity: personCount)
        }

        func finished() -> DeskGroupFacts {
            DeskGroupFacts(key: key, counts: counts, desks: desks.finished(), attendedDesks: attendedDesks.finished(),
                           people: people.finished())
        }
    }

    /// One row's contribution to a group (METRICS.md "Desks", per row).
    private struct Row {
        let inAdvance: Bool, released: Bool, checkedIn: Bool, attended: Bool, booked: Bool
        let hours: Double
        let desk: Int, person: Int

        @inline(__always)
        func add(to group: inout Scratch) {
            group.counts.reservations += 1
            if inAdvance { group.counts.canceledInAdvance += 1 }
            if released { group.counts.released += 1 }
            if checkedIn { group.counts.checkedIn += 1 }
            if booked { group.counts.booked += 1 }
            if desk >= 0 { group.desks.insert(desk) }
            guard attended else { return }
            group.counts.bookedHours.add(hours)
            if desk >= 0 { group.attendedDesks.insert(desk) }
            if person >= 0 { group.people.insert(person) }
        }
    }
}
