import Foundation
import RobinSynthetic

/// A location the simulator lists at `GET /v1.0/organizations/{id}/locations`.
/// nil fields are left out of the JSON, as a sparse real answer would.
public struct SimulatedLocation: Sendable, Hashable {
    /// Robin's location id.
    public var id: Int
    /// The location's name (the exports' `Building`); nil leaves it out.
    public var name: String?
    /// IANA time zone id; nil leaves it out.
    public var timeZone: String?

    /// A location with these fields.
    public init(id: Int, name: String?, timeZone: String?) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
    }

    /// The buildings of `organization`, one location each.
    public static func locations(of organization: SyntheticOrganization) -> [SimulatedLocation] {
        zip(organization.locationIDs, organization.buildingNames).map { id, name in
            SimulatedLocation(id: id, name: name, timeZone: organization.buildingTimeZones[name])
        }
    }

    /// The JSON object Robin's API gives for a location (a subset of its fields).
    var json: [String: Any] {
        var object: [String: Any] = ["id": id, "account_id": 1, "description": NSNull()]
        if let name { object["name"] = name }
        if let timeZone { object["time_zone"] = timeZone }
        return object
    }
}
