import Foundation
import RobinTestSupport
import Synchronization
import Testing

@Suite("HeavyWork")
struct HeavyWorkTests {
    @Test("never more than `width` pieces of heavy work at once, and every piece runs")
    func bounded() async {
        let running = Shared((now: 0, most: 0))
        let pieces = 3 * HeavyWork.width
        let done = await withTaskGroup(of: Int.self) { group in
            for index in 0..<pieces {
                group.addTask {
                    await HeavyWork.run {
                        running.value.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                        usleep(20_000)
                        running.value.withLock { $0.now -= 1 }
                        return index
                    }
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(done.sorted() == Array(0..<pieces))
        #expect(running.value.withLock { $0.most } <= HeavyWork.width)
        #expect(running.value.withLock { $0.most } >= 1)
    }
}
