import RobinModel

/// Computes `RoomMetrics` (METRICS.md "Rooms") for a period by combining the
/// day facts of its dates, then folds small departments.
struct RoomAnalysis {
    let calendar: PeriodCalendar
    let settings: Settings
    let ids: CombinedIDs
    /// Whether to combine `by_space`: false for trend periods other than the
    /// period and its previous (nothing reads their room list, and with one
    /// group per room and date it was most of combining a trend).
    var spaces = true

    /// - Parameter days: the facts of the period's dates (each with its date index; a date may have several).
    func run(days: [(date: Int, facts: RoomDayFacts)]) -> RoomMetrics {
        let dayCount = calendar.dayCount
        var groups: [RoomAccumulator] = []
        var slots: [FactGroupKey: Int] = [:]
        /// Meeting milliseconds per (date index * 24 + local hour), whole org, clipped to the period.
        var hourMillis = [Int64](repeating: 0, count: dayCount * 24)
        for (date, day) in days {
            precondition(!spaces || day.hasSpaces, "the rooms of \(day.date) were read without by_space")
            ids.withMaps(day.ids) { hosts, rooms in
                for group in day.groups where spaces || group.key.kind != RoomGroupKind.space.rawValue {
                    let slot = slots[group.key] ?? {
                        groups.append(RoomAccumulator(spaceCount: ids.placeCount, hostCount: ids.personCount))
                        slots[group.key] = groups.count - 1
                        return groups.count - 1
                    }()
                    groups[slot].add(group, date: date, calendar: calendar, hosts: hosts, rooms: rooms)
                }
            }
            // A meeting's hours past the period's last date are not the period's.
            let inPeriod = min(day.hourMillis.count, (dayCount - date) * 24)
            for slot in 0..<inPeriod { hourMillis[date * 24 + slot] += day.hourMillis[slot] }
        }
        let empty = RoomAccumulator(spaceCount: ids.placeCount, hostCount: ids.personCount)
        let total = slots[FactGroupKey(RoomGroupKind.total.rawValue)].map { groups[$0] } ?? empty
        var byKind: [RoomGroupKind: [(names: [String], accumulator: RoomAccumulator)]] = [:]
        for (key, slot) in slots where key.kind != RoomGroupKind.total.rawValue {
            byKind[RoomGroupKind(rawValue: key.kind)!, default: []].append((key.names, groups[slot]))
        }

        let hours = settings.businessHours, inventory = Inventory.rooms(settings)
        func figures(_ accumulator: RoomAccumulator, inventory: Int?) -> RoomFigures {
            accumulator.figures(calendar: calendar, businessHourMinutes: hours.minutes, inventory: inventory)
        }
        var seenOnFloor: [String: [String: Int]] = [:]
        var byFloor: [Group<RoomFigures>] = []
        for (names, accumulator) in byKind[.floor] ?? [] {
            let building = names[0], floor = names[1]
            seenOnFloor[building, default: [:]][floor] = accumulator.rooms.count
            byFloor.append(Group(key: GroupKey([.init("building", building), .init("floor", floor)]),
                                 figures: figures(accumulator, inventory: inventory.floor(floor, building: building))))
        }
        var seenInBuilding: [String: Int] = [:]
        var byBuilding: [Group<RoomFigures>] = []
        for (names, accumulator) in byKind[.building] ?? [] {
            let name = names[0]
            seenInBuilding[name] = accumulator.rooms.count
            byBuilding.append(Group(key: GroupKey([.init("building", name)]), figures: figures(
                accumulator, inventory: inventory.building(name, seenOnFloor: seenOnFloor[name] ?? [:]))))
        }
        let bySpace = (byKind[.space] ?? []).map { names, accumulator in
            Group(key: GroupKey([.init("building", names[0]), .init("floor", names[1]),
                                 .init("space", names[2]), .init("space_id", names[3])]),
                  figures: figures(accumulator, inventory: nil))
        }
        // The fold merges in name order, so that the result cannot depend on the order facts came in.
        let departments = DepartmentFold.fold(
            (byKind[.department] ?? []).sorted { $0.names[0].utf8.lexicographicallyPrecedes($1.names[0].utf8) }
                .map { names, accumulator in (names[0], accumulator, accumulator.hosts) },
            minGroupSize: settings.minGroupSize, merge: { $0.merge($1) })
        let byDepartment = departments.map { name, accumulator in
            Group(key: GroupKey([.init("department", name)]), figures: figures(accumulator, inventory: nil))
        }
        let byCapacity = (byKind[.capacity] ?? [])
            .sorted { CapacityBand.labels.firstIndex(of: $0.names[0])! < CapacityBand.labels.firstIndex(of: $1.names[0])! }
            .map { names, accumulator in
                Group(key: GroupKey([.init("capacity", names[0])]), figures: figures(accumulator, inventory: nil))
            }
        let totalFigures = figures(total, inventory: inventory.total(seenInBuilding: seenInBuilding, seenOnFloor: seenOnFloor))

        return RoomMetrics(
            total: totalFigures,
            byBuilding: byBuilding.sorted { GroupKey.precedes($0.key, $1.key) },
            byFloor: byFloor.sorted { GroupKey.precedes($0.key, $1.key) },
            bySpace: bySpace.sorted { GroupKey.precedes($0.key, $1.key) },
            byDepartment: byDepartment.sorted { GroupKey.precedes($0.key, $1.key) },
            heatmap: heatmap(hourMillis, rooms: totalFigures.roomsSeen),
            byCapacity: byCapacity)
    }

    /// Mean share of rooms booked per weekday and hour over the period's dates with that weekday.
    private func heatmap(_ millis: [Int64], rooms: Int) -> [HeatmapCell] {
        var sums = [Int64](repeating: 0, count: 7 * 24)
        for date in 0..<calendar.dayCount {
            let weekday = calendar.weekdays[date] - 1
            for hour in 0..<24 { sums[weekday * 24 + hour] += millis[date * 24 + hour] }
        }
        let dates = calendar.datesPerWeekday
        return (0..<7).flatMap { weekday in
            (0..<24).map { hour in
                HeatmapCell(weekday: weekday + 1, hour: hour,
                            share: dates[weekday] == 0 || rooms == 0 ? nil
                                : Double(sums[weekday * 24 + hour]) / 60_000 / (60 * Double(rooms)) / Double(dates[weekday]))
            }
        }
    }
}
