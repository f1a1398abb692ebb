import Foundation
import RobinFetch
import RobinModel
import RobinSimulator
import Testing

/// The request timeout bounds the whole answer, and a body may not pass the
/// size cap, checked while it arrives.
struct DeadlineAndCapTests {
    @Test(.timeLimit(.minutes(1)))
    func aDrippingServerCannotOutlastTheRequestTimeout() async throws {
        // The day's CSV (about 1.5 KB) at 16 bytes a second would take 90 s. The
        // timeout leaves the POST, which is not slowed, time to finish on a busy machine.
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.drip(bytesPerSecond: 16), on: .get, times: 10)
        let configuration = harness.configuration(requestTimeout: .seconds(5), maxAttempts: 2)
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-17", "2026-11-17"), kinds: [.desks])
        }
        let text = try #require(error).description
        #expect(text.contains("GET failed 2 times"))
        #expect(text.contains("no complete answer within 5 s (--request-timeout)"))
        #expect(!ExportCache(configuration: configuration).contains(kind: .desks, date: LocalDate("2026-11-17")!))
    }

    @Test(.timeLimit(.minutes(1)))
    func anEndlessBodyStopsAtTheCap() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.endlessBody, on: .get)
        let configuration = harness.configuration(requestTimeout: .seconds(30), maxBodyBytes: 200_000)
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-17", "2026-11-17"), kinds: [.spaces])
        }
        let text = try #require(error).description
        #expect(text.contains("spaces export for 2026-11-17"))
        #expect(text.contains("passed 200000 bytes while arriving"))
        #expect(text.contains("--max-body-bytes"))
        let cache = ExportCache(configuration: configuration)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: cache.folder(kind: .spaces)))?.isEmpty ?? true)
    }

    @Test func anAnnouncedLengthOverTheCapIsRefusedBeforeReading() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let configuration = harness.configuration(maxBodyBytes: 500)
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-17", "2026-11-17"), kinds: [.desks])
        }
        let text = try #require(error).description
        #expect(text.contains("announces"))
        #expect(text.contains("over the body cap of 500 bytes"))
        let gets = await harness.simulator.requestLog().filter { $0.method == "GET" && $0.status == 200 }
        #expect(gets.count == 1)  // not retried: it would be as large again
    }
}
