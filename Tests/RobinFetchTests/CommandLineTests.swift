import Foundation
import RobinFetch
import RobinModel
import RobinSimulator
import Testing
import RobinSynthetic
import RobinTestSupport

/// `robin-report fetch` and `simulate` as a user runs them: a child process
/// against a simulator on loopback.
struct CommandLineTests {
    private static let token = SimulatorHarness.token

    private func fetchArguments(_ harness: SimulatorHarness, cache: String, from: String, to: String) -> [String] {
        [
            "fetch", "--org", "42", "--from", from, "--to", to, "--timezone", "Europe/London",
            "--cache", cache, "--base-url", harness.baseURL.absoluteString, "--poll-interval", "0.1",
            "--posts-per-minute", "6", "--post-window", "1", "--backoff", "0.05", "--request-timeout", "5",
        ]
    }

    @Test func killedFetchResumesToTheSameBytes() async throws {
        let harness = try await SimulatorHarness.start(postLimit: 6, postWindow: .seconds(1), readiness: .milliseconds(200))
        defer { Task { await harness.stop() } }
        let environment = ["ROBIN_API_TOKEN": Self.token]
        let (from, to) = ("2025-03-24", "2025-04-02")  // 10 past days, across London's DST change
        var outputs: [String] = []

        // Start, then SIGKILL once a few days are stored.
        let killed = try ReportProcess.start(
            fetchArguments(harness, cache: "killed", from: from, to: to) + ["--verbose"],
            in: harness.folder,
            environment: environment
        )
        let killedRoot = (harness.folder as NSString).appendingPathComponent("killed/42/all")
        let deadline = ContinuousClock.now + .seconds(20)
        while SimulatorHarness.files(under: killedRoot).filter({ $0.key.hasSuffix(".csv") }).count < 4,
              ContinuousClock.now < deadline, killed.isRunning {
            try await Task.sleep(for: .milliseconds(10))
        }
        killed.kill(SIGKILL)
        let ended = try await killed.wait()
        outputs += [ended.stdout, ended.stderr]
        #expect(ended.signaled)
        let partial = SimulatorHarness.files(under: killedRoot).filter { $0.key.hasSuffix(".csv") }
        #expect(partial.count >= 4 && partial.count < 20, "killed after \(partial.count) of 20 exports")
        for (path, data) in partial {  // every .csv left behind is complete
            #expect(data == expectedCSV(path), "\(path) is not complete")
        }

        // Rerun: resumes, fetches only what is missing.
        let resumed = try await ReportProcess.run(fetchArguments(harness, cache: "killed", from: from, to: to), in: harness.folder, environment: environment)
        outputs += [resumed.stdout, resumed.stderr]
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("\(partial.count) from cache"))

        // An uninterrupted run for comparison.
        let clean = try await ReportProcess.run(fetchArguments(harness, cache: "clean", from: from, to: to), in: harness.folder, environment: environment)
        outputs += [clean.stdout, clean.stderr]
        #expect(clean.status == 0, "\(clean.stderr)")

        // Same CSV names (no temporaries left) and bytes. The fetch records
        // beside them hold each run's own clock time (and a CSV whose run was
        // killed before its record keeps none: its file time stands in).
        let resumedAll = SimulatorHarness.files(under: killedRoot)
        let cleanAll = SimulatorHarness.files(under: (harness.folder as NSString).appendingPathComponent("clean/42/all"))
        let resumedFiles = resumedAll.filter { !$0.key.hasSuffix(".fetched") }
        let cleanFiles = cleanAll.filter { !$0.key.hasSuffix(".fetched") }
        #expect(cleanFiles.count == 20)
        #expect(cleanAll.count == 40)  // each CSV with its record
        #expect(resumedFiles == cleanFiles)
        #expect(resumedAll.keys.allSatisfy { $0.hasSuffix(".csv") || $0.hasSuffix(".csv.fetched") })

