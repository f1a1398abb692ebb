import Foundation
import RobinModel
import Synchronization
import Testing

/// `Blocking.run` holds no thread of the cooperative pool while its call blocks.
@Suite("Blocking")
struct BlockingTests {
    @Test("more blocked calls than the pool has threads: a task on the pool still runs and releases them")
    func poolStaysFree() async {
        // Each call blocks until a task on the pool opens the gate. Were the calls made on
        // the pool (Task.detached, DispatchQueue.global()), they would take all its threads,
        // the gate would stay shut, and the calls would give up waiting after 20 s.
        let calls = 4 * ProcessInfo.processInfo.activeProcessorCount + 2
        let gate = DispatchSemaphore(value: 0)
        let started = Shared(0)
        let released = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<calls {
                group.addTask {
                    await Blocking.run {
                        started.value.withLock { $0 += 1 }
                        return gate.wait(timeout: .now() + .seconds(20)) == .success
                    }
                }
            }
            group.addTask {
                while started.value.withLock({ $0 }) < calls { try? await Task.sleep(for: .milliseconds(5)) }
                for _ in 0..<calls { gate.signal() }
                return true
            }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(released == calls + 1, "\(calls + 1 - released) blocked calls were never released")
    }

    @Test("what the call throws is thrown, with its type")
    func throwsTheCallsError() async {
        struct Refused: Error, Equatable {}
        await #expect(throws: Refused()) {
            try await Blocking.run { () throws(Refused) -> Int in throw Refused() }
        }
    }
}

/// A value tasks and threads share, behind a lock.
final class Shared<Value: Sendable>: Sendable {
    let value: Mutex<Value>

    init(_ value: Value) {
        self.value = Mutex(value)
    }
}
