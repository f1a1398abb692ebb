import RobinFetch
import Testing

struct ProgressLineTests {
    @Test func lineShowsCountsAndTheNextPost() {
        let progress = FetchProgress(total: 62, fromCache: 4, requested: 40, ready: 27, nextPostIn: .seconds(12.2))
        #expect(TerminalProgressLine.render(progress)
            == "exports 31/62: 40 requested, 27 ready, 4 from cache, 31 remaining; next POST in 13 s")
        let allRequested = FetchProgress(total: 2, fromCache: 0, requested: 2, ready: 1, nextPostIn: .zero)
        #expect(TerminalProgressLine.render(allRequested) == "exports 1/2: 2 requested, 1 ready, 0 from cache, 1 remaining")
    }
}
