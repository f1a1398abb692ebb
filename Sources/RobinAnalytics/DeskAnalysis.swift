import RobinExports
import RobinModel

/// Computes `DeskMetrics` (METRICS.md "Desks") in one pass over the
/// de-duplicated rows, then folds small departments; with them the period's
/// `Capacity` and `Colocation`, from the per-date figures the groups hold.
struct DeskAnalysis {
    let table: DeskTable
    let calendar: PeriodCalendar
    let settings: Settings
    /// The rows whose attended days count toward policy adherence; nil = `table`'s (`Analyzer.policyDesks`).
    var policyTable: DeskTable? = nil

    /// The desk figures and what is built from their per-date detail.
    struct Result {
        var metrics: DeskMetrics
        var capacity: Capacity
        var colocation: Colocation
    }

    func run() throws(AnalysisError) -> Result {
        var zones = try ZoneBook(buildings: table.buildings, settings: settings)
        let personCount = table.personCount, deskCount = table.deskCount, dayCount = calendar.dayCount
        func fresh() -> DeskAccumulator {
            DeskAccumulator(deskCount: deskCount, personCount: personCount, dayCount: dayCount)
        }
        var total = fresh()
        var groups: [DeskAccumulator] = []
        var buildingGroup = [Int](repeating: -1, count: table.buildings.count)
        var departmentGroup = [Int](repeating: -1, count: table.departments.count)
        var typeGroup = [Int](repeating: -1, count: table.types.count)
        // (building, floor) -> group slot, as a flat matrix: both are small id sets.
        let floorCount = table.floors.count
        var floorGroup = [Int](repeating: -1, count: table.buildings.count * floorCount)
        // (building, work area) likewise; no work areas when the export has no such column.
        let areaCount = table.workAreas.count
        var areaGroup = [Int](repeating: -1, count: table.buildings.count * areaCount)
        func group(_ slot: inout Int) -> Int {
            if slot < 0 {
                slot = groups.count
                groups.append(fresh())
            }
            return slot
        }

        for record in table.records {
            let date = calendar.dateIndex(localMillis: zones.local(record.start, building: record.building))
            guard date >= 0, date < dayCount else { continue }
            let canceled = record.canceledAt != Timestamp.missing
            let inAdvance = canceled && record.canceledAt < record.start
            let checkedIn = record.checkedInAt != Timestamp.missing
            let row = Row(
                inAdvance: inAdvance, released: canceled && !inAdvance && !checkedIn, checkedIn: checkedIn,
                attended: checkedIn || !canceled, hours: record.hours, desk: Int(record.desk),
                person: Int(record.person), date: date, personCount: personCount, deskCount: deskCount)
            row.add(to: &total)
            row.add(to: &groups[group(&buildingGroup[Int(record.building)])])
            row.add(to: &groups[group(&departmentGroup[Int(record.department)])])
            row.add(to: &groups[group(&typeGroup[Int(record.type)])])
            row.add(to: &groups[group(&floorGroup[Int(record.building) * floorCount + Int(record.floor)])])
            if areaCount > 0 {
                row.add(to: &groups[group(&areaGroup[Int(record.building) * areaCount + Int(record.workArea)])])
            }
        }

        let adherent = policyAdherent(try policyTable.map(attendedPersonDays) ?? total.personDays, personCount: personCount)
        let inventory = Inventory.desks(settings)
        func figures(_ accumulator: DeskAccumulator, inventory: Int?) -> DeskFigures {
            accumulator.figures(calendar: calendar, personCount: personCount, deskCount: deskCount,
                                inventory: inventory, adherent: adherent)
        }

        let capacity = CapacityAnalysis(calendar: calendar)
        func capacityGroup(_ group: Group<DeskFigures>, _ accumulator: DeskAccumulator) -> Group<CapacityFigures> {
            Group(key: group.key, figures: capacity.figures(
                desks: group.figures.desksSeen, people: group.figures.people,
                desksUsed: { accumulator.desksUsed(onDate: $0, deskCount: deskCount) }))
        }
        var seenOnFloor: [String: [String: Int]] = [:]
        var byFloor: [Group<DeskFigures>] = []
        var floorCapacity: [Group<CapacityFigures>] = []
        for (key, slot) in floorGroup.enumerated() where slot >= 0 {
            let building = table.buildings[key / floorCount], floor = table.floors[key % floorCount]
            seenOnFloor[building, default: [:]][floor] = groups[slot].desks.count
            byFloor.append(Group(key: GroupKey([.init("building", building), .init("floor", floor)]),
                                 figures: figures(groups[slot], inventory: inventory.floor(floor, building: building))))
            floorCapacity.append(capacityGroup(byFloor[byFloor.count - 1], groups[slot]))
        }
        var seenInBuilding: [String: Int] = [:]
        var byBuilding: [Group<DeskFigures>] = []
        var buildingCapacity: [Group<CapacityFigures>] = []
        for (id, slot) in buildingGroup.enumerated() where slot >= 0 {
            let name = table.buildings[id]
            seenInBuilding[name] = groups[slot].desks.count
            byBuilding.append(Group(key: GroupKey([.init("building", name)]), figures: figures(
                groups[slot], inventory: inventory.building(name, seenOnFloor: seenOnFloor[name] ?? [:]))))
            buildingCapacity.append(capacityGroup(byBuilding[byBuilding.count - 1], groups[slot]))
        }
        let byType = typeGroup.enumerated().filter { $0.element >= 0 }.map { id, slot in
            Group(key: GroupKey([.init("type", table.types[id])]), figures: figures(groups[slot], inventory: nil))
        }
        let byWorkArea = areaGroup.enumerated().filter { $0.element >= 0 }.map { key, slot in
            Group(key: GroupKey([.init("building", table.buildings[key / areaCount]),
                                 .init("work_area", table.workAreas[key % areaCount])]),
                  figures: figures(groups[slot], inventory: nil))
        }
        let departments = DepartmentFold.fold(
            departmentGroup.enumerated().filter { $0.element >= 0 }.map { id, slot in
                (table.departments[id], groups[slot], groups[slot].people.count)
            },
            minGroupSize: settings.minGroupSize, merge: { $0.merge($1) })
        let byDepartment = departments.map { name, accumulator in
            Group(key: GroupKey([.init("department", name)]), figures: figures(accumulator, inventory: nil))
        }
        let colocation = ColocationAnalysis(calendar: calendar, workweek: settings.workweek)
        let anchorDays = departments.filter { !InsightPrivacy.isPlaceholder($0.name) }.map { name, accumulator in
            Group(key: GroupKey([.init("department", name)]), figures: colocation.anchorDays(
                people: accumulator.people.count,
                present: { accumulator.people(onDate: $0, personCount: personCount) }))
        }

        var daily: [DailyAttendance] = []
        for date in 0..<dayCount {
            daily.append(DailyAttendance(
                date: calendar.period.from.adding(days: date),
                people: total.people(onDate: date, personCount: personCount),
                desks: total.desksUsed(onDate: date, deskCount: deskCount)))
        }
        var sums = Array(repeating: 0, count: 7)
        for (date, day) in daily.enumerated() { sums[calendar.weekdays[date] - 1] += day.people }
        let byWeekday = zip(sums, calendar.datesPerWeekday).map { sum, dates in
            ratio(sum, dates)
        }

        let metrics = DeskMetrics(
            total: figures(total, inventory: inventory.total(seenInBuilding: seenInBuilding, seenOnFloor: seenOnFloor)),
            byBuilding: byBuilding.sorted { GroupKey.precedes($0.key, $1.key) },
            byFloor: byFloor.sorted { GroupKey.precedes($0.key, $1.key) },
            byDepartment: byDepartment.sorted { GroupKey.precedes($0.key, $1.key) },
            byType: byType.sorted { GroupKey.precedes($0.key, $1.key) },
            byWorkArea: byWorkArea.sorted { GroupKey.precedes($0.key, $1.key) },
            daily: daily, byWeekday: byWeekday)
        return Result(
            metrics: metrics,
            capacity: Capacity(byBuilding: buildingCapacity.sorted { GroupKey.precedes($0.key, $1.key) },
                               byFloor: floorCapacity.sorted { GroupKey.precedes($0.key, $1.key) }),
            colocation: Colocation(byDepartment: anchorDays.sorted { GroupKey.precedes($0.key, $1.key) }))
    }

