import Foundation
import RobinModel
import Synchronization

/// A bound on the CPU-heavy work a test run does at once: child processes run
/// to completion (`TestProcess.run`: the debug `robin-report`, Chromium, Python)
/// and big fixtures built in-process (`HeavyWork.run`).
///
/// Why: the suite has more of that work than two cores can do at once, and
/// every thread of it competes with the two threads of the cooperative pool
/// on which every async test (a loopback simulator, a URLSession, a timer)
/// makes its progress. Started all at once, a hundred children leave those two
/// threads a sliver of the CPU and the tests' time limits pass while they wait.
/// With at most `width` heavy things at a time the rest wait for a slot,
/// suspended (no thread held), and the pool keeps its share. Servers a test
/// talks to (`TestProcess.start`) take no slot: a client waiting for a slot
/// never waits on a server that waits for one.
public enum HeavyWork {
    /// Heavy things at once: one per core.
    public static let width = max(2, ProcessInfo.processInfo.activeProcessorCount)

    private static let slots = Slots(width)

    /// Runs `body` once a slot is free, holding it until `body` returns.
    public static func withSlot<T>(_ body: () async throws -> T) async rethrows -> T {
        await slots.acquire()
        defer { slots.release() }
        return try await body()
    }

    /// Runs the CPU-heavy `body` on a thread of its own (`Blocking.run`) once a slot is free.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withSlot { await Blocking.run(body) }
    }

    /// A counting semaphore whose waiters are suspended tasks, served in order.
    final class Slots: Sendable {
        private let state: Mutex<(free: Int, waiters: [CheckedContinuation<Void, Never>])>

        init(_ count: Int) {
            state = Mutex((count, []))
        }

        func acquire() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state in
                    if state.free > 0 {
                        state.free -= 1
                        return true
                    }
                    state.waiters.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }

        func release() {
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if state.waiters.isEmpty {
                    state.free += 1
                    return nil
                }
                return state.waiters.removeFirst()
            }
            next?.resume()
        }
    }
}
