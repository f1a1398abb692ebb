import RobinModel

/// Resolves `desks_seen` / `rooms_seen` against the configured inventory: a
/// floor's own count, else what the export shows; a building's own count, else
/// the sum over its floors when any floor is configured, else what the export
/// shows; the org total is the sum over buildings when anything is configured,
/// else the distinct ids seen (docs/metrics.md).
struct Inventory {
    let settings: Settings
    /// Picks the desk or the room count of a building / floor.
    let buildingCount: (Settings.Building) -> Int?
    let floorCount: (Settings.Floor) -> Int?

    /// The inventory of a floor, nil when not configured.
    func floor(_ floor: String, building: String) -> Int? {
        settings.buildings[building]?.floors[floor].flatMap(floorCount)
    }

    /// The inventory of a building, nil when neither it nor any of its floors is configured.
    /// - Parameter seenOnFloor: distinct ids seen per floor name of this building.
    func building(_ name: String, seenOnFloor: [String: Int]) -> Int? {
        guard let configured = settings.buildings[name] else { return nil }
        if let count = buildingCount(configured) { return count }
        let configuredFloors = configured.floors.filter { floorCount($0.value) != nil }
        guard !configuredFloors.isEmpty else { return nil }
        let floors = Set(seenOnFloor.keys).union(configuredFloors.keys)
        return floors.reduce(0) { sum, floor in
            Self.sum(sum, configured.floors[floor].flatMap(floorCount) ?? seenOnFloor[floor] ?? 0)
        }
    }

    /// The org-wide inventory, nil when nothing is configured.
    /// - Parameters:
    ///   - seenInBuilding: distinct ids seen per building.
    ///   - seenOnFloor: distinct ids seen per building, then floor.
    func total(seenInBuilding: [String: Int], seenOnFloor: [String: [String: Int]]) -> Int? {
        let names = Set(seenInBuilding.keys).union(settings.buildings.keys)
        let configured = names.map { building($0, seenOnFloor: seenOnFloor[$0] ?? [:]) }
        guard configured.contains(where: { $0 != nil }) else { return nil }
        return zip(names, configured).reduce(0) { sum, pair in
            Self.sum(sum, pair.1 ?? seenInBuilding[pair.0] ?? 0)
        }
    }

    /// `a + b`, at most `Int.max`: the configuration caps each count, but
    /// `Settings` can be built in code with any value.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : total
    }

    static func desks(_ settings: Settings) -> Inventory {
        Inventory(settings: settings, buildingCount: { $0.desks }, floorCount: { $0.desks })
    }

    static func rooms(_ settings: Settings) -> Inventory {
        Inventory(settings: settings, buildingCount: { $0.rooms }, floorCount: { $0.rooms })
    }
}
