import RobinModel
import RobinSynthetic
import Testing

@Suite struct RangeTests {
    /// Boundaries off midnight in every zone, spanning the US DST change.
    static let a = Fixture.utc("2026-10-30 07:13:00")
    static let b = Fixture.utc("2026-11-01 20:24:59")
    static let c = Fixture.utc("2026-11-03 03:00:00")

    @Test(arguments: ExportKind.allCases)
    func splitRangeGivesTheSameRows(kind: ExportKind) async {
        let whole = await Fixture.export(kind, from: Self.a, to: Self.c).lines
        let left = await Fixture.export(kind, from: Self.a, to: Self.b).lines
        let right = await Fixture.export(kind, from: Self.b, to: Self.c).lines
        #expect(!left.isEmpty && !right.isEmpty)
        #expect(Set(left).isDisjoint(with: Set(right)))
        #expect(Set(whole) == Set(left).union(right))
        #expect(whole.count == left.count + right.count)
    }

    @Test(arguments: ExportKind.allCases)
    func overlappingRequestsAgreeOnTheOverlap(kind: ExportKind) async {
        let first = Set(await Fixture.export(kind, from: Self.a, to: Self.c).lines)
        let second = Set(await Fixture.export(kind, from: Self.b, to: Self.c + 86_400).lines)
        let overlap = Set(await Fixture.export(kind, from: Self.b, to: Self.c).lines)
        #expect(first.intersection(second) == overlap)
    }

    @Test(arguments: ExportKind.allCases)
    func everyStartIsInTheRange(kind: ExportKind) async {
        let csv = await Fixture.export(kind, from: Self.a, to: Self.b)
        let starts = csv.records.map { TestCSV.instant($0[Fixture.startColumn(kind)]!) }
        #expect(starts.allSatisfy { $0 != nil })
        #expect(starts.allSatisfy { $0! >= Self.a && $0! < Self.b })
        // The range's edges are reached: rows near both ends exist.
        #expect(starts.contains { $0! < Self.a + 86_400 })
        #expect(starts.contains { $0! >= Self.b - 86_400 })
    }

    @Test(arguments: ExportKind.allCases)
    func emptyRangeIsHeaderOnly(kind: ExportKind) async {
        let csv = await Fixture.export(kind, from: Self.b, to: Self.b)
        #expect(csv.header == kind.documentedColumns)
        #expect(csv.rows.isEmpty)
    }

    @Test(arguments: ExportKind.allCases)
    func locationFilterKeepsOnlyThoseBuildings(kind: ExportKind) async {
        let organization = Fixture.organization
        let all = kind == .desks ? await Fixture.desks : await Fixture.spaces
        var union: Set<String> = []
        for (id, name) in zip(organization.locationIDs, organization.buildingNames) {
            let one = await Fixture.export(kind, locationIDs: [id])
            #expect(!one.rows.isEmpty)
            #expect(one.records.allSatisfy { $0["Building"] == name })
            union.formUnion(one.lines)
        }
        #expect(union == Set(all.lines))
        let two = await Fixture.export(kind, locationIDs: Array(organization.locationIDs.prefix(2)))
        #expect(Set(two.records.map { $0["Building"]! }) == Set(organization.buildingNames.prefix(2)))
        #expect(await Fixture.export(kind, locationIDs: [-1]).rows.isEmpty)
        #expect(await Fixture.export(kind, locationIDs: []).rows.isEmpty)
    }
}
