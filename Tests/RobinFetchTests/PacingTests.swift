import Foundation
import RobinFetch
import RobinModel
import RobinSimulator
import Testing

/// The POST budget and 429 handling, with the 60 s window scaled down.
struct PacingTests {
    @Test func noPostInsideRetryAfter() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { await harness.stop() } }
        await harness.simulator.inject(.tooManyRequests(retryAfter: 2), on: .post)

        let summary = try await Fetcher(configuration: harness.configuration(), logger: SimulatorHarness.logger)
            .fetch(days: period("2026-11-16", "2026-11-18"))

        #expect(summary.fetched == 6)
        let posts = await harness.simulator.requestLog().filter(\.isExportRequest)
        let limited = try #require(posts.first { $0.status == 429 })
        let inside = posts.filter { $0.at > limited.at && $0.at < limited.at + .seconds(2) }
        #expect(inside.isEmpty, "POSTs inside the Retry-After window: \(inside.count)")
        #expect(posts.filter { $0.status == 202 }.count == 6)
    }

    @Test func serverSideLimitIsHonouredWithoutTryingIt() async throws {
        // The client is told 30 per window, the server allows 3: the client
        // must recover from the 429s through Retry-After.
        let harness = try await SimulatorHarness.start(postLimit: 3, postWindow: .seconds(1))
        defer { Task { await harness.stop() } }
        let summary = try await Fetcher(configuration: harness.configuration(), logger: SimulatorHarness.logger)
            .fetch(days: period("2026-11-16", "2026-11-18"))
        #expect(summary.fetched == 6)
        let posts = await harness.simulator.requestLog().filter(\.isExportRequest)
        #expect(posts.filter { $0.status == 202 }.count == 6)
    }

    @Test func noScaledSixtyOneSecondWindowHasMoreThanTheLimit() async throws {
        // Scale: 60 s -> 1 s, so Robin's "no 61 s window with more than 30"
        // becomes "no 61/60 s window with more than 4".
        let limit = 4
        let harness = try await SimulatorHarness.start(postLimit: limit, postWindow: .seconds(1))
        defer { Task { await harness.stop() } }
        let configuration = harness.configuration(postLimit: limit, postWindow: .seconds(1))
        let started = ContinuousClock.now

        let summary = try await Fetcher(configuration: configuration, logger: SimulatorHarness.logger).fetch(days: period("2026-11-16", "2026-11-20"))

        #expect(summary.fetched == 10)
        #expect(ContinuousClock.now - started >= .seconds(2))  // 10 POSTs at 4 per second
        let posts = await harness.simulator.requestLog().filter(\.isExportRequest)
        #expect(posts.count == 10)
        #expect(posts.allSatisfy { $0.status == 202 }, "the server answered 429")
        let span = Duration.milliseconds(1000 * 61 / 60)
        for post in posts {
            let inWindow = posts.filter { $0.at >= post.at && $0.at < post.at + span }
            #expect(inWindow.count <= limit, "\(inWindow.count) POSTs within 61 scaled seconds")
        }
    }

    @Test func exportsArePipelinedNotSerial() async throws {
        // 8 exports, each ready 0.5 s after its POST: serial would take over 4 s,
        // pipelined about 0.6 s (the bound leaves room for a loaded machine).
        let harness = try await SimulatorHarness.start(readiness: .milliseconds(500))
        defer { Task { await harness.stop() } }
        let started = ContinuousClock.now
        _ = try await Fetcher(configuration: harness.configuration(pollInterval: .milliseconds(100)), logger: SimulatorHarness.logger)
            .fetch(days: period("2026-11-16", "2026-11-19"))
        #expect(ContinuousClock.now - started < .seconds(3.5))
    }
}
