import Foundation
import Testing
import RobinModel
import RobinPipeline
import RobinTestSupport

/// Audience reports written by the real stages, compared with the groups of
/// the organisation's report of the same run: an audience's `total` is the
/// matching group, figure for figure.
@Suite("audience scoping")
struct AudienceScopingTests {
    /// The group of `list` whose `key` is `value`, without its key field.
    static func group(_ metrics: [String: Any], _ kind: String, _ list: String, _ key: String, _ value: String) -> NSDictionary? {
        let groups = (metrics[kind] as? [String: Any])?[list] as? [[String: Any]]
        guard var group = groups?.first(where: { $0[key] as? String == value }) else { return nil }
        group[key] = nil
        return group as NSDictionary
    }

    static func total(_ metrics: [String: Any], _ kind: String) -> NSDictionary? {
        ((metrics[kind] as? [String: Any])?["total"] as? [String: Any]).map { $0 as NSDictionary }
    }

    /// The values of `key` in the groups of `list`.
    static func keys(_ metrics: [String: Any], _ kind: String, _ list: String, _ key: String) -> [String] {
        ((metrics[kind] as? [String: Any])?[list] as? [[String: Any]] ?? []).compactMap { $0[key] as? String }
    }

    @Test("an audience of one building has that building's desk and room figures; one of a department, that department's")
    func totalsMatchTheOrganisationsGroups() async throws {
        var fixture = try PipelineFixture()
        defer { fixture.remove() }
        let singapore = Audience(name: "Singapore", buildings: ["Singapore"])
        fixture.settings.audiences = [.london, singapore, .engineering,
                                      Audience(name: "NY builders", buildings: ["HQ New York"], departments: ["Engineering", "Product"])]
        // A configured inventory: the building's group counts against it, and so does its audience.
        fixture.settings.buildings["London"]?.desks = 40
        fixture.settings.buildings["London"]?.rooms = 9
        let written = try await fixture.job().run()
        let output = fixture.settings.outputDirectory
        #expect(written.map(\.folder) == ["2026-W47", "2026-W47/audiences/london-site", "2026-W47/audiences/singapore",
                                          "2026-W47/audiences/engineering", "2026-W47/audiences/ny-builders"]
            .map { output + "/" + $0 })

        let organization = try fixture.metrics("2026-W47")
        for (folder, building) in [("london-site", "London"), ("singapore", "Singapore")] {
            let audience = try fixture.metrics("2026-W47/audiences/" + folder)
            let desks = try #require(Self.group(organization, "desks", "by_building", "building", building))
            let rooms = try #require(Self.group(organization, "rooms", "by_building", "building", building))
            #expect(Self.total(audience, "desks") == desks, "desks of \(building)")
            #expect(Self.total(audience, "rooms") == rooms, "rooms of \(building)")
            #expect(Self.keys(audience, "desks", "by_building", "building") == [building])
            #expect((audience["desks"] as? [String: Any])?["by_floor"] as? NSArray
                    == (((organization["desks"] as? [String: Any])?["by_floor"] as? [[String: Any]])?
                        .filter { $0["building"] as? String == building }) as NSArray?)
        }
        #expect((Self.total(try fixture.metrics("2026-W47/audiences/london-site"), "desks")?["desks_seen"] as? Int) == 40)

        let engineering = try fixture.metrics("2026-W47/audiences/engineering")
        #expect(Self.total(engineering, "desks") == Self.group(organization, "desks", "by_department", "department", "Engineering"))
        #expect(Self.total(engineering, "rooms") == Self.group(organization, "rooms", "by_department", "department", "Engineering"))
        #expect(Self.keys(engineering, "desks", "by_department", "department") == ["Engineering"])

        // Both: the two departments' rows in New York, no other building or department.
        let both = try fixture.metrics("2026-W47/audiences/ny-builders")
        #expect(Self.keys(both, "desks", "by_building", "building") == ["HQ New York"])
        #expect(Set(Self.keys(both, "desks", "by_department", "department")).isSubset(of: ["Engineering", "Product", "(small teams)"]))
        let reservations = { (metrics: [String: Any]) in Self.total(metrics, "desks")?["reservations"] as? Int ?? -1 }
        let newYork = try #require(Self.group(organization, "desks", "by_building", "building", "HQ New York")?["reservations"] as? Int)
        #expect(reservations(both) > 0 && reservations(both) < newYork)
        #expect(reservations(both) < reservations(engineering)
            + (Self.group(organization, "desks", "by_department", "department", "Product")?["reservations"] as? Int ?? 0))
    }

    @Test("the audience's name is in its title and its metrics.json; previous, trend and insights are its own")
    func nameAndHistory() async throws {
        var fixture = try PipelineFixture()
        defer { fixture.remove() }
        fixture.settings.audiences = [Audience(name: "London <site> & *co*", slug: "london", buildings: ["London"])]
        try await fixture.job().run()
        let folder = fixture.settings.outputDirectory + "/2026-W47/audiences/london"
        let metrics = try fixture.metrics("2026-W47/audiences/london")
        #expect(metrics["audience"] as? NSDictionary == ["name": "London <site> & *co*", "slug": "london"] as NSDictionary)
        #expect(try fixture.metrics("2026-W47")["audience"] == nil)
        let previous = try #require(metrics["previous"] as? [String: Any])
        #expect((previous["period"] as? [String: Any])?["from"] as? String == "2026-11-09")
        #expect(previous["audience"] == nil)
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# Workplace report: London \\<site\\> \\& \\*co\\*, Week 47, 2026\n"))
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("<title>Workplace report: London &lt;site&gt; &amp; *co*, Week 47, 2026</title>"))
        #expect(html.contains("<h1>Workplace report: London &lt;site&gt; &amp; *co*, Week 47, 2026</h1>"))
        // Its breakdowns hold its own building only.
        #expect(markdown.contains("| London |") && !markdown.contains("| Singapore |") && !markdown.contains("| HQ New York |"))

        // The index lists the audience by name, right under its period.
        let index = try String(contentsOfFile: fixture.settings.outputDirectory + "/index.md", encoding: .utf8)
        let rows = index.split(separator: "\n").filter { $0.hasPrefix("| [") || $0.hasPrefix("| ↳") }
        #expect(rows.count == 2)
        #expect(rows.last?.hasPrefix("| ↳ [London \\<site\\> \\& \\*co\\*](2026-W47/audiences/london/report.md) |") == true)
    }

    @Test("an audience that matches none of the period's rows is an error naming it and the period; nothing is written")
    func emptyAudience() async throws {
        var fixture = try PipelineFixture()
        defer { fixture.remove() }
        fixture.settings.audiences = [.london, Audience(name: "Paris", buildings: ["Paris", "Lyon"])]
        let error = await #expect(throws: PipelineError.self) { try await fixture.job().run() }
        #expect(error?.description == "audience \"Paris\" matches no desk reservation or room event in Week 47, 2026: "
            + "buildings \"Paris\", \"Lyon\" (the exports' buildings: \"HQ New York\", \"London\", \"Singapore\"); "
            + "check its buildings and departments in the configuration")
        #expect(error?.exitStatus == .usage)
        #expect(FolderSnapshot.files(under: fixture.settings.outputDirectory + "/2026-W47") == nil)

        fixture.settings.audiences = [Audience(name: "Legal", departments: ["Legal"])]
        let departments = await #expect(throws: PipelineError.self) { try await fixture.job().run() }
        #expect(departments?.description.hasPrefix("audience \"Legal\" matches no desk reservation or room event in Week 47, 2026: "
            + "departments \"Legal\" (the exports' departments: \"(no department)\", \"Customer Success\",") == true)
    }

    @Test("an audience of a department with fewer people than min_group_size is refused: the org report folds it")
    func smallAudience() async throws {
        var fixture = try PipelineFixture()
        defer { fixture.remove() }
        fixture.settings.audiences = [Audience(name: "Design", departments: ["Design"])]
        let error = await #expect(throws: PipelineError.self) { try await fixture.job().run() }
        #expect(error?.description.hasPrefix("audience \"Design\" has 2 people in the office in Week 47, 2026, fewer than min_group_size (5)") == true)
        // The organisation's report folds it too.
        fixture.settings.audiences = []
        try await fixture.job().run()
        #expect(AudienceScopingTests.keys(try fixture.metrics("2026-W47"), "desks", "by_department", "department").contains("Design") == false)
    }

    @Test("a rerun replaces the period's folder with its audiences: an audience no longer configured is gone; --audience replaces only its own")
    func replacement() async throws {
        var fixture = try PipelineFixture()
        defer { fixture.remove() }
        fixture.settings.audiences = [.london, .engineering]
        try await fixture.job().run()
        let period = fixture.settings.outputDirectory + "/2026-W47"
        // Markers that a replacement of each folder removes.
        for folder in [period, period + "/audiences/london-site", period + "/audiences/engineering"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/marker"))
        }
        try await fixture.job(only: "London site").run()
        #expect(!FileManager.default.fileExists(atPath: period + "/audiences/london-site/marker"))
        #expect(FileManager.default.fileExists(atPath: period + "/audiences/london-site/report.html"))
        #expect(FileManager.default.fileExists(atPath: period + "/marker"))
        #expect(FileManager.default.fileExists(atPath: period + "/audiences/engineering/marker"))

        fixture.settings.audiences = [.london]
        let written = try await fixture.job().run()
        #expect(written.count == 2)
        #expect(!FileManager.default.fileExists(atPath: period + "/marker"))
        #expect(!FileManager.default.fileExists(atPath: period + "/audiences/engineering"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: period + "/audiences") == ["london-site"])
        #expect(FolderSnapshot.temporaries(under: fixture.settings.outputDirectory).isEmpty)
    }
}
