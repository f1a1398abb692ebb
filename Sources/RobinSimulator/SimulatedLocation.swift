import Foundation
import RobinModel
import RobinSynthetic

/// A location the simulator lists at `GET /v1.0/organizations/{id}/locations`.
/// nil fields are left out of the JSON, as a sparse real answer would.
public typealias SimulatedLocation = Location

extension Location {
    /// The buildings of `organization`, one location each.
    public static func locations(of organization: SyntheticOrganization) -> [Location] {
        zip(organization.locationIDs, organization.buildingNames).map { id, name in
            Location(id: id, name: name, timeZone: organization.buildingTimeZones[name])
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
