/// A location (building) of the organisation, as Robin's
/// `GET /organizations/{id}/locations` lists it: the fetcher reads it
/// (`RobinLocation`, for `init`) and the simulator serves it
/// (`SimulatedLocation`). Only the fields `init` needs; Robin may leave out
/// any of them but the id.
public struct Location: Sendable, Hashable {
    /// Robin's location id (what `location_ids` lists).
    public var id: Int
    /// Its name, as the exports' `Building` column shows it; nil when Robin gave none.
    public var name: String?
    /// Its IANA time zone id as Robin gave it (not checked); nil when absent.
    public var timeZone: String?

    /// A location with these fields.
    public init(id: Int, name: String?, timeZone: String?) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
    }

    /// The building name to configure: its name, else `Location <id>`.
    public var displayName: String { name ?? "Location \(id)" }
}
