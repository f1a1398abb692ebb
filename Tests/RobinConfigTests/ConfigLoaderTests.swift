import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinConfig

@Suite("Configuration")
struct ConfigLoaderTests {
    @Test("every key, read into settings")
    func everyKey() throws {
        let settings = try ConfigLoader.parse("""
            org_id = 42
            location_ids = [7, 3]
            timezone = "America/New_York"
            workweek = ["Mon", "Tue", "Wed", "Thu"]
            business_hours = { start = "08:30", end = "18:00" }
            min_group_size = 8
            output = "reports"
            cache = "/var/cache/robin"

            [policy]
            days_per_week = 2.5

            [buildings."HQ New York"]
            desks = 400
            rooms = 30

            [buildings."HQ New York".floors."3"]
            desks = 120

            [buildings.London]
            timezone = "Europe/London"
            """, file: "robin-report.toml")
        #expect(settings.organizationID == 42)
        #expect(settings.locationIDs == [7, 3])
        #expect(settings.timeZone == "America/New_York")
        #expect(settings.workweek == [1, 2, 3, 4])
        #expect(settings.businessHours == .init(start: 510, end: 1080))
        #expect(settings.minGroupSize == 8)
        #expect(settings.outputDirectory == "reports")
        #expect(settings.cacheDirectory == "/var/cache/robin")
        #expect(settings.daysPerWeek == 2.5)
        #expect(settings.buildings["HQ New York"] == .init(desks: 400, rooms: 30, floors: ["3": .init(desks: 120)]))
        #expect(settings.timeZone(ofBuilding: "London") == "Europe/London")
        #expect(settings.timeZone(ofBuilding: "Elsewhere") == "America/New_York")
    }

    @Test("an empty file gives the defaults")
    func defaults() throws {
        let settings = try ConfigLoader.parse("", file: "robin-report.toml")
        #expect(settings == Settings())
        #expect(settings.workweek == [1, 2, 3, 4, 5])
        #expect(settings.businessHours == .init(start: 540, end: 1020))
        #expect(settings.daysPerWeek == 3)
        #expect(settings.minGroupSize == 5)
    }

    @Test("errors name the file, the line and the key", arguments: [
        ("timezone = \"UTC\"\ntimzone = \"UTC\"\n",
         "c.toml:2: unknown key \"timzone\" (known here: org_id, location_ids, timezone, workweek, business_hours, closed_dates, min_group_size, output, cache, policy, targets, buildings, email, fetch, pdf, audiences)"),
        ("timezone = \"Mars/Olympus\"\n",
         "c.toml:1: timezone: \"Mars/Olympus\" is not a time zone (use an IANA id such as America/New_York)"),
        ("min_group_size = 0\n", "c.toml:1: min_group_size: must be a whole number above 0, not 0"),
        ("min_group_size = \"five\"\n", "c.toml:1: min_group_size: must be a whole number above 0, not \"five\""),
        ("[policy]\ndays_per_week = 9\n", "c.toml:2: policy.days_per_week: must be more than 0 and at most 7, not 9.0"),
        ("[policy]\ndays = 3\n", "c.toml:2: unknown key \"policy.days\" (known here: days_per_week)"),
        ("workweek = [\"Mon\", \"Funday\"]\n", "c.toml:1: workweek: weekdays are Mon, Tue, Wed, Thu, Fri, Sat, Sun, not \"Funday\""),
        ("business_hours = { start = \"17:00\", end = \"09:00\" }\n", "c.toml:1: business_hours: start must be before end"),
        ("business_hours = { start = \"9am\" }\n", "c.toml:1: business_hours.start: \"9am\" is not a time of day like \"09:00\""),
        ("[buildings.HQ]\ndesk = 3\n", "c.toml:2: unknown key \"buildings.HQ.desk\" (known here: timezone, desks, rooms, floors)"),
        ("[buildings.HQ.floors.\"3\"]\nrooms = -1\n", "c.toml:2: buildings.HQ.floors.3.rooms: must be a whole number from 0 to 1,000,000, not -1"),
    ])
    func errors(text: String, message: String) throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
        #expect(error.description == message)
    }

    @Test("an absurd inventory is a usage error naming the key (issue 8 row 2)", arguments: [
        ("[buildings.\"X\"]\ndesks = 9223372036854775807\n",
         "c.toml:2: buildings.X.desks: must be a whole number from 0 to 1,000,000, not 9223372036854775807"),
        ("[buildings.HQ]\nrooms = 1000001\n",
         "c.toml:2: buildings.HQ.rooms: must be a whole number from 0 to 1,000,000, not 1000001"),
        ("[buildings.HQ.floors.\"3\"]\ndesks = 5000000\n",
         "c.toml:2: buildings.HQ.floors.3.desks: must be a whole number from 0 to 1,000,000, not 5000000"),
    ])
    func absurdInventory(text: String, message: String) throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
        #expect(error.description == message)
        #expect(error.exitStatus == .usage)
    }

    @Test("an inventory of up to 1,000,000 is accepted")
    func largestInventory() throws {
        let settings = try ConfigLoader.parse("[buildings.HQ]\ndesks = 1000000\nrooms = 0\n", file: "c.toml")
        #expect(settings.buildings["HQ"] == .init(desks: 1_000_000, rooms: 0))
    }

    @Test("a NUL byte is an error naming its line and column, not the silent end of the file (issue 8 row 14)")
    func nulByte() throws {
        let text = "timezone = \"UTC\"\n# café\u{0}\ntimzone = \"UTC\"\n"
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "c.toml") }
        #expect(error.description == "c.toml:2:7: a NUL character (\\0) is not allowed in the configuration")
        #expect(error.exitStatus == .usage)
    }

    @Test("a NUL byte in a file on disk is found too")
    func nulByteInFile() throws {
        let file = try TempFile("org_id = 1\0\nbogus = 2\n", name: "robin-nul.toml")
        defer { file.remove() }
        let path = file.path
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.load(path: path) }
        #expect(error.description == "\(path):1:11: a NUL character (\\0) is not allowed in the configuration")
    }

    @Test("a TOML syntax error gives line and column")
    func syntax() throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse("org_id = 1\ntimezone = \n", file: "c.toml") }
        #expect(error.line == 2)
        #expect(error.column != nil)
        #expect(error.description.hasPrefix("c.toml:2:"))
    }

    @Test("a missing file is a clear error")
    func missingFile() throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.load(path: "/nonexistent/robin-report.toml") }
        #expect(error.description.hasPrefix("/nonexistent/robin-report.toml: cannot read"))
    }
}
