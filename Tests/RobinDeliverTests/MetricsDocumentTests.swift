import Foundation
import Testing
import RobinModel

/// The metrics.json reader (`MetricsDocument`) behind email, publish and both indexes.
@Suite("metrics.json reader")
struct MetricsDocumentTests {
    /// metrics.json exactly as robin-report wrote it when the reader was introduced
    /// (schema_version 1). Never regenerate it: every later robin-report must read it.
    static let compatibility = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/metrics-schema-1.json").path

    static func fixture() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: compatibility))) as? [String: Any])
    }

    /// The fixture with `change` applied, as JSON.
    static func edited(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try fixture()
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func read(_ text: String) throws -> MetricsDocument {
        try MetricsDocument.read(Data(text.utf8), file: "m.json")
    }

    @Test("today's metrics.json (schema 1) keeps reading, every section of it")
    func compatibility() throws {
        let document = try MetricsDocument.read(contentsOf: Self.compatibility)
        #expect(document.schemaVersion == 1)
        #expect(document.period == Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!))
        #expect(document.workdays == 5)
        let desks = document.desks.total, rooms = document.rooms.total
        #expect(desks.people == 59 && desks.avgDailyPeople == 32.8 && desks.peakPeople == 42)
        #expect(desks.peakDate == LocalDate("2026-11-17") && desks.reservations == 937 && desks.bookedHours == 1275)
        #expect(rooms.meetings != nil && rooms.utilization != nil && rooms.allDay == nil)
        #expect(document.desks.byBuilding.map { $0.key["building"] } == ["HQ New York", "London", "Singapore"])
        #expect(document.desks.byFloor.first?.key.fields.map(\.name) == ["building", "floor"])
        #expect(document.rooms.bySpace.first?.key.fields.map(\.name) == ["building", "floor", "space", "space_id"])
        #expect(document.rooms.bySpace.first?.avgMinutesDelayed == 5.7)
        #expect(document.desks.daily.count == 7 && document.desks.byWeekday.count == 7)
        #expect(document.rooms.heatmap.count == 7 * 24)
        #expect(document.desks.byWorkArea.isEmpty && document.previous == nil && document.insights == nil)
        #expect(Measure.headline.map { $0.textWithNote(in: document) }.prefix(4)
                == ["59", "32.8", "42 (Tue 17 Nov)", "67.1%"])
    }

    @Test("unknown keys are ignored, at the top, in sections, in groups and in previous")
    func unknownKeys() throws {
        let plain = try MetricsDocument.read(Data(contentsOf: URL(fileURLWithPath: Self.compatibility)), file: "m.json")
        let extended = try MetricsDocument.read(try Self.edited { json in
            json["dashboard_hint"] = ["colour": "blue"]
            var desks = json["desks"] as! [String: Any]
            desks["by_neighbourhood"] = [["neighbourhood": "North", "people": 3]]
            var total = desks["total"] as! [String: Any]
            total["median_arrival"] = "09:12"
            desks["total"] = total
            json["desks"] = desks
            json["previous"] = (try? Self.fixture()).map { var p = $0; p["future"] = true; return p }
        }, file: "m.json")
        var expected = plain
        expected.previous = plain
        #expect(extended == expected)
    }

    @Test("optional keys may be absent: they read as nil or empty")
    func absentKeys() throws {
        let document = try MetricsDocument.read(try Self.edited { json in
            json["previous"] = nil
            json["rooms"] = nil
            var desks = json["desks"] as! [String: Any]
            desks["by_type"] = nil
            var total = desks["total"] as! [String: Any]
            total["policy_adherence"] = nil
            total["peak_date"] = nil
            desks["total"] = total
            json["desks"] = desks
            var period = json["period"] as! [String: Any]
            period["workdays"] = nil
            json["period"] = period
        }, file: "m.json")
        #expect(document.previous == nil && document.workdays == nil)
        #expect(document.rooms == MetricsDocument.Rooms())
        #expect(document.desks.byType.isEmpty && document.desks.total.policyAdherence == nil)
        #expect(Measure.policyAdherence.text(in: document) == "—")
        #expect(Measure.roomUtilization.text(in: document) == "—")
        #expect(Measure.peakDayAttendance.textWithNote(in: document) == "42")
        let minimal = try Self.read(#"{"schema_version": 1, "period": {"from": "2026-11-16", "to": "2026-11-22"}}"#)
        #expect(Measure.headline.allSatisfy { $0.text(in: minimal) == "—" })
    }

    @Test("what every reader needs, and malformed JSON, are errors naming the file and the JSON path", arguments: [
        ("{", "m.json: not valid JSON ("),
        ("[1, 2]", "m.json: the document: must be an object"),
        (#"{"period": {"from": "2026-11-16", "to": "2026-11-22"}}"#, "m.json: schema_version: missing"),
        (#"{"schema_version": 2}"#, "m.json: schema_version: 2 is not supported (this robin-report reads 1)"),
        (#"{"schema_version": 1}"#, "m.json: period: missing"),
        (#"{"schema_version": 1, "period": {"from": "2026-11-16"}}"#, "m.json: period.to: missing"),
        (#"{"schema_version": 1, "period": {"from": "2026-11-16", "to": null}}"#, "m.json: period.to: must not be null"),
        (#"{"schema_version": 1, "period": {"from": "2026-11-16", "to": "2026-11-32"}}"#,
         #"m.json: period.to: "2026-11-32" is not a date (YYYY-MM-DD)"#),
        (#"{"schema_version": 1, "period": {"from": "2026-11-16", "to": "2026-11-02"}}"#,
         "m.json: period.to: 2026-11-02 is before from (2026-11-16)"),
        (#"{"schema_version": 1, "period": {"from": "2026-11-16", "to": "2026-11-22"}, "desks": []}"#,
         "m.json: desks: must be an object"),
    ])
    func required(json: String, message: String) throws {
        let error = try #require(throws: MetricsFileError.self) { try Self.read(json) }
        #expect(error.exitStatus == .badInput)
        #expect(error.description.hasPrefix(message), "\(error.description)")
    }

    @Test("impossible values are refused with their path: counts must be whole numbers from 0 to 2^53 - 1", arguments: [
        (#""people": -1"#, "desks.total.people: -1 is not a count (a whole number from 0 to 9,007,199,254,740,991)"),
        (#""people": 2.5"#, "desks.total.people: 2.5 is not a count"),
        (#""people": 1e30"#, "desks.total.people: 1e+30 is not a count"),
        (#""people": 9007199254740992"#, "desks.total.people: 9007199254740992 is not a count"),
        (#""people": "many""#, "desks.total.people: must be a number"),
        (#""avg_daily_people": -3.5"#, "desks.total.avg_daily_people: -3.5 cannot be negative"),
        (#""peak_date": "2026-13-01""#, #"desks.total.peak_date: "2026-13-01" is not a date (YYYY-MM-DD)"#),
        (#""people": 1e400"#, "not valid JSON (Number 1e400 is not representable in Swift.)"),
    ])
    func impossible(replacement: String, message: String) throws {
        let original = try String(contentsOfFile: Self.compatibility, encoding: .utf8)
        let key = String(replacement.prefix { $0 != ":" })
        // The first occurrence of the key is in desks.total.
        let line = try #require(original.split(separator: "\n").first { $0.hasPrefix("      \(key):") })
        let text = original.replacingOccurrences(of: line, with: "      " + replacement + (line.hasSuffix(",") ? "," : ""))
        let error = try #require(throws: MetricsFileError.self) { try Self.read(text) }
        #expect(error.exitStatus == .badInput)
        #expect(error.description.hasPrefix("m.json: " + message), "\(error.description)")
    }

    @Test("paths name array elements; huge but finite figures read as they are")
    func arraysAndHugeFigures() throws {
        let bad = try Self.edited { json in
            var desks = json["desks"] as! [String: Any]
            var daily = desks["daily"] as! [[String: Any]]
            daily[3]["people"] = -1
            desks["daily"] = daily
            json["desks"] = desks
        }
        let error = try #require(throws: MetricsFileError.self) { try MetricsDocument.read(bad, file: "m.json") }
        #expect(error.description.hasPrefix("m.json: desks.daily[3].people: -1 is not a count"))

        let huge = try Self.read(#"{"schema_version": 1, "period": {"from": "2026-11-16", "to": "2026-11-22"}, "#
                                 + #""desks": {"total": {"avg_daily_people": 1e300, "desk_utilization": 1.7e308}}}"#)
        #expect(huge.desks.total.avgDailyPeople == 1e300)
        #expect(Measure.averageDailyAttendance.text(in: huge) == "1" + String(repeating: ",000", count: 100) + ".0")
        #expect(Measure.deskUtilization.text(in: huge) == "—")  // 1.7e308 x 100 is past every double
    }

    @Test("a file that cannot be read is a runtime failure naming it")
    func unreadable() throws {
        let error = try #require(throws: MetricsFileError.self) { try MetricsDocument.read(contentsOf: "/nonexistent/metrics.json") }
        #expect(error.exitStatus == .runtime)
        #expect(error.description.hasPrefix("/nonexistent/metrics.json: cannot read ("))
    }
}

@Suite("headline measures")
struct MeasureTests {
    @Test("each measure's key is where metrics.json holds the value it reads; one written before the measure reads it as absent")
    func keys() throws {
        // The metrics.json the analytics stage writes today (its golden file).
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RobinAnalyticsTests/Fixtures/week/metrics.json")
        let older = try MetricsDocument.read(contentsOf: MetricsDocumentTests.compatibility)
        #expect(Measure.averageMeetingMinutes.value(in: older) == nil)
        #expect(Measure.averageMeetingMinutes.text(in: older) == "—")
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let document = try MetricsDocument.read(contentsOf: url.path)
        for measure in Measure.headline + Measure.index + Measure.commitSubject {
            var value: Any? = json
            for part in measure.key.split(separator: ".") { value = (value as? [String: Any])?[String(part)] }
            // Foundation's JSONSerialization may miss the last bit of a double; the reader does not.
            let number = try #require((value as? NSNumber)?.doubleValue, "\(measure.key)")
            let read = try #require(measure.value(in: document), "\(measure.key)")
            #expect(abs(read - number) <= 1e-12 * max(1, abs(number)), "\(measure.key)")
        }
        #expect(Set(Measure.headline.map(\.label)).count == Measure.headline.count)
    }

    @Test("changes: points for rates, percent for counts and means, a tone from the good direction")
    func changes() throws {
        let period = Period(from: LocalDate("2026-11-16")!, to: LocalDate("2026-11-22")!)!
        var before = MetricsDocument(period: period), now = MetricsDocument(period: period)
        before.desks.total.people = 50
        now.desks.total.people = 45
        before.desks.total.deskUtilization = 0.5
        now.desks.total.deskUtilization = 0.5004
        before.desks.total.noShowRate = 0.10
        now.desks.total.noShowRate = 0.12
        let people = try #require(Measure.peopleInOffice.change(from: before, to: now))
        #expect(people.text == "▼ 10.0%" && Measure.peopleInOffice.tone(of: people) == .bad)
        let desks = try #require(Measure.deskUtilization.change(from: before, to: now))
        #expect(desks.text == "● 0.0 pts" && Measure.deskUtilization.tone(of: desks) == .flat)
        let noShows = try #require(Measure.deskNoShowRate.change(from: before, to: now))
        #expect(noShows.text == "▲ 2.0 pts" && Measure.deskNoShowRate.tone(of: noShows) == .bad)
        #expect(Measure.averageDailyAttendance.change(from: before, to: now) == nil)  // absent in both
        before.desks.total.people = 0
        #expect(Measure.peopleInOffice.change(from: before, to: now) == nil)  // no base to compare with
        #expect(Measure.peopleInOffice.change(from: nil, to: now) == nil)
    }
}
