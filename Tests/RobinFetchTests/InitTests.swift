import Foundation
import RobinConfig
import RobinFetch
import RobinModel
import RobinSimulator
import RobinTestSupport
import RobinSynthetic
import Testing

/// `robin-report init --org ID`: the org's locations from the simulator, into
/// a commented configuration that `ConfigLoader` (so `report`) reads as it is.
struct InitTests {
    private static let token = SimulatorHarness.token

    private func runInit(_ harness: SimulatorHarness, _ extra: [String] = []) async throws -> TestProcess.Result {
        try await ReportProcess.run(
            ["init", "--org", "42", "--base-url", harness.baseURL.absoluteString] + extra,
            in: harness.folder, environment: ["ROBIN_API_TOKEN": Self.token]
        )
    }

    private func configPath(_ harness: SimulatorHarness) -> String {
        (harness.folder as NSString).appendingPathComponent("robin-report.toml")
    }

    @Test func writesAConfigThatLoadsWithTheSyntheticOrgsBuildings() async throws {
        let organization = SyntheticOrganization(seed: 3)
        let harness = try await SimulatorHarness.start(locations: SimulatedLocation.locations(of: organization))
        defer { Task { await harness.stop() } }

        let result = try await runInit(harness)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("robin-report.toml: organisation 42, 3 locations"))
        let text = try String(contentsOfFile: configPath(harness), encoding: .utf8)
        #expect(!text.contains(Self.token))
        let settings = try ConfigLoader.load(path: configPath(harness))
        #expect(settings.organizationID == 42)
        #expect(settings.locationIDs == organization.locationIDs)
        #expect(Set(settings.buildings.keys) == Set(organization.buildingNames))
        for (name, zone) in organization.buildingTimeZones {
            #expect(settings.timeZone(ofBuilding: name) == zone)
        }
        // Three zones, one each: the first location's is the org's.
        #expect(settings.timeZone == organization.buildingTimeZones[organization.buildingNames[0]])
        // Commented examples of the other settings; nothing else set.
        for example in ["# workweek", "# business_hours", "# min_group_size", "# [policy]", "# settle_hours", "# [email]"] {
            #expect(text.contains(example), "\(example) missing")
        }
        var defaults = Settings()
        defaults.organizationID = settings.organizationID
        defaults.locationIDs = settings.locationIDs
        defaults.timeZone = settings.timeZone
        defaults.buildings = settings.buildings
        #expect(settings == defaults)
        let log = await harness.simulator.requestLog()
        #expect(log.map(\.path) == ["/v1.0/organizations/42/locations"])
    }

    @Test func refusesToOverwriteWithoutForce() async throws {
        let harness = try await SimulatorHarness.start(locations: [SimulatedLocation(id: 7, name: "Annex", timeZone: "Europe/Paris")])
        defer { Task { await harness.stop() } }
        try Data("# mine\n".utf8).write(to: URL(fileURLWithPath: configPath(harness)))

        let refused = try await runInit(harness)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("robin-report.toml exists; pass --force"))
        #expect(try String(contentsOfFile: configPath(harness), encoding: .utf8) == "# mine\n")
        #expect(await harness.simulator.requestLog().isEmpty)  // refused before asking Robin

        let forced = try await runInit(harness, ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try ConfigLoader.load(path: configPath(harness)).buildings["Annex"]?.timeZone == "Europe/Paris")
        let names = try FileManager.default.contentsOfDirectory(atPath: harness.folder).filter { $0.hasSuffix(".tmp") }
        #expect(names.isEmpty)
    }

    @Test func hostileAndMissingFieldsRoundTrip() async throws {
        let hostile = "Tower \"B\" ] \\ [buildings.x]\nline = 2\t\u{1B}[31m"
        let harness = try await SimulatorHarness.start(locations: [
            SimulatedLocation(id: 11, name: hostile, timeZone: "Asia/Tokyo"),
            SimulatedLocation(id: 12, name: nil, timeZone: "Asia/Tokyo"),
            SimulatedLocation(id: 13, name: "No Zone", timeZone: nil),
            SimulatedLocation(id: 14, name: "Bad Zone", timeZone: "Mars/Olympus_Mons\n# injected"),
        ])
        defer { Task { await harness.stop() } }

        let result = try await runInit(harness, ["--config", "custom.toml"])

        #expect(result.status == 0, "\(result.stderr)")
        let path = (harness.folder as NSString).appendingPathComponent("custom.toml")
        let settings = try ConfigLoader.load(path: path)
        #expect(settings.locationIDs == [11, 12, 13, 14])
        #expect(settings.timeZone == "Asia/Tokyo")
        #expect(settings.buildings[hostile]?.timeZone == "Asia/Tokyo")
        #expect(settings.buildings["Location 12"]?.timeZone == "Asia/Tokyo")
        // No usable zone: the line is left commented, so the org's applies.
        #expect(settings.buildings["No Zone"] == Settings.Building())
        #expect(settings.buildings["Bad Zone"] == Settings.Building())
        #expect(settings.buildings.count == 4)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("\n# injected"))
        #expect(text.contains("Robin gave no time zone"))
    }

    @Test func followsEveryPage() async throws {
        let many = (1...230).map { SimulatedLocation(id: 1000 + $0, name: "Site \($0)", timeZone: "Europe/Berlin") }
        let harness = try await SimulatorHarness.start(locations: many)
        defer { Task { await harness.stop() } }
        let result = try await runInit(harness)
        #expect(result.status == 0, "\(result.stderr)")
        let settings = try ConfigLoader.load(path: configPath(harness))
        #expect(settings.locationIDs == many.map(\.id))
        #expect(settings.buildings.count == 230)
        #expect(await harness.simulator.requestLog().count == 3)  // pages of 100, 100 and 30
    }

    @Test func aRefusedTokenIsOneLineAndWritesNothing() async throws {
        let harness = try await SimulatorHarness.start(locations: [SimulatedLocation(id: 7, name: "Annex", timeZone: nil)])
        defer { Task { await harness.stop() } }
        let result = try await ReportProcess.run(
            ["init", "--org", "42", "--base-url", harness.baseURL.absoluteString],
            in: harness.folder, environment: ["ROBIN_API_TOKEN": "tok-wrong-init"]
        )
        #expect(result.status == 1)
        #expect(result.stderr.contains("HTTP 401"))
        #expect(!result.stderr.contains("tok-wrong-init"))
        #expect(!FileManager.default.fileExists(atPath: configPath(harness)))
    }

    @Test func theStarterConfigQuotesAnyName() throws {
        for name in ["plain", "a\"b", "back\\slash", "new\nline", "]", "tab\there", "\u{7F}\u{01}", "ünïcødé 東京"] {
            let text = StarterConfig(organizationID: 1, locations: [RobinLocation(id: 1, name: name, timeZone: "UTC")]).render()
            let settings = try ConfigLoader.parse(text, file: "starter.toml")
            #expect(settings.buildings[name]?.timeZone == "UTC", "\(name.debugDescription)")
        }
    }
}
