import Foundation
import Testing
import RobinModel
import RobinTestSupport

private let cli = CommandRunner()

/// `metrics --history N --forward`: previous, insights and forward from local files.
@Suite("metrics --history and --forward")
struct MetricsHistoryCommandTests {
    /// Six people at HQ every workday from 2026-10-26 to 2026-12-04 (4 weeks, the week of 11-23
    /// and the days ahead), and on the Tuesday ahead (2026-11-24) six more bookings.
    static func desks() throws -> TempFile {
        var csv = ExportCSV(.desks)
        var id = 0
        var date = LocalDate("2026-10-26")!
        while date <= LocalDate("2026-12-04")! {
            let people = date.isoWeekday > 5 ? 0 : date == LocalDate("2026-11-24")! ? 12 : 6
            for person in 0..<people {
                id += 1
                csv.add(["Building": "HQ", "Floor": "1", "Desk ID": "D\(person % 6)", "Reservation ID": "\(id)",
                         "Type": "hoteled", "Start (UTC)": "\(date) 09:00:00", "Hour Duration": "8",
                         "Assignee Email": "p\(person)@example.com", "Assignee Department": "Eng"])
            }
            date = date.adding(days: 1)
        }
        return try csv.file(name: "desks.csv")
    }

    static func json(_ arguments: [String], desks: TempFile) async throws -> (String, [String: Any]) {
        let result = try await cli.run(["metrics", "--desks", desks.path, "--json", "--min-group-size", "3"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result.stdout, try #require(object))
    }

    @Test("without them: no previous, no insights, no forward; capacity and colocation are there")
    func alone() async throws {
        let desks = try Self.desks()
        defer { desks.remove() }
        let (_, object) = try await Self.json(["--from", "2026-11-16", "--to", "2026-11-22"], desks: desks)
        #expect(object["previous"] is NSNull && object["forward"] is NSNull)
        #expect((object["insights"] as? [Any])?.isEmpty == true)
        #expect(((object["capacity"] as? [String: Any])?["by_building"] as? [Any])?.count == 1)
    }

    @Test("previous is the week before, a busy day ahead is found, and two runs print the same bytes")
    func week() async throws {
        let desks = try Self.desks()
        defer { desks.remove() }
        let arguments = ["--from", "2026-11-16", "--to", "2026-11-22", "--history", "3", "--forward"]
        let (text, object) = try await Self.json(arguments, desks: desks)
        let previous = try #require(object["previous"] as? [String: Any])
        #expect((previous["period"] as? [String: Any])?["from"] as? String == "2026-11-09")
        let forward = try #require(object["forward"] as? [String: Any])
        #expect(forward["from"] as? String == "2026-11-23" && forward["to"] as? String == "2026-11-29")
        let insights = try #require(object["insights"] as? [[String: Any]])
        // 12 bookings for HQ's 6 desks on the Tuesday ahead; HQ's 6 desks are full every workday.
        #expect(insights.contains { $0["kind"] as? String == "busy_day" && $0["date"] as? String == "2026-11-24"
            && $0["booked_share"] as? Double == 2 })
        #expect(insights.contains { $0["kind"] as? String == "capacity" && $0["status"] as? String == "at_risk" })
        #expect(!insights.contains { $0["kind"] as? String == "mover" })  // the same every week
        #expect(!text.contains("@example.com"))  // no insight (nor anything else) names a person
        // Another process (its own hash seed) prints exactly the same document.
        #expect(try await Self.json(arguments, desks: desks).0 == text)
    }

    @Test("a whole month's previous is the calendar month before; other ranges step by their length")
    func steps() async throws {
        let desks = try Self.desks()
        defer { desks.remove() }
        let (_, month) = try await Self.json(["--from", "2026-11-01", "--to", "2026-11-30", "--history", "1"], desks: desks)
        let monthPrevious = (month["previous"] as? [String: Any])?["period"] as? [String: Any]
        #expect(monthPrevious?["from"] as? String == "2026-10-01" && monthPrevious?["to"] as? String == "2026-10-31")
        let (_, range) = try await Self.json(["--from", "2026-11-10", "--to", "2026-11-19", "--history", "0"], desks: desks)
        #expect(range["previous"] is NSNull)
        let (_, ranged) = try await Self.json(["--from", "2026-11-10", "--to", "2026-11-19", "--history", "1"], desks: desks)
        let rangePrevious = (ranged["previous"] as? [String: Any])?["period"] as? [String: Any]
        #expect(rangePrevious?["from"] as? String == "2026-10-31" && rangePrevious?["to"] as? String == "2026-11-09")
    }

    @Test("--history out of range is a usage error (exit 2)", arguments: ["-1", "121", "many"])
    func badHistory(value: String) async throws {
        let result = try await cli.run(["metrics", "--desks", "x.csv", "--from", "2026-11-16", "--to", "2026-11-22",
                                  "--history=\(value)"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--history"))
    }
}
