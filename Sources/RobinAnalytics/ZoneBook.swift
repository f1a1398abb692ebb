import Foundation
import RobinModel

/// The time zone of each building in a table: its configured zone, else the
/// org's, else UTC.
struct ZoneBook {
    private var zones: [ZoneOffsets] = []
    /// Building id -> index into `zones`.
    private let zoneOfBuilding: [Int]

    init(buildings: [String], settings: Settings) throws(AnalysisError) {
        var indexByID: [String: Int] = [:]
        var zones: [ZoneOffsets] = []
        var zoneOfBuilding: [Int] = []
        for building in buildings {
            let identifier = settings.timeZone(ofBuilding: building)
            if let index = indexByID[identifier] {
                zoneOfBuilding.append(index)
                continue
            }
            guard let zone = TimeZone(identifier: identifier) else {
                throw AnalysisError.unknownTimeZone(identifier, building: building)
            }
            indexByID[identifier] = zones.count
            zoneOfBuilding.append(zones.count)
            zones.append(ZoneOffsets(zone: zone))
        }
        self.zones = zones
        self.zoneOfBuilding = zoneOfBuilding
    }

    /// Local wall-clock milliseconds of a UTC instant in `building`'s zone.
    @inline(__always)
    mutating func local(_ utcMillis: Int64, building: Int32) -> Int64 {
        utcMillis + zones[zoneOfBuilding[Int(building)]].offset(atUTC: utcMillis)
    }
}

/// A problem the analytics stage cannot get past.
public enum AnalysisError: StageError, Sendable, Equatable {
    public var exitStatus: ExitStatus { .usage }

    case unknownTimeZone(String, building: String)

    public var description: String {
        switch self {
        case .unknownTimeZone(let identifier, let building):
            "unknown time zone \"\(identifier)\" for building \"\(building)\" (use an IANA id such as Europe/London)"
        }
    }
}
