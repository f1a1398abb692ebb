import Foundation
import RobinFetch
import RobinModel
import RobinSimulator
import RobinTestSupport
import Testing

/// `simulate --fault TARGET:KIND[=ARG][xN]` and `--fault-rate`, for shell-driven fault tests.
struct FaultSpecTests {
    @Test(arguments: [
        ("post:429=2x5", SimulatedFault.tooManyRequests(retryAfter: 2), SimulatedFault.Target.post, 5),
        ("get:429", .tooManyRequests(retryAfter: 1), .get, 1),
        ("get:500x3", .serverError, .get, 3),
        ("post:503", .status(503), .post, 1),
        ("get:reset", .connectionReset, .get, 1),
        ("get:cut", .truncatedBody, .get, 1),
        ("get:cut-no-length", .cutWithoutLength, .get, 1),
        ("get:redirect=8081x2", .redirect(port: 8081), .get, 2),
        ("get:drip=16", .drip(bytesPerSecond: 16), .get, 1),
        ("get:html", .htmlBody, .get, 1),
        ("get:json", .jsonBody, .get, 1),
        ("GET:empty", .emptyBody, .get, 1),
        ("get:endless", .endlessBody, .get, 1),
        ("post:slow-ready=30", .slowReadiness(.seconds(30)), .post, 1),
    ])
    func specsParse(text: String, fault: SimulatedFault, target: SimulatedFault.Target, times: Int) throws {
        let spec = try FaultSpec(parsing: text)
        #expect(spec.fault == fault)
        #expect(spec.target == target)
        #expect(spec.times == times)
    }

    @Test(arguments: ["500", "put:500", "get:", "get:teapot", "get:429=soon", "get:drip", "post:html", "get:slow-ready=3",
                      "get:reset=1", "get:redirect=70000", "get:500x0", "get:200"])
    func badSpecsAreRefused(text: String) {
        #expect(throws: FaultSpec.Invalid.self) { try FaultSpec(parsing: text) }
    }

    @Test func simulateTakesFaultsFromTheCommandLine() async throws {
        let scratch = try TemporaryFolder("robin-faults")
        defer { scratch.remove() }
        let folder = scratch.path
        let server = try ReportProcess.start(
            ["simulate", "--token", "fault-token", "--ready-after", "0.05", "--verbose",
             "--fault", "post:429=1x2", "--fault", "get:html", "--fault", "get:cut-no-length", "--fault", "get:503"],
            in: folder
        )
        defer { server.kill(SIGTERM) }
        var baseURL = ""
        for _ in 0..<500 where baseURL.isEmpty {
            baseURL = server.stdout.split(separator: "\n").first.map(String.init) ?? ""
            try await Task.sleep(for: .milliseconds(10))
        }
        let fetch = try await ReportProcess.run(
            ["fetch", "--org", "3", "--from", "2025-03-24", "--to", "2025-03-24", "--base-url", baseURL,
             "--poll-interval", "0.05", "--backoff", "0.05", "--cache", "c"],
            in: folder, environment: ["ROBIN_API_TOKEN": "fault-token"]
        )
        #expect(fetch.status == 0, "\(fetch.stderr)")
        #expect(fetch.stdout.contains("2 exports: 2 fetched"))
        let log = server.stderr
        #expect(log.components(separatedBy: "-> 429").count - 1 >= 2)
        #expect(log.contains("-> 503"))
        // A body fault answers 200: the log names it, so a fault-injection run can count what it survived.
        #expect(log.contains("-> 200 (html)"))
        #expect(log.contains("-> 200 (cut-no-length)"))
        #expect(log.components(separatedBy: "GET /v1.0/insights/exports/").count - 1 >= 5)  // 3 bad answers, 2 CSVs
        for kind in ["desks", "spaces"] {
            let csv = try String(contentsOfFile: folder + "/c/3/all/\(kind)/2025-03-24.csv", encoding: .utf8)
            #expect(csv.hasPrefix(ExportKind(rawValue: kind)!.documentedColumns.joined(separator: ",")))
            #expect(!csv.contains("<html>"))
        }
    }

    @Test func randomFaultsAreSurvivedByRetrying() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.setRandomFaults(RandomFaults(rate: 0.3, seed: 11))
        let configuration = harness.configuration(maxAttempts: 8)
        let summary = try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger)
            .fetch(days: period("2026-11-16", "2026-11-19"))
        #expect(summary.fetched == 8)
        let log = await harness.simulator.requestLog()
        #expect(log.contains { $0.status != 200 && $0.status != 202 && $0.status != 404 })  // some faults were drawn
        let cache = ExportCache(configuration: configuration)
        for kind in ExportKind.allCases {
            for date in period("2026-11-16", "2026-11-19").dates {
                let window = DayWindow(date: date, timeZone: configuration.timeZone)
                let expected = TinyDataSource().export(kind, fromUTC: window.fromUTC, toUTC: window.toUTC, locationIDs: nil)
                #expect(cache.read(kind: kind, date: date) == Data(expected.utf8))
            }
        }
    }

    @Test func simulateHelpDocumentsTheFaults() async throws {
        let help = try await ReportProcess.run(["simulate", "--help"], in: NSTemporaryDirectory())
        for text in ["--fault", "TARGET:KIND", "--fault-rate", "--fault-kinds", "--fault-seed", "cut-no-length", "redirect=PORT", "drip="] {
            #expect(help.stdout.contains(text), "\(text) missing from simulate --help")
        }
        let bad = try await ReportProcess.run(["simulate", "--fault", "get:teapot"], in: NSTemporaryDirectory())
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown kind \"teapot\""))
    }
}
