import RobinModel
import RobinSynthetic
import Testing

@Suite struct ShapeTests {
    static func csv(_ kind: ExportKind) async -> TestCSV {
        kind == .desks ? await Fixture.desks : await Fixture.spaces
    }

    @Test(arguments: ExportKind.allCases)
    func headerIsEveryDocumentedColumnInOrder(kind: ExportKind) async {
        #expect(await Self.csv(kind).header == kind.documentedColumns)
    }

    @Test(arguments: ExportKind.allCases)
    func everyRowHasEveryColumn(kind: ExportKind) async {
        let csv = await Self.csv(kind)
        #expect(csv.rows.count > 1000)
        #expect(csv.rows.allSatisfy { $0.count == kind.documentedColumns.count })
    }

    @Test(arguments: ExportKind.allCases)
    func fieldsAreQuotedOnlyWhenNeeded(kind: ExportKind) async {
        let fields = await Self.csv(kind).fields
        let quoted = fields.filter(\.wasQuoted)
        #expect(!quoted.isEmpty)
        let special: Set<Unicode.Scalar> = [",", "\"", "\r", "\n"]
        #expect(quoted.allSatisfy { $0.text.unicodeScalars.contains(where: special.contains) })
        #expect(fields.filter { !$0.wasQuoted }.allSatisfy { !$0.text.unicodeScalars.contains(where: special.contains) })
        if kind == .spaces {
            #expect(quoted.contains { $0.text.unicodeScalars.contains("\n") })
            #expect(quoted.contains { $0.text.unicodeScalars.contains("\"") })
        }
    }

    @Test func recordsEndInCRLF() async {
        let text = Fixture.organization.export(.desks, fromUTC: Fixture.from, toUTC: Fixture.from + 86_400, locationIDs: nil)
        #expect(text.utf8.starts(with: "Organization,Building,".utf8))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func timestampsAreRobinsFormat() async {
        let pattern = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/
        for record in await Fixture.desks.records.prefix(500) {
            for column in ["Start (UTC)", "End (UTC)", "Checked In At (UTC)", "Canceled At (UTC)"] {
                let value = record[column]!
                #expect(value.isEmpty || value.wholeMatch(of: pattern) != nil, "\(column): \(value)")
            }
        }
        for record in await Fixture.spaces.records.prefix(500) {
            for column in ["Created At (UTC)", "Updated At (UTC)", "Started At (UTC)", "Ended At (UTC)"] {
                #expect(record[column]!.wholeMatch(of: pattern) != nil, "\(column): \(record[column]!)")
            }
        }
    }

    @Test func reservationIDsAreUniqueNumbers() async {
        let ids = await Fixture.desks.records.map { $0["Reservation ID"]! }
        #expect(ids.allSatisfy { UInt64($0) != nil })
        #expect(Set(ids).count == ids.count)
        #expect(await Fixture.desks.records.allSatisfy { Int($0["Desk ID"]!) != nil })
    }

    @Test func eventKeysAreUnique() async {
        let keys = await Fixture.spaces.records.map { "\($0["Event ID"]!)|\($0["Space ID"]!)" }
        #expect(Set(keys).count == keys.count)
        #expect(await Fixture.spaces.records.allSatisfy { Int($0["Space ID"]!) != nil })
    }

    @Test func durationsAgreeWithTimes() async {
        for record in await Fixture.desks.records {
            let minutes = (TestCSV.instant(record["End (UTC)"]!)! - TestCSV.instant(record["Start (UTC)"]!)!) / 60
            #expect(Double(record["Hour Duration"]!)! == Double(minutes) / 60)
        }
        for record in await Fixture.spaces.records where !record["Minute Duration"]!.isEmpty {
            let minutes = (TestCSV.instant(record["Ended At (UTC)"]!)! - TestCSV.instant(record["Started At (UTC)"]!)!) / 60
            #expect(Int64(record["Minute Duration"]!)! == minutes)
        }
    }

    @Test func capacitiesAreTwoToTwenty() async {
        let capacities = await Fixture.spaces.records.map { Int($0["Capacity"]!)! }
        #expect(capacities.allSatisfy { (2...20).contains($0) })
        #expect(Set(capacities).count >= 6)
    }
}
