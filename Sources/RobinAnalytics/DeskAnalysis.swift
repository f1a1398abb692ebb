import RobinModel

/// Computes `DeskMetrics` (METRICS.md "Desks") for a period by combining the
/// day facts of its dates, then folds small departments; with them the
/// period's `Capacity` and `Colocation`, from the per-date sets the groups hold.
struct DeskAnalysis {
    let calendar: PeriodCalendar
    let settings: Settings
    let ids: CombinedIDs

    /// The desk figures and what is built from their per-date detail.
    struct Result {
        var metrics: DeskMetrics
        var capacity: Capacity
        var colocation: Colocation
    }

    /// - Parameters:
    ///   - days: the facts of the period's dates (each with its date index; a date may have several).
    ///   - policy: the organisation's facts of those dates, whose totals' attended days count
    ///     toward policy adherence; nil = `days`' own.
    func run(days: [(date: Int, facts: DeskDayFacts)], policy: [(date: Int, facts: DeskDayFacts)]?) -> Result {
        let personCount = ids.personCount, deskCount = ids.placeCount, dayCount = calendar.dayCount
        var groups: [DeskAccumulator] = []
        var slots: [FactGroupKey: Int] = [:]
        for (date, day) in days {
            ids.withMaps(day.ids) { persons, places in
                for group in day.groups {
                    let slot = slots[group.key] ?? {
                        groups.append(DeskAccumulator(deskCount: deskCount, personCount: personCount, dayCount: dayCount))
                        slots[group.key] = groups.count - 1
                        return groups.count - 1
                    }()
                    groups[slot].add(group, date: date, persons: persons, places: places)
                }
            }
        }
        let empty = DeskAccumulator(deskCount: deskCount, personCount: personCount, dayCount: dayCount)
        let total = slots[FactGroupKey(DeskGroupKind.total.rawValue)].map { groups[$0] } ?? empty
        var byKind: [DeskGroupKind: [(names: [String], accumulator: DeskAccumulator)]] = [:]
        for (key, slot) in slots where key.kind != DeskGroupKind.total.rawValue {
            byKind[DeskGroupKind(rawValue: key.kind)!, default: []].append((key.names, groups[slot]))
        }

        let adherent = policyAdherent(policy.map(attendedDays) ?? total.personDays, personCount: personCount)
        let inventory = Inventory.desks(settings)
        func figures(_ accumulator: DeskAccumulator, inventory: Int?) -> DeskFigures {
            accumulator.figures(calendar: calendar, inventory: inventory, adherent: adherent)
        }
        let capacity = CapacityAnalysis(calendar: calendar)
        func capacityGroup(_ group: Group<DeskFigures>, _ accumulator: DeskAccumulator) -> Group<CapacityFigures> {
            Group(key: group.key, figures: capacity.figures(
                desks: group.figures.desksSeen, people: group.figures.people,
                desksUsed: { accumulator.desksUsed(onDate: $0) }))
        }
        var seenOnFloor: [String: [String: Int]] = [:]
        var byFloor: [Group<DeskFigures>] = []
        var floorCapacity: [Group<CapacityFigures>] = []
        for (names, accumulator) in byKind[.floor] ?? [] {
            let building = names[0], floor = names[1]
            seenOnFloor[building, default: [:]][floor] = accumulator.desks.count
            byFloor.append(Group(key: GroupKey([.init("building", building), .init("floor", floor)]),
                                 figures: figures(accumulator, inventory: inventory.floor(floor, building: building))))
            floorCapacity.append(capacityGroup(byFloor[byFloor.count - 1], accumulator))
        }
        var seenInBuilding: [String: Int] = [:]
        var byBuilding: [Group<DeskFigures>] = []
        var buildingCapacity: [Group<CapacityFigures>] = []
        for (names, accumulator) in byKind[.building] ?? [] {
            let name = names[0]
            seenInBuilding[name] = accumulator.desks.count
            byBuilding.append(Group(key: GroupKey([.init("building", name)]), figures: figures(
                accumulator, inventory: inventory.building(name, seenOnFloor: seenOnFloor[name] ?? [:]))))
            buildingCapacity.append(capacityGroup(byBuilding[byBuilding.count - 1], accumulator))
        }
        let byType = (byKind[.type] ?? []).map { names, accumulator in
            Group(key: GroupKey([.init("type", names[0])]), figures: figures(accumulator, inventory: nil))
        }
        let byWorkArea = (byKind[.workArea] ?? []).map { names, accumulator in
            Group(key: GroupKey([.init("building", names[0]), .init("work_area", names[1])]),
                  figures: figures(accumulator, inventory: nil))
        }
        // The fold merges in name order, so that the result cannot depend on the order facts came in.
        let departments = DepartmentFold.fold(
            (byKind[.department] ?? []).sorted { $0.names[0].utf8.lexicographicallyPrecedes($1.names[0].utf8) }
                .map { names, accumulator in (names[0], accumulator, accumulator.people.count) },
            minGroupSize: settings.minGroupSize, merge: { $0.merge($1) })
        let byDepartment = departments.map { name, accumulator in
            Group(key: GroupKey([.init("department", name)]), figures: figures(accumulator, inventory: nil))
        }
        let colocation = ColocationAnalysis(calendar: calendar, workweek: settings.workweek)
        let anchorDays = departments.filter { !InsightPrivacy.isPlaceholder($0.name) }.map { name, accumulator in
            Group(key: GroupKey([.init("department", name)]), figures: colocation.anchorDays(
                people: accumulator.people.count, present: { accumulator.people(onDate: $0) }))
        }

        var daily: [DailyAttendance] = []
        for date in 0..<dayCount {
            daily.append(DailyAttendance(date: calendar.period.from.adding(days: date),
                                         people: total.people(onDate: date), desks: total.desksUsed(onDate: date)))
        }
        var sums = Array(repeating: 0, count: 7)
        for (date, day) in daily.enumerated() { sums[calendar.weekdays[date] - 1] += day.people }
        let byWeekday = zip(sums, calendar.datesPerWeekday).map { sum, dates in ratio(sum, dates) }

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

    /// The organisation's attended persons per date index, from its facts' totals.
    private func attendedDays(_ policy: [(date: Int, facts: DeskDayFacts)]) -> [BitSet?] {
        var days = [BitSet?](repeating: nil, count: calendar.dayCount)
        for (date, day) in policy {
            guard let total = day.groups.first, total.key.kind == DeskGroupKind.total.rawValue else { continue }
            ids.withMaps(day.ids) { persons, _ in
                if days[date] == nil { days[date] = BitSet(count: ids.personCount) }
                total.people.insert(into: &days[date]!, map: persons)
            }
        }
        return days
    }

    /// Persons whose attended days in the period, org-wide, divided by
    /// (period days / 7) reach `policy.days_per_week`.
    private func policyAdherent(_ personDays: [BitSet?], personCount: Int) -> BitSet {
        var days = [Int](repeating: 0, count: personCount)
        for case let day? in personDays { day.forEach { days[$0] += 1 } }
        var adherent = BitSet(count: personCount)
        // days / (periodDays / 7) >= target, multiplied out so whole-week periods compare exactly.
        let threshold = settings.daysPerWeek * Double(calendar.dayCount)
        for (person, count) in days.enumerated() where Double(count) * 7 >= threshold {
            adherent.insert(person)
        }
        return adherent
    }
}
