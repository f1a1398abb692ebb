/// The fixed offices of every synthetic organisation: three buildings in
/// zones with different DST rules (US, EU, none), so local dates, DST weeks
/// and the home-zone day boundaries all get exercised.
struct BuildingBlueprint: Sendable {
    let name: String
    let timeZone: String
    /// Share of the head count (percent).
    let share: Int
    /// Short code used in desk names.
    let code: String
    /// The office's group in the Groups columns.
    let officeGroup: String
    let floorStyle: FloorStyle
    let roomNames: [String]

    enum FloorStyle: Sendable {
        /// "Floor 12"
        case floor
        /// "Ground Floor", "Level 1", ...
        case britishLevel
        /// "L5"
        case shortLevel

        func name(_ number: Int) -> String {
            switch self {
            case .floor: "Floor \(number)"
            case .britishLevel: number == 1 ? "Ground Floor" : "Level \(number - 1)"
            case .shortLevel: "L\(number)"
            }
        }
    }

    static let all: [BuildingBlueprint] = [
        BuildingBlueprint(
            name: "HQ New York", timeZone: "America/New_York", share: 50, code: "NY", officeGroup: "NYC Office",
            floorStyle: .floor,
            roomNames: ["Hudson", "Brooklyn", "Chelsea", "Harlem", "SoHo", "Tribeca", "Queens", "Bronx", "Astoria",
                        "Dumbo", "Flatiron", "Gramercy"]
        ),
        BuildingBlueprint(
            name: "London", timeZone: "Europe/London", share: 30, code: "LDN", officeGroup: "London Office",
            floorStyle: .britishLevel,
            roomNames: ["Thames", "Camden", "Soho", "Shoreditch", "Greenwich", "Hackney", "Brixton", "Mayfair",
                        "Kew", "Barbican"]
        ),
        BuildingBlueprint(
            name: "Singapore", timeZone: "Asia/Singapore", share: 20, code: "SG", officeGroup: "Singapore Office",
            floorStyle: .shortLevel,
            roomNames: ["Merlion", "Orchard", "Raffles", "Sentosa", "Changi", "Bugis", "Tiong Bahru", "Marina"]
        ),
    ]
}
