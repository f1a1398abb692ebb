import Foundation
import RobinFetch
import RobinModel
import RobinSimulator
import Testing

/// The token goes only to the configured origin: a redirect to another port
/// (or host, or scheme) is refused, never followed with the Access-Token.
struct RedirectTests {
    /// A second server on another loopback port that records whatever reaches it.
    private func otherServer() async throws -> RobinAPISimulator {
        let other = RobinAPISimulator(
            configuration: SimulatorConfiguration(tokens: [SimulatorHarness.token]), dataSource: TinyDataSource()
        )
        try await other.start()
        return other
    }

    @Test(arguments: [SimulatedFault.Target.get, .post])
    func redirectToAnotherPortIsRefusedAndTheTokenNeverGoesThere(target: SimulatedFault.Target) async throws {
        let harness = try await SimulatorHarness.start()
        let other = try await otherServer()
        defer { Task { await harness.stop(); await other.stop() } }
        let otherPort = try #require(await other.port)
        await harness.simulator.inject(.redirect(port: otherPort), on: target)
        let configuration = harness.configuration()

        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-16", "2026-11-16"), kinds: [.desks])
        }

        #expect(await other.requestLog().isEmpty, "a request reached the other origin")
        let text = try #require(error).description
        #expect(text.contains("desks export for 2026-11-16"))
        #expect(text.contains("HTTP 302"))
        #expect(text.contains("http://127.0.0.1:\(otherPort)"))
        #expect(text.contains("refused"))
        #expect(!text.contains(SimulatorHarness.token))
        #expect(error?.httpStatus == 302)
        // Nothing of the redirect's body is cached, and it is not retried.
        #expect(!ExportCache(configuration: configuration).contains(kind: .desks, date: LocalDate("2026-11-16")!))
        let log = await harness.simulator.requestLog()
        #expect(log.filter { $0.status == 302 }.count == 1)
    }

    @Test func redirectWithinTheSameOriginIsNotFollowedEither() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.redirect(port: try #require(await harness.simulator.port)), on: .get)
        let error = await #expect(throws: FetchError.self) {
            try await Fetcher(configuration: harness.configuration(), logger: SimulatorHarness.logger)
                .fetch(days: period("2026-11-16", "2026-11-16"), kinds: [.spaces])
        }
        #expect(error?.description.contains("a redirect within http://127.0.0.1:") == true)
        #expect(error?.description.contains("follows no redirects") == true)
        let log = await harness.simulator.requestLog()
        #expect(log.filter { $0.method == "GET" }.count == 1)  // the redirect, not a followed GET
    }
}
