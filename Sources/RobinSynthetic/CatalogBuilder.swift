/// Builds the organisation from (seed, people). Every random choice comes
/// from one SplitMix64 stream consumed in a fixed order, so the catalog is a
/// pure function of its inputs.
struct CatalogBuilder {
    private var rng: SplitMix64
    private let seed: UInt64
    private let headCount: Int
    private let domain: String

    /// Smallest head count: enough for the tiny departments and every building.
    static let minimumPeople = 20

    init(seed: UInt64, people: Int) {
        self.seed = seed
        self.headCount = max(people, CatalogBuilder.minimumPeople)
        self.rng = SplitMix64(keys: seed, 0x0C47_A106, UInt64(self.headCount))
        self.domain = NameLists.organizations[Int(seed % UInt64(NameLists.organizations.count))].1
    }

    mutating func build() -> Catalog {
        let organization = NameLists.organizations[Int(seed % UInt64(NameLists.organizations.count))].0
        let blueprints = BuildingBlueprint.all
        let locationBase = 10_000 + Int(SplitMix64.finalize(seed) % 80_000)

        let homes = assignBuildings(count: blueprints.count)
        let departments = assignDepartments()
        var people: [Person] = []
        people.reserveCapacity(headCount)
        var emailCounts: [String: Int] = [:]
        var styles: [DeskStyle] = []
        for _ in 0..<headCount {
            styles.append(pickStyle())
        }

        var desks: [Desk] = []
        var rooms: [Room] = []
        var buildings: [Building] = []
        var ownDesks = [Int32](repeating: -1, count: headCount)
        for (buildingIndex, blueprint) in blueprints.enumerated() {
            let residents = (0..<headCount).filter { homes[$0] == buildingIndex }.map { Int32($0) }
            var layout = BuildingLayout(
                blueprint: blueprint, buildingIndex: buildingIndex, residents: residents.count,
                firstDeskID: 300_000 + desks.count, firstSpaceID: 200_000 + rooms.count
            )
            let pools = layout.placeDesks(
                residents: residents, styles: styles, deskOffset: desks.count, rng: &rng,
                desks: &desks, ownDesks: &ownDesks
            )
            let roomIndices = layout.placeRooms(roomOffset: rooms.count, rng: &rng, rooms: &rooms)
            buildings.append(Building(
                name: blueprint.name, nameField: CSVField(blueprint.name), clock: ZoneClock(identifier: blueprint.timeZone),
                locationID: locationBase + buildingIndex * 11, people: residents,
                hotDesks: pools.hot, hoteledDesks: pools.hoteled, bookableAssignedDesks: pools.bookableAssigned,
                rooms: roomIndices
            ))
        }

        for index in 0..<headCount {
            people.append(makePerson(
                index: index, home: homes[index], department: departments[index], style: styles[index],
                ownDesk: ownDesks[index], officeGroup: blueprints[homes[index]].officeGroup, emailCounts: &emailCounts
            ))
        }
        let facilities = departments.firstIndex(of: DepartmentBlueprint.facilities) ?? 0
        var guests: [CSVField] = []
        for _ in 0..<64 {
            guests.append(CSVField(randomName().display))
        }
        return Catalog(
            seed: seed, organizationName: organization, organizationField: CSVField(organization),
            buildings: buildings, people: people, desks: desks, rooms: rooms, facilitiesAdmin: facilities,
            guestNames: guests, meetingTitles: NameLists.meetingTitles.map(CSVField.init),
            recurringTitles: NameLists.recurringTitles.map(CSVField.init),
            virtualLocations: NameLists.virtualLocations.map(CSVField.init)
        )
    }

    /// Home building per person by the blueprint shares; the first persons
    /// seed every building so none is empty.
    private mutating func assignBuildings(count: Int) -> [Int] {
        let table = WeightedTable(BuildingBlueprint.all.enumerated().map { ($0.offset, $0.element.share) })
        return (0..<headCount).map { $0 < count ? $0 : table.pick(&rng) }
    }

    /// Department name per person ("" for none), shuffled so tiny departments
    /// spread over buildings.
    private mutating func assignDepartments() -> [String] {
        var names: [String] = []
        for (name, size) in DepartmentBlueprint.tiny {
            names += Array(repeating: name, count: size)
        }
        names += Array(repeating: "", count: DepartmentBlueprint.unassignedCount(people: headCount))
        let table = WeightedTable(DepartmentBlueprint.weighted)
        // The facilities department always has someone to act as admin.
        names.append(DepartmentBlueprint.facilities)
        while names.count < headCount {
            names.append(table.pick(&rng))
        }
        for index in stride(from: names.count - 1, to: 0, by: -1) {
            names.swapAt(index, rng.below(index + 1))
        }
        return names
    }

    private mutating func pickStyle() -> DeskStyle {
        // Hot-desk users dominate the row count: see `DeskDayGenerator`.
        let table = WeightedTable<DeskStyle>([
            (.hot, 52), (.hoteled, 25), (.assigned, 11), (.shared, 7), (.reverseHoteled, 5),
        ])
        return table.pick(&rng)
    }

    private mutating func randomName() -> (display: String, first: String, last: String) {
        let first = NameLists.firstNames[rng.below(NameLists.firstNames.count)]
        let last = NameLists.lastNames[rng.below(NameLists.lastNames.count)]
        return ("\(first.0) \(last.0)", first.1, last.1)
    }

    private mutating func makePerson(
        index: Int, home: Int, department: String, style: DeskStyle, ownDesk: Int32, officeGroup: String,
        emailCounts: inout [String: Int]
    ) -> Person {
        let name = randomName()
        let local = "\(name.first).\(name.last)"
        let seen = emailCounts[local, default: 0] + 1
        emailCounts[local] = seen
        let address = (seen == 1 ? local : "\(local)\(seen)") + "@" + domain
        // About 1 in 7 people's Robin profile has a mixed-case address.
        let stored = rng.chance(0.15) ? CatalogBuilder.mixedCase(address) : address
        var groups = "All Staff, \(officeGroup)"
        if rng.chance(0.3) {
            groups += ", " + NameLists.guilds[rng.below(NameLists.guilds.count)]
        }
        let propensityTable = WeightedTable<Double>([(0.97, 12), (0.88, 28), (0.75, 30), (0.55, 17), (0.3, 8), (0.05, 5)])
        var propensity = propensityTable.pick(&rng)
        if DepartmentBlueprint.tiny.contains(where: { $0.0 == department }) {
            propensity = max(propensity, 0.7)
        }
        return Person(
            robinID: 100_000 + index * 3 + rng.below(3), name: CSVField(name.display), email: CSVField(stored),
            emailLower: CSVField(address), department: CSVField(department), groups: CSVField(groups),
            homeBuilding: home, style: style, propensity: propensity, ownDesk: ownDesk, seriesID: 700_000_000 + index
        )
    }

    /// `jane.doe@acme.example` -> `Jane.Doe@Acme.example`.
    static func mixedCase(_ address: String) -> String {
        var result = ""
        var capitalizeNext = true
        var inDomain = false
        for character in address {
            result.append(capitalizeNext ? Character(character.uppercased()) : character)
            if character == "@" { inDomain = true }
            capitalizeNext = character == "@" || (!inDomain && character == ".")
        }
        return result
    }
}
