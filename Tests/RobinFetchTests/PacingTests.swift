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
        // Pipelined means a POST goes out while an earlier export is still
        // pending (accepted, its CSV not yet downloaded). Judged from the
        // simulator's request log, not from wall-clock time, so a loaded
        // machine cannot fail it: a serial fetch never overlaps, whatever the speed.
        let harness = try await SimulatorHarness.start(readiness: .milliseconds(500))
        defer { Task { await harness.stop() } }
        _ = try await Fetcher(configuration: harness.configuration(pollInterval: .milliseconds(100)), logger: SimulatorHarness.logger)
            .fetch(days: period("2026-11-16", "2026-11-19"))
        let log = await harness.simulator.requestLog()
        let accepted = log.filter { $0.isExportRequest && $0.status == 202 }
        #expect(accepted.count == 8)
        // When each export's CSV was downloaded.
        var downloadedAt: [String: ContinuousClock.Instant] = [:]
        for record in log where record.method == "GET" && record.status == 200 {
            if let id = record.exportID { downloadedAt[id] = record.at }
        }
        #expect(downloadedAt.count == 8)
        // Most exports pending at once: requested, and not yet downloaded.
        let mostPending = accepted.map { post in
            accepted.filter { earlier in
                earlier.at <= post.at && (downloadedAt[earlier.exportID ?? ""].map { $0 > post.at } ?? false)
            }.count
        }.max() ?? 0
        #expect(mostPending >= 2, "no POST was sent while an earlier export was pending")
    }
}
