import Foundation
import RobinModel

/// The commented robin-report.toml that `robin-report init` writes from the
/// organisation's locations: `org_id`, `location_ids`, the org's `timezone`,
/// one `[buildings."<name>"]` table per building with its time zone, and
/// commented examples of the other settings. Never holds the token.
///
/// The org's time zone is the one most of its locations have (the first such
/// in Robin's order on a tie), else UTC. A location without a usable time zone
/// (missing, or not an IANA id this machine knows) gets its `timezone` line
/// commented out, so the org's applies, with a note to check it. Locations
/// that share a name share one table (the exports cannot tell them apart).
public struct StarterConfig: Sendable {
    /// The organisation id.
    public var organizationID: Int
    /// Its locations, in Robin's order.
    public var locations: [RobinLocation]

    /// The config for `organizationID` and `locations`.
    public init(organizationID: Int, locations: [RobinLocation]) {
        self.organizationID = organizationID
        self.locations = locations
    }

    /// The org's time zone: the most common valid zone of its locations, else UTC.
    public var timeZone: String {
        let zones = locations.compactMap(\.validTimeZone)
        var counts: [String: Int] = [:]
        for zone in zones { counts[zone, default: 0] += 1 }
        return zones.first { counts[$0] == counts.values.max() } ?? "UTC"
    }

    /// The file's text.
    public func render() -> String {
        let zone = timeZone
        let haveZones = locations.contains { $0.validTimeZone != nil }
        var text = """
            # robin-report configuration, written by `robin-report init --org \(organizationID)` from
            # Robin's list of the organisation's locations. Every setting but org_id has a
            # default; README "Configuration" describes them all. The API token never goes
            # here: set ROBIN_API_TOKEN or pass --token-file.

            org_id = \(organizationID)

            # The locations to export. Remove this line to export every location,
            # including ones added later.
            location_ids = [\(locations.map { String($0.id) }.joined(separator: ", "))]

            # The org's time zone: each daily export runs from its local midnight to the next.
            # \(haveZones ? "The time zone most of the locations have." : "Robin gave no location a time zone: UTC; set the right one.")
            timezone = \(StarterConfig.quoted(zone))

            # workweek = ["Mon", "Tue", "Wed", "Thu", "Fri"]
            # business_hours = { start = "09:00", end = "17:00" }
            # min_group_size = 5              # smaller departments fold into "(small teams)"
            # output = "Output"
            # cache = ".robin-cache"

            # [policy]
            # days_per_week = 3               # office days a week the policy asks for

            # [fetch]
            # settle_hours = 6                # a day fetched sooner after its end is fetched again

            # [email]
            # from = "Workplace team <workplace@example.com>"
            # to = ["leadership@example.com"]
            # smtp_url = "smtp://mail.example.com:587"

            # One table per building, named as the exports' Building column shows it.

            """
        var done = Set<String>()
        for location in locations where done.insert(location.displayName).inserted {
            let group = locations.filter { $0.displayName == location.displayName }
            text += "\n# \(group.count == 1 ? "Location" : "Locations") \(group.map { String($0.id) }.joined(separator: ", "))"
            text += location.name == nil ? ": Robin gave it no name; use its name in the exports.\n" : ".\n"
            text += "[buildings.\(StarterConfig.quoted(location.displayName))]\n"
            let zones = group.compactMap(\.validTimeZone)
            if let own = zones.first {
                if Set(zones).count > 1 {
                    text += "# These locations have different time zones (\(Set(zones).sorted().joined(separator: ", "))): the first is used.\n"
                }
                text += "timezone = \(StarterConfig.quoted(own))\n"
            } else {
                let given = group.compactMap(\.timeZone).first
                let why = given.map { "Robin gave the time zone \(StarterConfig.quoted($0).dropFirst().dropLast()), unknown here" } ?? "Robin gave no time zone"
                text += "# \(why): the org's applies. Check it.\n"
                text += "# timezone = \(StarterConfig.quoted(zone))\n"
            }
            text += "# desks = 100                   # inventory: replaces the desks seen in the exports\n"
            text += "# rooms = 10\n"
        }
        return text
    }

    /// `text` as a TOML basic string, so any building name round-trips.
    /// TOML's basic strings take JSON's escapes; they also forbid a raw DEL.
    public static func quoted(_ text: String) -> String {
        JSONWriter.quoted(text).replacingOccurrences(of: "\u{7F}", with: "\\u007F")
    }
}

extension RobinLocation {
    /// The time zone when this machine knows it as an IANA id.
    var validTimeZone: String? {
        guard let timeZone, TimeZone(identifier: timeZone) != nil else { return nil }
        return timeZone
    }
}