    /// The attended (person, date) pairs of `policy`'s rows in the period, as
    /// a group's `personDays` holds them (person ids are shared: `policy` is
    /// the table `table` was filtered from).
    private func attendedPersonDays(_ policy: DeskTable) throws(AnalysisError) -> BitSet {
        var zones = try ZoneBook(buildings: policy.buildings, settings: settings)
        let personCount = policy.personCount
        var days = BitSet(count: personCount * calendar.dayCount)
        for record in policy.records where record.person >= 0 {
            let attended = record.checkedInAt != Timestamp.missing || record.canceledAt == Timestamp.missing
            let date = calendar.dateIndex(localMillis: zones.local(record.start, building: record.building))
            guard attended, date >= 0, date < calendar.dayCount else { continue }
            days.insert(date * personCount + Int(record.person))
        }
        return days
    }

    /// Persons whose attended days in the period, org-wide, divided by
    /// (period days / 7) reach `policy.days_per_week`.
    private func policyAdherent(_ personDays: BitSet, personCount: Int) -> BitSet {
        var days = [Int](repeating: 0, count: personCount)
        personDays.forEach { days[$0 % personCount] += 1 }
        var adherent = BitSet(count: personCount)
        // days / (periodDays / 7) >= target, multiplied out so whole-week periods compare exactly.
        let threshold = settings.daysPerWeek * Double(calendar.dayCount)
        for (person, count) in days.enumerated() where Double(count) * 7 >= threshold {
            adherent.insert(person)
        }
        return adherent
    }

    /// One row's contribution to a group.
    private struct Row {
        let inAdvance: Bool, released: Bool, checkedIn: Bool, attended: Bool
        let hours: Double
        let desk: Int, person: Int, date: Int, personCount: Int, deskCount: Int

        @inline(__always)
        func add(to group: inout DeskAccumulator) {
            group.reservations += 1
            if inAdvance { group.canceledInAdvance += 1 }
            if released { group.released += 1 }
            if checkedIn { group.checkedIn += 1 }
            if desk >= 0 { group.desks.insert(desk) }
            guard attended else { return }
            group.bookedHours += hours
            if desk >= 0 { group.deskDays.insert(date * deskCount + desk) }
            if person >= 0 {
                group.people.insert(person)
                group.personDays.insert(date * personCount + person)
            }
        }
    }
}
