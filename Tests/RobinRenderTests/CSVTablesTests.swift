import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinRender

/// tables/*.csv as a spreadsheet user gets them, read back with Python's csv module
/// (scripts/read_csv_tables.py): one file per table, UTF-8 with a BOM, CRLF, RFC 4180
/// quoting, plain numbers, names that cannot run as formulas.
@Suite("CSV tables")
struct CSVTablesTests {
    /// What read_csv_tables.py says about one file.
    struct Read: Decodable {
        var bom: Bool
        var crlf: Bool
        var rows: [[String]]

        /// The rows as heading -> cell.
        var records: [[String: String]] {
            rows.dropFirst().map { Dictionary(zip(rows[0], $0), uniquingKeysWith: { first, _ in first }) }
        }
    }

    /// `report` written to a new folder, read back by Python.
    static func read(_ report: RenderedReport) async throws -> [String: Read] {
        let output = try TemporaryFolder("robin-csv")
        defer { output.remove() }
        let folder = try ReportFolderWriter(outputDirectory: output.path).write(report)
        return try await ExternalTool.python("read_csv_tables.py", [folder], as: [String: Read].self)
    }

    @Test("one CSV per table, named after it, each with a BOM, CRLF and the report's figures as plain numbers")
    func fixtureWeek() async throws {
        let input = try await ReportFixture.week()
        let tables = try await Self.read(try ReportRenderer(templates: .builtIn()).render(input))
        // No booked-ahead.csv: the fixture's cache lacks the week ahead, and so does its report.
        #expect(tables.keys.sorted() == [
            "anchor-days.csv", "buildings.csv", "daily-attendance.csv", "departments.csv", "desk-capacity.csv",
            "exports-read.csv", "floors.csv", "headline-figures.csv", "meetings-by-host-department.csv",
            "room-bookings-by-hour.csv", "room-capacity.csv", "rooms.csv", "weekday-attendance.csv",
        ])
        for (name, table) in tables {
            #expect(table.bom, "\(name) has no byte-order mark")
            #expect(table.crlf, "\(name) does not end its lines in CRLF")
            #expect(table.rows.count >= 2 && Set(table.rows.map(\.count)).count == 1, "\(name): ragged rows")
        }

        let metrics = input.metrics
        let headline = try #require(tables["headline-figures.csv"])
        #expect(headline.rows[0].prefix(6) == ["Measure", "This period", "Note", "Previous", "Change", "Change unit"])
        #expect(headline.rows[0].suffix(8) == ArraySlice((40...47).map { "2026-W\($0)" }))
        let byMeasure = Dictionary(uniqueKeysWithValues: headline.records.map { ($0["Measure"]!, $0) })
        #expect(byMeasure["People in the office"]?["This period"] == "\(metrics.desks.total.people)")
        #expect(byMeasure["People in the office"]?["Change"] == "5800")
        #expect(byMeasure["People in the office"]?["Change unit"] == "%")
        #expect(byMeasure["Peak day attendance"]?["Note"] == "Tue 17 Nov")
        // A ratio is a percentage with two decimals, its change in points; a missing value is an empty cell.
        let utilization = try #require(metrics.desks.total.deskUtilization)
        #expect(byMeasure["Desk utilization (%)"]?["This period"] == CSVText.number(utilization * 100))
        #expect(byMeasure["Desk utilization (%)"]?["This period"] == "67.06")  // the report shows 67.1%
        #expect(byMeasure["Desk check-in rate (%)"]?["Change"] == "-14.04")  // ▼ 14.0 pts
        #expect(byMeasure["Room utilization (%)"]?["Previous"] == "")
        #expect(byMeasure["People in the office"]?["2026-W40"] == "" && byMeasure["People in the office"]?["2026-W47"] == "59")

        let buildings = try #require(tables["buildings.csv"]).records
        #expect(buildings.map { $0["Building"] } == ["HQ New York", "London", "Singapore"])
        for group in metrics.desks.byBuilding {
            let row = buildings.first { $0["Building"] == group.key["building"] }
            #expect(row?["People"] == "\(group.figures.people)")
            #expect(row?["Desk utilization (%)"] == CSVText.number(group.figures.deskUtilization.map { $0 * 100 }))
        }
        // Every room with a meeting, not only the report's ten; the hour grid has 7 rows of 24 hours.
        #expect(try #require(tables["rooms.csv"]).records.count == metrics.rooms.bySpace.filter { $0.figures.meetings > 0 }.count)
        #expect(try #require(tables["rooms.csv"]).records.count > 10)
        let hours = try #require(tables["room-bookings-by-hour.csv"])
        #expect(hours.rows.count == 8 && hours.rows[0].count == 25 && hours.rows[0][10] == "09:00 (%)")
        #expect(try #require(tables["daily-attendance.csv"]).rows[1] == ["2026-11-16", "Monday", "28", "\(metrics.desks.daily.first { $0.date.description == "2026-11-16" }!.desks)"])
        #expect(try #require(tables["exports-read.csv"]).rows[1] == ["Desk reservations", "7", "1245", "263", "2026-11-16", "2026-11-22"])
    }

    @Test("desk capacity, booked ahead and anchor days as plain numbers: ISO dates, a blank floor for a whole building, Busy as a word")
    func planningTables() async throws {
        let input = try await ReportFixture.weekWithInsights()
        let tables = try await Self.read(try ReportRenderer(templates: .builtIn()).render(input))
        let capacity = try #require(tables["desk-capacity.csv"])
        #expect(capacity.rows[0] == ["Building", "Floor", "Desks", "Peak desks used", "Peak date", "Peak occupancy (%)",
                                     "People per desk", "Status"])
        // Each building (Floor empty), then its floors.
        #expect(capacity.records.map { [$0["Building"]!, $0["Floor"]!] }.prefix(5) == [
            ["HQ New York", ""], ["HQ New York", "Floor 1"], ["HQ New York", "Floor 2"], ["HQ New York", "Floor 3"], ["London", ""],
        ])
        let singapore = try #require(input.metrics.capacity.byBuilding.first { $0.key["building"] == "Singapore" }?.figures)
        #expect(capacity.records.first { $0["Building"] == "Singapore" && $0["Floor"] == "" }
            == ["Building": "Singapore", "Floor": "", "Desks": "\(singapore.desks)", "Peak desks used": "\(singapore.peakDesksUsed)",
                "Peak date": "2026-11-17", "Peak occupancy (%)": "100", "People per desk": CSVText.number(singapore.sharingRatio),
                "Status": "At risk"])

        let ahead = try #require(tables["booked-ahead.csv"])
        #expect(ahead.rows[0] == ["Building", "Date", "Desks booked", "Desks", "Booked share (%)", "Busy"])
        #expect(ahead.records.count == 21)
        #expect(ahead.records.filter { $0["Busy"] == "yes" }.map { [$0["Building"]!, $0["Date"]!, $0["Booked share (%)"]!] }
            == [["London", "2026-11-24", "100"]])

        let anchors = try #require(tables["anchor-days.csv"])
        #expect(anchors.rows[0] == ["Department", "People", "Mon (%)", "Tue (%)", "Wed (%)", "Thu (%)", "Fri (%)", "Anchor day",
                                    "Anchor share (%)", "Co-presence (%)"])
        #expect(anchors.records.first { $0["Department"] == "Engineering" }?["Wed (%)"] == "87.5")
        #expect(anchors.records.first { $0["Department"] == "Engineering" }?["Anchor day"] == "Wednesday")
    }

    @Test("accents, commas, quotes and line breaks survive; names that look like formulas get a leading '")
    func names() async throws {
        let names = ["Zürich Büro", "São Paulo, \"Main\"", "=HYPERLINK(\"http://evil\";\"x\")", "+41 Floor", "-2 Basement",
                     "@SUM(A1)", "Line\nBreak", "Ünïcödé 東京"]
        let tables = try await Self.read(try await InjectionTests.report(names: names))
        let buildings = try #require(tables["buildings.csv"]).records.map { $0["Building"] ?? "" }
        // In the report's order; a line break inside a name is quoted data, not a new record.
        #expect(buildings == ["'+41 Floor", "'-2 Basement", "'=HYPERLINK(\"http://evil\";\"x\")", "'@SUM(A1)", "Line\nBreak",
                              "São Paulo, \"Main\"", "Zürich Büro", "Ünïcödé 東京"])
        let rooms = try #require(tables["rooms.csv"]).records
        #expect(rooms.contains { $0["Room"] == "'@SUM(A1)" && $0["Building"] == "'@SUM(A1)" && $0["Floor"] == "'@SUM(A1)" })
        #expect(!rooms.contains { ($0["Room"] ?? "").hasPrefix("=") || ($0["Building"] ?? "").hasPrefix("+") })
        // Numbers are never changed: a negative change stays a number.
        #expect(CSVText.line([.number("-3.5"), .text("-3.5")]) == "-3.5,'-3.5\r\n")
    }

    @Test("RFC 4180 quoting, plain numbers, slugs")
    func encoding() {
        #expect(CSVText.line([.text("a,b"), .text("say \"hi\""), .text("two\nlines"), .text("plain")])
            == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n")
        #expect(CSVText.document(header: ["A"], rows: [[.number("1")]]) == "\u{FEFF}A\r\n1\r\n")
        #expect([0.6712328, 32.8, 59, 1234567.891, -0.001, 0].map { CSVText.number($0) }
            == ["0.67", "32.8", "59", "1234567.89", "0", "0"])
        #expect(CSVText.number(nil) == "" && CSVText.number(.nan) == "")
        #expect(CSVText.defused("\tcmd") == "'\tcmd" && CSVText.defused("a=b") == "a=b")
        #expect(ReportTable.slug("Headline figures") == "headline-figures")
        #expect(ReportTable.slug("Meetings by host department") == "meetings-by-host-department")
        #expect(ReportTable.slug("  Zürich -- 2026 ") == "z-rich-2026")
    }
}
