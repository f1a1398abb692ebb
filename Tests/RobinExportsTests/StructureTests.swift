import Testing
@testable import RobinExports

/// The scanner's 64-byte bit maps (`Structure.quotesAndDelimiters`, SSE2 in
/// C) against the definition, byte by byte, on every byte value.
@Suite("structure bit maps")
struct StructureTests {
    /// The maps by their definition: quotes, delimiters (`,` and bytes below 0x10), any high bit.
    static func expected(_ bytes: [UInt8]) -> (quotes: UInt64, delimiters: UInt64, high: Bool) {
        var quotes: UInt64 = 0, delimiters: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { quotes |= 1 << UInt64(index) }
            if byte == UInt8(ascii: ",") || byte < 0x10 { delimiters |= 1 << UInt64(index) }
        }
        return (quotes, delimiters, bytes.contains { $0 >= 0x80 })
    }

    @Test("every byte value in every position, and random blocks")
    func matchesDefinition() {
        var blocks: [[UInt8]] = []
        // Each of the 256 values at each of the 64 positions, among bytes that are none of the special ones.
        for value in 0...255 {
            for position in stride(from: 0, to: 64, by: 7) {
                var block = [UInt8](repeating: UInt8(ascii: "a"), count: 64)
                block[position] = UInt8(value)
                block[63 - position] = UInt8(255 - value)
                blocks.append(block)
            }
        }
        // Random blocks, a quarter of their bytes the special ones and their neighbours.
        let specials: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x0F, 0x10, 0x80, 0xFF, 0xA2]
        var state: UInt64 = 7
        for _ in 0..<2000 {
            blocks.append((0..<64).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let roll = Int(state >> 59)  // 0...31
                return roll < specials.count ? specials[roll] : UInt8(truncatingIfNeeded: state >> 40)
            })
        }
        for block in blocks {
            let got = block.withUnsafeBufferPointer { Structure.quotesAndDelimiters($0.baseAddress!) }
            let want = Self.expected(block)
            #expect(got.quotes == want.quotes && got.delimiters == want.delimiters && got.high == want.high, "\(block)")
        }
    }
}
