import Testing
@testable import RobinAnalytics

/// `KeyTable` (the windowed de-duplication's index) must answer as a
/// `Dictionary` does: the last value stored per key, nil for others.
@Suite("key table")
struct KeyTableTests {
    @Test("the same answers as a Dictionary, with key 0, colliding low bits and overwrites")
    func sameAsDictionary() {
        var table = KeyTable<Int64>(capacity: 100)
        var reference: [UInt64: Int64] = [:]
        var state: UInt64 = 42
        var keys: [UInt64] = [0, 1, 1 << 40, 2 << 40, 3 << 40, UInt64.max]  // same low bits: one probe run
        for _ in 0..<300 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            keys.append(state >> 11)
        }
        for (index, key) in keys.enumerated() {
            table[key] = Int64(index)
            reference[key] = Int64(index)
        }
        for (index, key) in keys.enumerated() where index % 3 == 0 {
            table[key] = -Int64(index)
            reference[key] = -Int64(index)
        }
        for key in keys + [5, 4 << 40, 12_345] {
            #expect(table[key] == reference[key], "key \(key)")
        }
    }

    @Test("an empty table finds nothing")
    func empty() {
        let table = KeyTable<Bool>(capacity: 0)
        #expect(table[0] == nil)
        #expect(table[7] == nil)
    }
}
