import Foundation
import RobinFetch
import RobinModel
import RobinSimulator
import Testing

/// Polling per Robin's guide: "poll until it no longer returns a 4xx". Any
/// 4xx but 401, 403 and 429 means "not ready" until the export's deadline;
/// 401 and 403 stop at once.
struct PollingTests {
    @Test(arguments: [400, 404, 409, 410, 422])
    func otherClientErrorsMeanNotReady(status: Int) async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.status(status), on: .get, times: 6)
        let summary = try await Fetcher(configuration: harness.configuration(maxAttempts: 2), logger: SimulatorHarness.logger)
            .fetch(days: period("2026-11-17", "2026-11-17"), kinds: [.desks])
        #expect(summary.fetched == 1)
        #expect(summary.retries == 0)  // polling on, not failures
        let gets = await harness.simulator.requestLog().filter { $0.method == "GET" }
        #expect(gets.filter { $0.status == status }.count == 6)
        #expect(gets.last?.status == 200)
    }

    @Test func notReadyUntilTheDeadlineNamesTheStatus() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.status(410), on: .get, times: 1000)
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: harness.configuration(deadline: .milliseconds(400)), logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-17", "2026-11-17"), kinds: [.desks])
        }
        #expect(error?.description.contains("still not ready (HTTP 410)") == true)
        #expect(error?.httpStatus == 410)
    }

    @Test(arguments: [401, 403])
    func aRefusedTokenStopsPollingAtOnce(status: Int) async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.status(status), on: .get, times: 100)
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: harness.configuration(), logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-17", "2026-11-17"), kinds: [.desks])
        }
        let text = try #require(error).description
        #expect(text.contains("HTTP \(status)"))
        #expect(text.contains("refused the API token"))
        #expect(error?.httpStatus == status)
        #expect(await harness.simulator.requestLog().filter { $0.method == "GET" }.count == 1)
    }
}
