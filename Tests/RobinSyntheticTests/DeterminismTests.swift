import RobinModel
import RobinSynthetic
import RobinTestSupport
import Testing

@Suite struct DeterminismTests {
    @Test(arguments: ExportKind.allCases)
    func sameSeedGivesSameBytes(kind: ExportKind) async {
        let first = SyntheticOrganization(seed: 7, people: 120)
        let second = SyntheticOrganization(seed: 7, people: 120)
        // Seconds of CPU in a debug build: off the cooperative pool (see `Fixture.export`).
        let (a, b) = await HeavyWork.run {
            var a: [UInt8] = []
            var b: [UInt8] = []
            first.appendExport(kind, fromUTC: Fixture.from, toUTC: Fixture.to, locationIDs: nil, to: &a)
            second.appendExport(kind, fromUTC: Fixture.from, toUTC: Fixture.to, locationIDs: nil, to: &b)
            return (a, b)
        }
        #expect(a.count > 10_000)
        #expect(a == b)
        #expect(first.organizationName == second.organizationName)
        #expect(first.locationIDs == second.locationIDs)
    }

    @Test(arguments: ExportKind.allCases)
    func differentSeedGivesDifferentRows(kind: ExportKind) async {
        let (one, two) = await HeavyWork.run {
            (SyntheticOrganization(seed: 7, people: 120).export(kind, fromUTC: Fixture.from, toUTC: Fixture.to, locationIDs: nil),
             SyntheticOrganization(seed: 8, people: 120).export(kind, fromUTC: Fixture.from, toUTC: Fixture.to, locationIDs: nil))
        }
        #expect(one != two)
    }

    @Test func stringExportEqualsByteExport() async {
        let (bytes, text) = await HeavyWork.run {
            var bytes: [UInt8] = []
            Fixture.organization.appendExport(.spaces, fromUTC: Fixture.from, toUTC: Fixture.to, locationIDs: nil, to: &bytes)
            return (bytes, Fixture.organization.export(.spaces, fromUTC: Fixture.from, toUTC: Fixture.to, locationIDs: nil))
        }
        #expect(Array(text.utf8) == bytes)
    }

    @Test func appendKeepsWhatTheBufferHeld() {
        var bytes: [UInt8] = Array("prefix\n".utf8)
        Fixture.organization.appendExport(.desks, fromUTC: Fixture.from, toUTC: Fixture.from + 3600, locationIDs: nil, to: &bytes)
        #expect(bytes.starts(with: Array("prefix\nOrganization,".utf8)))
    }

    @Test func headCountScalesRows() async {
        let small = await Fixture.export(.desks, organization: SyntheticOrganization(seed: 3, people: 100))
        let large = await Fixture.export(.desks, organization: SyntheticOrganization(seed: 3, people: 400))
        #expect(large.rows.count > small.rows.count * 3)
        #expect(SyntheticOrganization(seed: 3, people: 5).headCount == 20)
    }
}

/// Guards byte-for-byte stability across runs, machines and toolchains: fixtures
/// generated elsewhere must match. Change the expected values only when the
/// generator changes on purpose (and say so in the commit).
@Suite struct FingerprintTests {
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    @Test(arguments: [(ExportKind.desks, UInt64(14_823_428_024_203_133_542)), (ExportKind.spaces, UInt64(9_977_663_339_832_166_641))])
    func smallExportFingerprint(kind: ExportKind, expected: UInt64) {
        var bytes: [UInt8] = []
        SyntheticOrganization(seed: 1, people: 60)
            .appendExport(kind, fromUTC: Fixture.utc("2026-11-17 00:00:00"), toUTC: Fixture.utc("2026-11-19 00:00:00"),
                          locationIDs: nil, to: &bytes)
        #expect(Self.fnv1a(bytes) == expected, "\(kind): \(bytes.count) bytes, fingerprint \(Self.fnv1a(bytes))")
    }
}
