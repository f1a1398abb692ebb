import Foundation

/// A location (building) of the organisation, as Robin's
/// `GET /organizations/{id}/locations` lists it. Only the fields `init` needs;
/// any may be missing from Robin's answer but the id.
public struct RobinLocation: Sendable, Hashable {
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

    /// One entry of the answer's `data` list; nil without a usable id. The
    /// id may be a number or a string of digits; blank names and zones count
    /// as missing.
    init?(json: Any) {
        guard let object = json as? [String: Any] else { return nil }
        let id: Int?
        switch object["id"] {
        case let number as Int: id = number  // an integral JSON number (1.5 does not convert)
        case let text as String: id = Int(text.trimmingCharacters(in: .whitespaces))
        default: id = nil
        }
        guard let id, id > 0 else { return nil }
        func text(_ key: String) -> String? {
            guard let value = (object[key] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        self.init(id: id, name: text("name"), timeZone: text("time_zone"))
    }

    /// The building name to configure: its name, else `Location <id>`.
    public var displayName: String { name ?? "Location \(id)" }
}
