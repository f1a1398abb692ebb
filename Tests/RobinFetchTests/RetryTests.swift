import Foundation
import RobinFetch
import RobinModel
import RobinSimulator
import Testing

/// 5xx, dropped connections and truncated bodies are retried; what lands in
/// the cache is always complete.
struct RetryTests {
    @Test func serverErrorsResetsAndTruncatedBodiesAreRetried() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        let simulator = harness.simulator
        await simulator.inject(.serverError, on: .post, times: 2)
        await simulator.inject(.connectionReset, on: .post)
        await simulator.inject(.serverError, on: .get)
        await simulator.inject(.connectionReset, on: .get)
        await simulator.inject(.truncatedBody, on: .get, times: 2)
        let configuration = harness.configuration()
        let days = period("2026-11-16", "2026-11-17")

        let summary = try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger).fetch(days: days)

        #expect(summary.fetched == 4)
        #expect(summary.retries >= 5)  // a GET reset may be retried inside libcurl itself
        let log = await simulator.requestLog()
        #expect(log.contains { $0.isExportRequest && $0.status == 500 })
        #expect(log.contains { $0.isExportRequest && $0.status == 0 })
        #expect(log.contains { $0.method == "GET" && $0.status == 500 })
        #expect(log.contains { $0.method == "GET" && $0.status == 0 })
        let cache = ExportCache(configuration: configuration)
        for kind in ExportKind.allCases {
            for date in days.dates {
                let window = DayWindow(date: date, timeZone: configuration.timeZone)
                let expected = TinyDataSource().export(kind, fromUTC: window.fromUTC, toUTC: window.toUTC, locationIDs: nil)
                #expect(cache.read(kind: kind, date: date) == Data(expected.utf8))
            }
        }
    }

    @Test func retriesAreBounded() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.serverError, on: .post, times: 100)
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: harness.configuration(), logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-16", "2026-11-16"), kinds: [.desks])
        }
        let text = try #require(error).description
        #expect(text.contains("desks export for 2026-11-16"))
        #expect(text.contains("failed 4 times"))
        #expect(text.contains("HTTP 500"))
        let posts = await harness.simulator.requestLog().filter(\.isExportRequest)
        #expect(posts.count == 4)
    }
}
