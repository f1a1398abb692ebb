import RobinModel
import RobinSynthetic

/// A small built-in organisation for `simulate` until the synthetic
/// organisation lands: two buildings (location ids 101 and 202), a few desk
/// reservations and room events per day, every documented column filled.
///
/// Deterministic: rows depend only on the seed, the kind and the hour they
/// start in, so any window gives the same rows every time.
public struct SampleDataSource: ExportDataSource {
    /// The seed that varies the rows.
    public let seed: UInt64

    /// The location ids of the two buildings.
    public static let locationIDs = [101, 202]

    /// The sample organisation for `seed`.
    public init(seed: UInt64 = 1) {
        self.seed = seed
    }

    private struct Building {
        let id: Int
        let name: String
        let floors: [String]
    }

    private static let buildings = [
        Building(id: 101, name: "Boston HQ", floors: ["Floor 1", "Floor 2"]),
        Building(id: 202, name: "London Office", floors: ["Ground", "Mezzanine"]),
    ]
    private static let people = [
        ("Ada Lovelace", "Engineering"), ("Grace Hopper", "Engineering"), ("Alan Turing", "Research"),
        ("Katherine Johnson", "Research"), ("Tim Berners-Lee", "Sales"), ("Margaret Hamilton", "Operations"),
    ]

    public func export(_ kind: ExportKind, fromUTC: Int64, toUTC: Int64, locationIDs: [Int]?) -> String {
        var csv = CSVText.line(kind.documentedColumns)
        let buildings = SampleDataSource.buildings.filter { locationIDs?.contains($0.id) ?? true }
        guard toUTC > fromUTC else { return csv }
        // One candidate row per building per hour; the hour decides whether it exists.
        var hour = (fromUTC + 3599) / 3600
        while hour * 3600 < toUTC {
            for building in buildings {
                var random = SplitMix64(state: seed ^ UInt64(bitPattern: hour &* 1_000_003) ^ UInt64(building.id) &* 7919
                    ^ (kind == .desks ? 0 : 0xABCDEF))
                guard random.next() % 4 == 0 else { continue }
                let row = kind == .desks
                    ? deskRow(building, start: hour * 3600, random: &random)
                    : eventRow(building, start: hour * 3600, random: &random)
                csv += CSVText.line(row)
            }
            hour += 1
        }
        return csv
    }

    private func deskRow(_ building: Building, start: Int64, random: inout SplitMix64) -> [String] {
        let (name, department) = SampleDataSource.people[Int(random.next() % 6)]
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com"
        let hours = Int64(1 + random.next() % 8)
        let desk = 1000 + Int(random.next() % 40)
        let canceled = random.next() % 10 == 0
        let checkedIn = !canceled && random.next() % 3 != 0
        let id = String(start / 60 * 1000 + Int64(building.id))
        return [
            "Example Org", building.name, building.floors[desk % 2], "Team \(desk % 3 + 1)", String(desk),
            "Desk \(desk)", id, random.next() % 5 == 0 ? "S\(desk)" : "", desk % 7 == 0 ? "assigned" : "hoteled",
            CSVText.timestamp(start), CSVText.timestamp(start + hours * 3600), String(hours),
            checkedIn ? CSVText.timestamp(start + 300) : "", canceled ? CSVText.timestamp(start - 3600) : "",
            canceled ? "user" : "", name, department, "\(department), Everyone", email,
            name, department, "\(department), Everyone", email, desk % 7 == 0 ? "assigned" : "hot",
            desk % 7 == 0 ? "TRUE" : "FALSE",
        ]
    }

    private func eventRow(_ building: Building, start: Int64, random: inout SplitMix64) -> [String] {
        let (name, department) = SampleDataSource.people[Int(random.next() % 6)]
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com"
        let minutes = Int64(30 * (1 + random.next() % 4))
        let space = 500 + Int(random.next() % 10)
        let capacity = [4, 6, 8, 12, 20][space % 5]
        let attendees = 1 + Int(random.next() % UInt64(capacity))
        let ghost = random.next() % 6 == 0
        let id = String(start / 60 * 1000 + Int64(building.id) + 1)
        return [
            "Example Org", building.name, building.floors[space % 2], "Room \(space)", String(space), id,
            ghost ? "Canceled" : "CONFIRMED", CSVText.timestamp(start - 86_400), CSVText.timestamp(start - 3600),
            "False", "Sync, \"weekly\"", random.next() % 2 == 0 ? "True" : "False", String(capacity),
            String(attendees + 1), String(attendees), "\(building.name) / Room \(space)", CSVText.timestamp(start),
            CSVText.timestamp(start + minutes * 60), String(minutes), ghost ? "" : CSVText.timestamp(start + 120),
            ghost ? "" : "2", ghost ? CSVText.timestamp(start + 600) : "", "42", name, department, department, email,
            email, "42", name, department, department, email, email, "", "", ghost ? "auto" : "",
        ]
    }
}
