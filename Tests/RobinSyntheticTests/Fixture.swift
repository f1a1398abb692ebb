import RobinModel
import RobinSynthetic

/// The organisation and ranges most tests share.
enum Fixture {
    static let organization = SyntheticOrganization(seed: 42)

    /// Unix seconds of a UTC `YYYY-MM-DD HH:MM:SS`.
    static func utc(_ text: String) -> Int64 {
        TestCSV.instant(text)!
    }

    /// Two weeks around the DST change of New York (2026-11-01), London already on GMT.
    static let from = utc("2026-10-26 00:00:00")
    static let to = utc("2026-11-09 00:00:00")

    static func export(
        _ kind: ExportKind, from: Int64 = Fixture.from, to: Int64 = Fixture.to, locationIDs: [Int]? = nil,
        organization: SyntheticOrganization = Fixture.organization
    ) -> TestCSV {
        TestCSV(organization.export(kind, fromUTC: from, toUTC: to, locationIDs: locationIDs))
    }

    static let desks = export(.desks)
    static let spaces = export(.spaces)

    /// The column holding each row's start instant.
    static func startColumn(_ kind: ExportKind) -> String {
        kind == .desks ? "Start (UTC)" : "Started At (UTC)"
    }
}
