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
    /// the bytes below 0x10 (LF, CR and control bytes that the caller must tell
    /// apart).
    ///
    /// No byte-to-bit gather per map: the flags go into one vector, quotes in its
    /// low word and delimiters in its high word, byte k of a word holding in bit j
    /// the flag of byte 8j + k; transposing each word as an 8x8 bit matrix then
    /// gives the bit maps.
    @inline(__always)
    static func quotesAndDelimiters(_ p: UnsafePointer<UInt8>) -> (quotes: UInt64, delimiters: UInt64, high: Bool) {
        var flags = SIMD2<UInt64>(repeating: 0)
        var any = SIMD16<UInt8>(repeating: 0)
        for chunk in 0..<4 {
            let v = UnsafeRawPointer(p + 16 * chunk).loadUnaligned(as: SIMD16<UInt8>.self)
            any |= v
            let q = unsafeBitCast(equal(v, 0x22) & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
            // LF and CR as the bytes below 0x10 (cheaper than two compares): the
            // scanner checks the byte at each field end, and leaves a record
            // with any of the others to the byte loop.
            let d = unsafeBitCast((equal(v, 0x2C) | ((v &- SIMD16(repeating: 0x10)) & ~v)) & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
            // Bytes 16c...16c+7 are bit 2c, bytes 16c+8...16c+15 bit 2c+1.
            flags |= SIMD2(q[0], d[0]) &>> SIMD2(repeating: UInt64(7 - 2 * chunk))
            flags |= SIMD2(q[1], d[1]) &>> SIMD2(repeating: UInt64(6 - 2 * chunk))
        }
        let maps = transpose8x8(flags)
        let high = unsafeBitCast(any & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
        return (maps[0], maps[1], high[0] | high[1] != 0)
    }

    /// Each word as an 8x8 bit matrix (byte = row, bit = column), transposed:
    /// bit j of byte k becomes bit k of byte j (Hacker's Delight 7-3).
    @inline(__always)
    static func transpose8x8(_ x: SIMD2<UInt64>) -> SIMD2<UInt64> {
        var x = x
        var t = (x ^ (x &>> SIMD2(repeating: 7))) & SIMD2(repeating: 0x00AA_00AA_00AA_00AA)
        x ^= t ^ (t &<< SIMD2(repeating: 7))
        t = (x ^ (x &>> SIMD2(repeating: 14))) & SIMD2(repeating: 0x0000_CCCC_0000_CCCC)
        x ^= t ^ (t &<< SIMD2(repeating: 14))
        t = (x ^ (x &>> SIMD2(repeating: 28))) & SIMD2(repeating: 0x0000_0000_F0F0_F0F0)
        x ^= t ^ (t &<< SIMD2(repeating: 28))
        return x
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

    /// Per lane: high bit set when the lane equals `byte` (exact: lanes do not borrow from each other).
    @inline(__always)
    private static func equal(_ v: SIMD16<UInt8>, _ byte: UInt8) -> SIMD16<UInt8> {
        let x = v ^ SIMD16(repeating: byte)
        return (x &- SIMD16(repeating: 1)) & ~x
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
