import Testing
@testable import RobinAnalytics

/// `IDCollector` (the builders' per-group id sets) must give exactly the
/// `IDSet` a bit set of the same members gives: same members, same form.
@Suite("id collector")
struct IDCollectorTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Mix {
        var state: UInt64
        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test("the same set as a bit set, sparse and dense, with repeats", arguments: [1, 5, 64, 65, 700, 20_000])
    func sameAsBitSet(capacity: Int) {
        var random = Mix(state: UInt64(capacity))
        // From empty to every id, each inserted with repeats (consecutive and not).
        for members in [0, 1, 2, 15, 16, 17, 31, 40, capacity / 3, capacity] where members <= capacity {
            var collector = IDCollector(capacity: capacity)
            var bits = BitSet(count: capacity)
            let pool = (0..<max(members, 1)).map { _ in random.next(below: capacity) }
            for step in 0..<(members * 3) {
                let id = pool[step % 3 == 2 ? step / 3 : random.next(below: pool.count)]
                collector.insert(id)
                bits.insert(id)
                if step % 5 == 0 { collector.insert(id) }
            }
            let expected = IDSet(bits)
            let got = collector.finished()
            #expect(got == expected, "capacity \(capacity), \(members) members")
            #expect(got.count == bits.count)
        }
    }

    @Test("a set of every id is stored as bit words, a single id as a list")
    func forms() {
        var all = IDCollector(capacity: 1000)
        for id in (0..<1000).reversed() { all.insert(id) }
        guard case .words = all.finished().storage else { Issue.record("expected bit words"); return }
        var one = IDCollector(capacity: 1000)
        for _ in 0..<100 { one.insert(7); one.insert(7) }
        #expect(one.finished() == IDSet(sorted: [7]))
    }
}
