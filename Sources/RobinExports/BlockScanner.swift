/// The scanner's fast path, in the manner of simdcsv: per 64-byte block, bit maps
/// of the quotes and the delimiters; the bytes inside quotes by a prefix XOR of
/// the quotes, carried from block to block; and so every field end with no
/// branch per byte.
///
/// It takes only the common record: every quote opens or closes a whole field or
/// is doubled inside one (no quote inside an unquoted field, no text after a
/// closing quote), no control byte below 0x10 but LF and CR outside quotes, and
/// the record with its line end lies in whole blocks inside the buffer. For any
/// other record it returns nil and the byte loop of `CSVReader` decides, so
/// records, line numbers and errors are the byte loop's.
///
/// The last block's bit maps stay cached for the next record: a record ends
/// outside quotes, so the block's in-quote map holds for the bytes after it. So
/// do the next block's, computed before the fields of a block are walked so that
/// the two overlap (the walk ends on a mispredicted branch, and the next block's
/// maps are then ready).
struct BlockScanner {
    /// Offset of the cached block in the buffer; far below any offset when none.
    private var block = Int.min / 2
    private var quotes: UInt64 = 0
    private var inQuote: UInt64 = 0
    private var delimiters: UInt64 = 0
    private var high = false
    /// The maps of the block at `block + 64`, when `hasNext`.
    private var hasNext = false
    private var nextQuotes: UInt64 = 0
    private var nextInQuote: UInt64 = 0
    private var nextDelimiters: UInt64 = 0
    private var nextHigh = false

    /// A record the fast path read: where the next starts, the line ends it spans
    /// (its own included), and whether a block it touches has a byte >= 0x80.
    struct Record {
        let next: Int
        let newlines: Int
        let highBits: Bool
    }

    /// Drops the cached block (the buffer moved, or the byte loop read a record).
    mutating func forget() {
        block = Int.min / 2
        hasNext = false
    }

