import RobinModel
import RobinSynthetic
import RobinTestSupport

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

    /// An export of `organization`, generated and parsed on a thread of its own (`HeavyWork`):
    /// in a debug build that takes seconds of CPU, which on the cooperative pool (two threads
    /// on two cores) would hold up every async test of the run (a simulator's 10 s start-up limit).
    static func export(
        _ kind: ExportKind, from: Int64 = Fixture.from, to: Int64 = Fixture.to, locationIDs: [Int]? = nil,
        organization: SyntheticOrganization = Fixture.organization
    ) async -> TestCSV {
        await HeavyWork.run { TestCSV(organization.export(kind, fromUTC: from, toUTC: to, locationIDs: locationIDs)) }
    }

    /// The two weeks' desk export, made once (off the cooperative pool, as `export`).
    static var desks: TestCSV {
        get async { await HeavyWork.run { sharedDesks } }
    }

    /// The two weeks' event export, made once (off the cooperative pool, as `export`).
    static var spaces: TestCSV {
        get async { await HeavyWork.run { sharedSpaces } }
    }

    // Read only inside `HeavyWork.run`: a test on the pool waiting for another's first
    // read (swift_once) would block a pool thread for seconds.
    private static let sharedDesks = TestCSV(organization.export(.desks, fromUTC: from, toUTC: to, locationIDs: nil))
    private static let sharedSpaces = TestCSV(organization.export(.spaces, fromUTC: from, toUTC: to, locationIDs: nil))

    /// The column holding each row's start instant.
    static func startColumn(_ kind: ExportKind) -> String {
        kind == .desks ? "Start (UTC)" : "Started At (UTC)"
    }
}
