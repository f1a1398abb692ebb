import Foundation
import RobinFetch
import RobinModel
import RobinSimulator
import Testing

/// A 200 that is not the export's complete CSV (an HTML error page, a JSON
/// envelope, an empty body, a body cut short with or without Content-Length)
/// is a failed attempt: retried, never cached.
struct IncompleteBodyTests {
    static let badBodies: [SimulatedFault] = [.htmlBody, .jsonBody, .emptyBody, .cutWithoutLength, .truncatedBody]

    @Test(arguments: badBodies)
    func aBadBodyIsRetriedAndTheRightOneCached(fault: SimulatedFault) async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(fault, on: .get, times: 2)
        let configuration = harness.configuration()
        let date = LocalDate("2026-11-17")!

        let summary = try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger)
            .fetch(days: period("2026-11-17", "2026-11-17"), kinds: [.spaces])

        #expect(summary.fetched == 1)
        #expect(summary.retries >= 2)
        let window = DayWindow(date: date, timeZone: configuration.timeZone)
        let expected = TinyDataSource().export(.spaces, fromUTC: window.fromUTC, toUTC: window.toUTC, locationIDs: nil)
        #expect(ExportCache(configuration: configuration).read(kind: .spaces, date: date) == Data(expected.utf8))
        let successes = await harness.simulator.requestLog().filter { $0.method == "GET" && $0.status == 200 }
        #expect(successes.count == 3)  // two bad 200s, then the CSV
    }

    @Test(arguments: badBodies)
    func aBadBodyEveryTimeFailsTheFetchAndCachesNothing(fault: SimulatedFault) async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(fault, on: .get, times: 10)
        let configuration = harness.configuration(maxAttempts: 3)
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-17", "2026-11-17"), kinds: [.desks])
        }
        let text = try #require(error).description
        #expect(text.contains("desks export for 2026-11-17"))
        #expect(text.contains("GET failed 3 times"))
        let cache = ExportCache(configuration: configuration)
        #expect(!cache.contains(kind: .desks, date: LocalDate("2026-11-17")!))
        // No temporary is left behind either.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cache.folder(kind: .desks))) ?? []
        #expect(names.isEmpty, "\(names)")
    }

    @Test func theMessageSaysWhatTheBodyWas() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.htmlBody, on: .get, times: 10)
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: harness.configuration(maxAttempts: 2), logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-17", "2026-11-17"), kinds: [.desks])
        }
        let text = try #require(error).description
        #expect(text.contains("HTTP 200, but the body is not the desks export's CSV"))
        #expect(text.contains("<!DOCTYPE html>"))
    }
}
