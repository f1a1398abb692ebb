import Testing
@testable import RobinAnalytics

/// `KeyIndex` (combined ids, and the windowed de-duplication's index of a
/// neighbouring file) must number keys as a `Dictionary` would: one dense id
/// per distinct key, in order of first appearance, none for others.
@Suite("key index")
struct KeyIndexTests {
    @Test("dense ids in order of first appearance, with key 0, colliding low bits and growth", arguments: [0, 4, 1000])
    func sameAsDictionary(capacity: Int) {
        var index = KeyIndex(capacity: capacity)
        var reference: [UInt64: Int32] = [:]
        var state: UInt64 = 42
        var keys: [UInt64] = [0, 1, 1 << 40, 2 << 40, 3 << 40, UInt64.max]  // same low bits: one probe run
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            keys.append(state >> 11)
        }
        for key in keys + keys.prefix(500) {
            let id = index.id(key)
            if reference[key] == nil { reference[key] = Int32(reference.count) }
            #expect(id == reference[key], "key \(key)")
        }
        #expect(index.count == reference.count)
        for key in keys + [5, 4 << 40, 12_345] {
            #expect(index.existing(key) == reference[key], "key \(key)")
        }
    }
}