    /// Scans the record at `start` (not an empty line) into `bounds`, or returns
    /// nil when the byte loop must read it; `bounds` is then left partly filled.
    @inline(__always)
    mutating func record(_ buffer: UnsafePointer<UInt8>, from start: Int, end: Int, into bounds: inout FieldBounds) -> Record? {
        let comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var b = block, quotes = self.quotes, inQuote = self.inQuote, delimiters = self.delimiters, blockHigh = self.high
        var hasNext = self.hasNext, nextQuotes = self.nextQuotes, nextInQuote = self.nextInQuote
        var nextDelimiters = self.nextDelimiters, nextHigh = self.nextHigh
        /// The last byte of the previous block was a delimiter outside quotes (or
        /// the record starts at the block), and it was a closing quote.
        var delimiterBefore: UInt64 = 0, closingBefore: UInt64 = 0
        if UInt(bitPattern: start &- b) >= 64 {
            guard start &+ 64 <= end else { return nil }
            b = start
            (quotes, delimiters, blockHigh) = Structure.quotesAndDelimiters(buffer + b)
            inQuote = Structure.prefixXOR(quotes)
            delimiterBefore = 1
            hasNext = false
        }
        var fieldStart = start
        /// The block's bits that belong to this record so far.
        var live: UInt64 = ~0 << UInt64(start &- b)
        var newlines = 0, high = false
        /// The field still open at the end of the last block has doubled quotes.
        var openDoubled = false
        var fields = bounds.count
        defer { bounds.count = fields }
        while true {
            if !hasNext, b &+ 128 <= end {
                (nextQuotes, nextDelimiters, nextHigh) = Structure.quotesAndDelimiters(buffer + (b &+ 64))
                nextInQuote = Structure.prefixXOR(nextQuotes) ^ (0 &- (inQuote >> 63))
                hasNext = true
            }
            high = high || blockHigh
            let outside = delimiters & ~inQuote
            // A quote opens a field (right after a delimiter), closes one (right
            // before a delimiter) or is half of a doubled quote inside one (a
            // closing quote right before an opening one). Anything else is for the
            // byte loop; checked for the whole block, so a bad quote in a later
            // record sends this one to the byte loop too.
            let closing = quotes & ~inQuote, opening = quotes & inQuote
            /// Bit i: byte i-1 is a closing quote (so byte i ends a quoted field).
            let afterClosing = closing << 1 | closingBefore
            /// The second quotes of doubled quotes.
            let doubled = afterClosing & opening
            let misplaced = (opening & ~doubled & ~(outside << 1 | delimiterBefore)) | (afterClosing & ~outside & ~doubled)
            guard misplaced & live == 0 else { return nil }
            let out = bounds.reserve(fields &+ 64)
            let firstField = fields
            var ends = outside & live
            while ends != 0 {
                let k = ends.trailingZeroBitCount
                let e = b &+ k
                // A quoted field's bounds exclude its quotes.
                let quoted = Int(truncatingIfNeeded: afterClosing >> UInt64(k) & 1)
                out[2 &* fields] = fieldStart &+ quoted
                out[2 &* fields &+ 1] = e &- quoted
                fields &+= 1
                let c = buffer[e]
                if c != comma {
                    // The delimiter map also has the control bytes below 0x10
                    // other than LF and CR (see `quotesAndDelimiters`).
                    guard c == lf || c == cr else { return nil }
                    let mine = live & (~0 >> UInt64(63 &- k))
                    if (doubled & mine) != 0 || openDoubled {
                        openDoubled = Self.markDoubled(out, fields: firstField..<fields, in: b, doubled & mine, openDoubled)
                    }
                    newlines &+= Self.lineFeeds(buffer + b, delimiters & inQuote & mine)
                    let next: Int
                    if c == lf {
                        next = e &+ 1
                    } else {
                        guard e &+ 1 < end else { return nil }
                        next = buffer[e &+ 1] == lf ? e &+ 2 : e &+ 1
                    }
                    (block, self.quotes, self.inQuote, self.delimiters, self.high) = (b, quotes, inQuote, delimiters, blockHigh)
                    (self.hasNext, self.nextQuotes, self.nextInQuote, self.nextDelimiters, self.nextHigh) =
                        (hasNext, nextQuotes, nextInQuote, nextDelimiters, nextHigh)
                    return Record(next: next, newlines: newlines &+ 1, highBits: high)
                }
                fieldStart = e &+ 1
                ends &= ends &- 1
            }
            if (doubled & live) != 0 || openDoubled {
                openDoubled = Self.markDoubled(out, fields: firstField..<fields, in: b, doubled & live, openDoubled)
            }
            newlines &+= Self.lineFeeds(buffer + b, delimiters & inQuote & live)
            guard hasNext else { return nil }
            delimiterBefore = outside >> 63
            closingBefore = closing >> 63
            b &+= 64
            (quotes, inQuote, delimiters, blockHigh) = (nextQuotes, nextInQuote, nextDelimiters, nextHigh)
            hasNext = false
            live = ~0
        }
    }

    /// Complements the end (marks doubled quotes) of each field of `fields` that
    /// holds one of the doubled quotes `bits` of the block at `b`, and of the
    /// first of them when `open` (the field was open at the end of the last
    /// block, with doubled quotes there). Returns whether a doubled quote is in
    /// the field left open after them.
    @inline(never)
    private static func markDoubled(_ out: UnsafeMutablePointer<Int>, fields: Range<Int>, in b: Int, _ bits: UInt64, _ open: Bool) -> Bool {
        var field = fields.lowerBound
        if open {
            guard field < fields.upperBound else { return true }
            out[2 * field + 1] = ~out[2 * field + 1]
        }
        var bits = bits
        while bits != 0 {
            let quote = b + bits.trailingZeroBitCount
            bits &= bits - 1
            // The field holding `quote`: the first whose end is past it.
            while field < fields.upperBound, (out[2 * field + 1] < 0 ? ~out[2 * field + 1] : out[2 * field + 1]) <= quote {
                field += 1
            }
            guard field < fields.upperBound else { return true }
            if out[2 * field + 1] >= 0 { out[2 * field + 1] = ~out[2 * field + 1] }
        }
        return false
    }

    /// How many of the delimiters `bits` (inside quotes) at `p` are LF: line ends
    /// inside a quoted field count for line numbers, CR alone does not.
    @inline(__always)
    private static func lineFeeds(_ p: UnsafePointer<UInt8>, _ bits: UInt64) -> Int {
        var bits = bits, count = 0
        while bits != 0 {
            if p[bits.trailingZeroBitCount] == UInt8(ascii: "\n") { count += 1 }
            bits &= bits - 1
        }
        return count
    }
}
