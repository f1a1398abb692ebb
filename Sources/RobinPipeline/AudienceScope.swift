import RobinExports
import RobinModel

/// What an audience's report is made from: the organisation's rows that are
/// its own (`RowFilter`), and the settings to analyse them with.
///
/// The figures then match the organisation report's group for the same rows:
/// an audience of one building has the `total` of that building's
/// `by_building` entry, and an audience of one department that of its
/// `by_department` entry. So an audience of buildings alone counts desks and
/// rooms against those buildings' configured inventory (as a building group
/// does), and an audience with departments against the desks and rooms its
/// rows used (as a department group does: a department owns no inventory).
public struct AudienceScope: Sendable, Equatable {
    /// The audience.
    public var audience: Audience

    public init(_ audience: Audience) {
        self.audience = audience
    }

    /// Its rows: of its buildings and/or of its departments.
    public var filter: RowFilter {
        RowFilter(buildings: Set(audience.buildings), departments: Set(audience.departments))
    }

    /// `settings` for the audience's analysis: only its buildings' inventory
    /// (none with departments); time zones, targets and every other setting
    /// as the organisation's.
    public func settings(_ settings: Settings) -> Settings {
        var scoped = settings
        for (name, building) in settings.buildings
        where !audience.departments.isEmpty || !audience.buildings.contains(name) {
            scoped.buildings[name] = Settings.Building(timeZone: building.timeZone)
        }
        scoped.audiences = []
        return scoped
    }
}
