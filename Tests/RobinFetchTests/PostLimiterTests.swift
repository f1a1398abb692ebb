@testable import RobinFetch
import Testing

/// The limiter alone, on a scaled window.
struct PostLimiterTests {
    @Test func slidingWindowNeverHoldsMoreThanTheLimit() async throws {
        let limiter = PostLimiter(limit: 3, window: .milliseconds(300))
        var grants: [ContinuousClock.Instant] = []
        for order in 0..<9 {
            let permit = try await limiter.acquire(priority: order)
            grants.append(.now)
            await limiter.complete(permit)
        }
        for grant in grants {
            #expect(grants.filter { $0 >= grant && $0 < grant + .milliseconds(300) }.count <= 3)
        }
        #expect(grants.last! - grants.first! >= .milliseconds(600))
    }

    @Test func pauseHoldsEveryPost() async throws {
        let limiter = PostLimiter(limit: 10, window: .seconds(1))
        let permit = try await limiter.acquire(priority: 0)
        let pausedAt = ContinuousClock.now
        await limiter.complete(permit, pausingFor: .milliseconds(300))
        _ = try await limiter.acquire(priority: 1)
        #expect(ContinuousClock.now - pausedAt >= .milliseconds(300))
    }

    @Test func earlierDaysGoFirst() async throws {
        let limiter = PostLimiter(limit: 1, window: .milliseconds(100))
        let first = try await limiter.acquire(priority: 0)
        let order = OrderLog()
        await withTaskGroup(of: Void.self) { group in
            for priority in [5, 3, 4] {
                group.addTask {
                    let permit = try! await limiter.acquire(priority: priority)
                    await order.append(priority)
                    await limiter.complete(permit)
                }
            }
            try? await Task.sleep(for: .milliseconds(30))  // all three are waiting
            await limiter.complete(first)
        }
        #expect(await order.values == [3, 4, 5])
    }

    @Test func cancelledWaiterLeaves() async throws {
        let limiter = PostLimiter(limit: 1, window: .seconds(30))
        _ = try await limiter.acquire(priority: 0)
        let waiting = Task { try await limiter.acquire(priority: 1) }
        try await Task.sleep(for: .milliseconds(20))
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
    }
}

private actor OrderLog {
    var values: [Int] = []
    func append(_ value: Int) { values.append(value) }
}
