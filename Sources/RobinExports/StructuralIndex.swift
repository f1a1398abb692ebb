import CStructure

/// The scanner's structural index: which of 64 bytes are delimiters, 16 bytes
/// per vector operation. Swift lowers `SIMD16<UInt8>` arithmetic and bitwise
/// operators to SSE2, but not its comparisons (`.==` becomes a loop over the
/// lanes), so a lane's equality is computed with arithmetic.
enum Structure {
    /// Bit i set when byte i is `,`, `"`, LF or CR; and whether any byte has its high bit set.
    @inline(__always)
    static func of64(_ p: UnsafePointer<UInt8>) -> (bits: UInt64, high: Bool) {
        var bits: UInt64 = 0
        var any = SIMD16<UInt8>(repeating: 0)
        for chunk in 0..<4 {
            let v = UnsafeRawPointer(p + 16 * chunk).loadUnaligned(as: SIMD16<UInt8>.self)
            any |= v
            let other = nonzero(v, 0x2C) & nonzero(v, 0x22) & nonzero(v, 0x0A) & nonzero(v, 0x0D)
            let words = unsafeBitCast(~other & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
            bits |= (gather(words[0]) | gather(words[1]) << 8) << UInt64(16 * chunk)
        }
        let high = unsafeBitCast(any & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
        return (bits, high[0] | high[1] != 0)
    }

    /// The quotes and the delimiters of the 64 bytes at `p` as bit maps (bit i for
    /// byte i), and whether any byte has its high bit set. Delimiters are `,` and
    /// the bytes below 0x10 (LF and CR, cheaper than two compares: the scanner
    /// checks the byte at each field end, and leaves a record with any other
    /// control byte to the byte loop).
    ///
    /// In C (`CStructure`, SSE2 compare and movemask: about 20 instructions per
    /// 64 bytes): Swift's `SIMD16` `.==` compiles to a loop over the lanes, and
    /// the same maps in Swift arithmetic took about 150.
    @inline(__always)
    static func quotesAndDelimiters(_ p: UnsafePointer<UInt8>) -> (quotes: UInt64, delimiters: UInt64, high: Bool) {
        var quotes: UInt64 = 0, delimiters: UInt64 = 0, high: Int32 = 0
        robin_structure64(p, &quotes, &delimiters, &high)
        return (quotes, delimiters, high != 0)
    }

    /// Bit i set when an odd number of bits 0...i of `x` are set: with `x` the
    /// quotes of a block, the bytes inside quotes (each opening quote included,
    /// each closing quote not).
    @inline(__always)
    static func prefixXOR(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x << 1
        x ^= x << 2
        x ^= x << 4
        x ^= x << 8
        x ^= x << 16
        x ^= x << 32
        return x
    }

    /// Per lane: high bit set when the lane differs from `byte`.
    @inline(__always)
    private static func nonzero(_ v: SIMD16<UInt8>, _ byte: UInt8) -> SIMD16<UInt8> {
        let x = v ^ SIMD16(repeating: byte)
        return ((x & SIMD16(repeating: 0x7F)) &+ SIMD16(repeating: 0x7F)) | x
    }

    /// The high bits of a word's 8 bytes as 8 bits (byte i -> bit i).
    @inline(__always)
    private static func gather(_ word: UInt64) -> UInt64 {
        ((word >> 7) &* 0x0102_0408_1020_4080) >> 56
    }
}

/// Byte-parallel helpers ("SIMD within a register") for the scanner.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// A word whose lowest set bit marks the first byte of `word` equal to `byte`
    /// (bits above the first match may be false positives; the lowest is exact).
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highBits
    }
}
