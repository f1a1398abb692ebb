/// Lays out one building: floors, desk groups, desks and rooms.
///
/// Scaling with the head count `n` of the building (documented here because
/// the benchmark depends on it):
/// - floors: `max(3, ceil(n / 300))`;
/// - desks: hot `max(4, n / 10)`, hoteled `max(4, 3n / 10)`, one assigned desk
///   per assigned person and one per pair of shared people;
/// - rooms: `max(8, n / 4)`. That is dense (real offices have about one room
///   per 10-15 people) but lets a 20,000-person month yield over a million
///   event rows (about 10 rows per room per workday, see `EventDayGenerator`).
struct BuildingLayout {
    let blueprint: BuildingBlueprint
    let buildingIndex: Int
    let residents: Int
    let firstDeskID: Int
    let firstSpaceID: Int
    let floorNames: [CSVField]
    let floorTexts: [String]

    init(blueprint: BuildingBlueprint, buildingIndex: Int, residents: Int, firstDeskID: Int, firstSpaceID: Int) {
        self.blueprint = blueprint
        self.buildingIndex = buildingIndex
        self.residents = residents
        self.firstDeskID = firstDeskID
        self.firstSpaceID = firstSpaceID
        let floors = max(3, (residents + 299) / 300)
        self.floorTexts = (1...floors).map { blueprint.floorStyle.name($0) }
        self.floorNames = floorTexts.map(CSVField.init)
    }

    struct DeskPools {
        var hot: [Int32] = []
        var hoteled: [Int32] = []
        var bookableAssigned: [Int32] = []
    }

    /// Appends the building's desks to `desks` and records the own desk of
    /// assigned and shared people in `ownDesks`.
    mutating func placeDesks(
        residents people: [Int32], styles: [DeskStyle], deskOffset: Int, rng: inout SplitMix64,
        desks: inout [Desk], ownDesks: inout [Int32]
    ) -> DeskPools {
        var pools = DeskPools()
        var sequence = 0
        func add(_ type: String, bookable: String) -> Int32 {
            let floor = sequence % floorNames.count
            let groupSlot = (sequence / floorNames.count) % 3
            let group = NameLists.deskGroupNames[(floor * 3 + groupSlot) % NameLists.deskGroupNames.count]
            let letter = ["A", "B", "C"][groupSlot]
            let number = sequence / (floorNames.count * 3) + 1
            let name = "\(blueprint.code)-\(floor + 1)-\(letter)\(number < 10 ? "00" : number < 100 ? "0" : "")\(number)"
            desks.append(Desk(
                id: firstDeskID + sequence, name: CSVField(name), floor: floorNames[floor], floorIndex: floor,
                group: CSVField(group),
                deskType: CSVField(type), bookableOnUnassignedDays: CSVField(bookable)
            ))
            sequence += 1
            return Int32(desks.count - 1)
        }
        for _ in 0..<max(4, residents / 10) {
            pools.hot.append(add("hot", bookable: ""))
        }
        for _ in 0..<max(4, residents * 3 / 10) {
            pools.hoteled.append(add("hoteled", bookable: ""))
        }
        var sharedDesk: Int32 = -1
        for person in people {
            switch styles[Int(person)] {
            case .assigned:
                let bookable = rng.chance(0.6)
                let desk = add("assigned", bookable: bookable ? "TRUE" : "FALSE")
                if bookable { pools.bookableAssigned.append(desk) }
                ownDesks[Int(person)] = desk
            case .shared:
                if sharedDesk < 0 {
                    sharedDesk = add("assigned", bookable: "FALSE")
                    ownDesks[Int(person)] = sharedDesk
                } else {
                    ownDesks[Int(person)] = sharedDesk
                    sharedDesk = -1
                }
            case .hot, .hoteled, .reverseHoteled:
                break
            }
        }
        if pools.bookableAssigned.isEmpty {
            pools.bookableAssigned.append(add("assigned", bookable: "TRUE"))
        }
        return pools
    }

    /// Appends the building's rooms to `rooms`; returns their indices.
    mutating func placeRooms(roomOffset: Int, rng: inout SplitMix64, rooms: inout [Room]) -> [Int32] {
        let count = max(8, residents / 4)
        let floors = floorNames.count
        let capacities = WeightedTable<Int>([(2, 20), (4, 25), (6, 20), (8, 15), (10, 8), (12, 6), (16, 4), (20, 2)])
        var indices: [Int32] = []
        for slot in 0..<count {
            let floor = slot % floors
            let position = slot / floors
            // The first two rooms of each floor form a divisible room (A/B halves
            // booked alone or together), the source of multi-room events.
            let pairIndex: Int32
            let name: String
            var capacity: Int
            switch position {
            case 0:
                pairIndex = Int32(roomOffset + slot + floors)
                name = "Forum \(floor + 1)A, East side"
                capacity = [12, 16][rng.below(2)]
            case 1:
                pairIndex = Int32(roomOffset + slot - floors)
                name = "Forum \(floor + 1)B, West side"
                capacity = [12, 16][rng.below(2)]
            default:
                pairIndex = -1
                let base = blueprint.roomNames[(position - 2) % blueprint.roomNames.count]
                let number = position - 1
                name = "\(base) \(floor + 1).\(number < 10 ? "0" : "")\(number)"
                capacity = capacities.pick(&rng)
            }
            if position == 0 && slot + floors >= count {
                // No second half on this floor: an ordinary big room.
                capacity = 14
            }
            let partner = (position == 0 && slot + floors >= count) ? -1 : pairIndex
            rooms.append(Room(
                spaceID: firstSpaceID + slot, name: CSVField(name), floor: floorNames[floor], capacity: capacity,
                location: CSVField("\(blueprint.name), \(floorTexts[floor]), \(name)"), partner: partner,
                isSecondHalf: position == 1, popularity: 0.5 + rng.unit() * 0.7
            ))
            indices.append(Int32(roomOffset + slot))
        }
        return indices
    }
}