        // The token is in no output and no cache file.
        for text in outputs {
            #expect(!text.contains(Self.token))
        }
        #expect(outputs.joined().contains("POST /v1.0/insights/exports/organizations/42/desks"))  // --verbose did log requests
        for data in resumedFiles.values {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.token))
        }
    }

    @Test func refusedTokenIsOneLineOnStderrAndExitCode1() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let wrong = "tok-WRONG-cli-5150"
        let result = try await ReportProcess.run(
            fetchArguments(harness, cache: "c", from: "2025-03-24", to: "2025-03-24") + ["--verbose"],
            in: harness.folder,
            environment: ["ROBIN_API_TOKEN": wrong]
        )
        #expect(result.status == 1)
        let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("robin-report:") }
        #expect(errorLines.count == 1)
        #expect(errorLines.first?.contains("HTTP 401") == true)
        #expect(!result.stderr.contains(wrong) && !result.stdout.contains(wrong))
    }

    @Test func tokenFromAFileAndBadRequestMessage() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let tokenFile = (harness.folder as NSString).appendingPathComponent("token")
        try Data((Self.token + "\n").utf8).write(to: URL(fileURLWithPath: tokenFile))
        let result = try await ReportProcess.run(
            fetchArguments(harness, cache: "c", from: "2025-03-24", to: "2025-03-24")
                + ["--token-file", tokenFile, "--location-ids", "1,999"],
            in: harness.folder
        )
        #expect(result.status == 1)
        #expect(result.stderr.contains("HTTP 400 Bad Request"))
        #expect(result.stderr.contains("unknown location_ids 999"))
        #expect(!result.stderr.contains(Self.token))
    }

    @Test func usageErrorsExitWith2() async throws {
        let folder = NSTemporaryDirectory()
        let fast = try await ReportProcess.run(
            ["fetch", "--org", "1", "--from", "2025-03-24", "--to", "2025-03-25", "--poll-interval", "2"],
            in: folder, environment: ["ROBIN_API_TOKEN": "x"]
        )
        #expect(fast.status == 2)
        #expect(fast.stderr.contains("--poll-interval"))
        let noToken = try await ReportProcess.run(["fetch", "--org", "1", "--from", "2025-03-24", "--to", "2025-03-25"], in: folder)
        #expect(noToken.status == 2)
        #expect(noToken.stderr.contains("ROBIN_API_TOKEN"))
        let badDate = try await ReportProcess.run(["fetch", "--org", "1", "--from", "2025-02-30", "--to", "2025-03-25"], in: folder)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("2025-02-30"))
    }

    @Test func helpDocumentsTheOptions() async throws {
        let help = try await ReportProcess.run(["fetch", "--help"], in: NSTemporaryDirectory())
        #expect(help.status == 0)
        for option in ["--org", "--from", "--to", "--location-ids", "--cache", "--base-url", "--poll-interval",
                       "--token-file", "--timezone", "--quiet", "--verbose", "ROBIN_API_TOKEN"] {
            #expect(help.stdout.contains(option), "\(option) missing from fetch --help")
        }
        let simulate = try await ReportProcess.run(["simulate", "--help"], in: NSTemporaryDirectory())
        for option in ["--port", "--seed", "--token", "--ready-after", "--posts-per-minute"] {
            #expect(simulate.stdout.contains(option), "\(option) missing from simulate --help")
        }
    }

    @Test func simulateServesAFetch() async throws {
        let scratch = try TemporaryFolder("robin-sim")
        defer { scratch.remove() }
        let folder = scratch.path
        let server = try ReportProcess.start(["simulate", "--token", "cli-sim-token", "--ready-after", "0.1", "--seed", "7"], in: folder)
        defer { server.kill(SIGTERM) }
        var baseURL = ""
        for _ in 0..<500 where baseURL.isEmpty {
            baseURL = server.stdout.split(separator: "\n").first.map(String.init) ?? ""
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(baseURL.hasPrefix("http://127.0.0.1:"))
        // The simulator serves the synthetic organisation of --seed 7: ask for its London building only.
        let organization = SyntheticOrganization(seed: 7)
        let london = organization.locationIDs[organization.buildingNames.firstIndex(of: "London")!]
        let fetch = try await ReportProcess.run(
            ["fetch", "--org", "3", "--from", "2025-03-24", "--to", "2025-03-25", "--base-url", baseURL,
             "--poll-interval", "0.1", "--cache", "c", "--location-ids", "\(london)"],
            in: folder, environment: ["ROBIN_API_TOKEN": "cli-sim-token"]
        )
        #expect(fetch.status == 0, "\(fetch.stderr)")
        let desks = try String(contentsOfFile: folder + "/c/3/\(london)/desks/2025-03-24.csv", encoding: .utf8)
        #expect(desks.hasPrefix(ExportKind.desks.documentedColumns.joined(separator: ",")))
        #expect(desks.contains(",London,") && !desks.contains("HQ New York"))
        #expect(!server.stderr.contains("cli-sim-token"))
    }

    /// What the simulator serves for a cache-relative path like `desks/2025-03-24.csv`.
    private func expectedCSV(_ relativePath: String) -> Data {
        let parts = relativePath.split(separator: "/")
        let kind = ExportKind(rawValue: String(parts[0]))!
        let date = LocalDate(parts[1].dropLast(4))!
        let window = DayWindow(date: date, timeZone: TimeZone(identifier: "Europe/London")!)
        return Data(TinyDataSource().export(kind, fromUTC: window.fromUTC, toUTC: window.toUTC, locationIDs: nil).utf8)
    }
}
