import Foundation
import RobinModel
import RobinSynthetic
import Testing

@Suite struct OrganizationTests {
    @Test func buildingsAreInDifferentZones() async {
        let organization = Fixture.organization
        #expect((2...3).contains(organization.locationIDs.count))
        #expect(Set(organization.locationIDs).count == organization.locationIDs.count)
        #expect(organization.buildingNames.count == organization.locationIDs.count)
        let zones = organization.buildingTimeZones
        #expect(Set(zones.keys) == Set(organization.buildingNames))
        #expect(Set(zones.values).count == zones.count)
        #expect(zones.values.allSatisfy { TimeZone(identifier: $0) != nil })
        #expect(organization.timeZoneIdentifier == zones[organization.buildingNames[0]])
        #expect(!organization.organizationName.isEmpty)
        #expect(await Fixture.desks.records.allSatisfy { $0["Organization"] == organization.organizationName })
    }

    /// Local start hours stay in office hours across the US and EU DST changes,
    /// so offsets are taken per date.
    @Test(arguments: ExportKind.allCases)
    func localStartHoursAreOfficeHours(kind: ExportKind) async {
        let zones = Fixture.organization.buildingTimeZones.mapValues { TimeZone(identifier: $0)! }
        let csv = await Fixture.export(kind, from: Fixture.utc("2026-10-22 00:00:00"), to: Fixture.to)
        var hours: Set<Int> = []
        for record in csv.records where record["All Day Event"] != "True" {
            let start = TestCSV.instant(record[Fixture.startColumn(kind)]!)!
            let zone = zones[record["Building"]!]!
            let local = start + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start))))
            let hour = Int((local % 86_400) / 3600)
            hours.insert(hour)
            #expect((7...21).contains(hour), "\(record["Building"]!) \(start)")
        }
        #expect(hours.contains(7) || hours.contains(8))
    }

    @Test func allDayEventsStartAtLocalMidnight() async {
        let zones = Fixture.organization.buildingTimeZones.mapValues { TimeZone(identifier: $0)! }
        let allDay = await Fixture.export(.spaces, from: Fixture.utc("2026-09-01 00:00:00"), to: Fixture.to)
            .records.filter { $0["All Day Event"] == "True" }
        #expect(!allDay.isEmpty)
        for record in allDay {
            let start = TestCSV.instant(record["Started At (UTC)"]!)!
            let zone = zones[record["Building"]!]!
            let local = start + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start))))
            #expect(local % 86_400 == 0)
        }
    }
}
