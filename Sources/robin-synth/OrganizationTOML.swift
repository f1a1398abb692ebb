import RobinSynthetic

/// The `--print-org` snippet: the configuration a report over the synthetic
/// organisation needs (home zone and each building's zone).
enum OrganizationTOML {
    static func render(_ organization: SyntheticOrganization, seed: UInt64) -> String {
        var text = "# Synthetic organisation \(quoted(organization.organizationName)): "
        text += "robin-synth --seed \(seed) --people \(organization.headCount)\n"
        text += "timezone = \(quoted(organization.timeZoneIdentifier))\n"
        let zones = organization.buildingTimeZones
        for (name, locationID) in zip(organization.buildingNames, organization.locationIDs) {
            text += "\n[buildings.\(quoted(name))]\n"
            text += "# Robin location id \(locationID)\n"
            text += "timezone = \(quoted(zones[name] ?? "UTC"))\n"
        }
        return text
    }

    /// A TOML basic string.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for character in value {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
