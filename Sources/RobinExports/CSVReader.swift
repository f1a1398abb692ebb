#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming, byte-level RFC 4180 reader.
///
/// Written by hand because it must be fast: the Swift CSV libraries available to
/// us (SwiftCSV, CSV.swift) parse at 14-37 MB/s, this reader at about 1.9 GB/s of
/// one core's CPU on the 1 GB benchmark month, `read` calls excluded (1.4 GB/s
/// with them; `scan-bench`, see its source), and a month of exports is hundreds
/// of megabytes.
///
/// Most records go through `BlockScanner` (64-byte bit maps, no branch per byte);
/// the byte loop in `scanRecord` reads the rest (malformed quoting, control bytes,
/// a record cut by the end of the buffer or of the file) and decides every error.
///
/// Handles quoted fields, doubled quotes, commas and newlines inside quotes, CRLF
/// or LF (or a lone CR) line ends, a UTF-8 byte-order mark and a last line without
/// a newline. Completely empty lines are skipped. Memory stays at one chunk plus the
/// longest record, whatever the file size.
public final class CSVReader {
    /// The file name used in error messages.
    public let path: String
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Valid bytes are `buffer[position..<end]`.
    private var position = 0
    private var end = 0
    private var atEOF = false
    private var line = 1
    private var startedFile = false
    /// Field bounds of the current record.
    private var bounds = FieldBounds()
    /// The fast path, with its cached block.
    private var blocks = BlockScanner()

    /// Whether records go through the fast path first (tests compare it with the byte loop alone).
    private let blockScanning: Bool

    /// Opens `path` for reading.
    public convenience init(path: String, chunkSize: Int = 1 << 20) throws(CSVError) {
        try self.init(path: path, chunkSize: chunkSize, blockScanning: true)
    }

    /// Opens `path` for reading; with `blockScanning` false, every record is read
    /// by the byte loop alone.
    init(path: String, chunkSize: Int, blockScanning: Bool) throws(CSVError) {
        self.path = path
        self.blockScanning = blockScanning
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CSVError(file: path, line: 0, problem: .cannotOpen(String(cString: strerror(errno))))
        }
        self.fd = fd
        self.capacity = max(chunkSize, 64)
        self.buffer = .allocate(capacity: capacity)
    }

    deinit {
        close(fd)
        buffer.deallocate()
        bounds.deallocate()
    }

    /// Calls `body` with each record in file order. The record, and the bytes it
    /// points to, are valid only during the call.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        while true {
            guard let record = try nextRecord() else { return }
            try body(record)
        }
    }

    /// The next record, or nil at the end of the file. The record is valid until
    /// the next call.
    public func nextRecord() throws(CSVError) -> CSVRecord? {
        if !startedFile {
            startedFile = true
            try fill()
            if end - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
                position += 3
            }
        }
        while true {
            switch scanRecord() {
            case .record(let next, let fields, let newlines, let highBits):
                let record = CSVRecord(base: UnsafePointer(buffer), bounds: UnsafePointer(bounds.pointer), count: fields, line: line)
                if highBits { try validateUTF8(record) }
                position = next
                line += newlines
                return record
            case .emptyLine(let next):
                position = next
                line += 1
            case .needMore:
                if atEOF {
                    if position == end { return nil }
                    // Only an unterminated quote leaves an incomplete record at EOF.
                    throw CSVError(file: path, line: line, problem: .unterminatedQuote(field: unterminatedField))
                }
                try fill()
            case .badQuote(let field):
                throw CSVError(file: path, line: line, problem: .textAfterQuote(field: field))
            }
        }
    }

    private enum Scan {
        case record(next: Int, fields: Int, newlines: Int, highBits: Bool)
        case emptyLine(next: Int)
        case needMore
        case badQuote(field: Int)
    }

    /// The field an unfinished quoted record stopped in (for the error at EOF).
    private var unterminatedField = 0

    /// Scans one record starting at `position`, recording field bounds: through
    /// `BlockScanner` when it can, else (from the record's start again) through the
    /// byte loop below. Nothing in the buffer is modified, so a record cut by the
    /// end of the buffer is simply scanned again after `fill()`. Works on locals
    /// only: class properties in the byte loop would cost an exclusivity check per
    /// access.
    private func scanRecord() -> Scan {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let buffer = self.buffer, end = self.end, atEOF = self.atEOF
        var p = position
        if p >= end { return .needMore }
        if buffer[p] == lf { return .emptyLine(next: p + 1) }
        if buffer[p] == cr {
            if p + 1 < end { return .emptyLine(next: buffer[p + 1] == lf ? p + 2 : p + 1) }
            if atEOF { return .emptyLine(next: p + 1) }
            return .needMore
        }
        var bounds = self.bounds
        bounds.count = 0
        defer { self.bounds = bounds }
        var blocks = self.blocks
        if blockScanning, let record = blocks.record(UnsafePointer(buffer), from: p, end: end, into: &bounds) {
            self.blocks = blocks
            return .record(next: record.next, fields: bounds.count, newlines: record.newlines, highBits: record.highBits)
        }
        self.blocks.forget()
        bounds.count = 0
        var newlines = 0
        var high: UInt8 = 0
        var highWord: UInt64 = 0
        /// Structural bit map (`,` `"` LF CR) of the 64 bytes from `block`.
        var block = Int.min / 2, blockBits: UInt64 = 0, blockHigh = false
        /// The record ends at `p` (on CR or LF): where the next one starts.
        @inline(__always) func recordEnd(_ p: Int) -> Scan {
            if buffer[p] == lf { return .record(next: p + 1, fields: bounds.count, newlines: newlines + 1, highBits: high & 0x80 != 0 || highWord & SWAR.highBits != 0) }
            if p + 1 < end {
                return .record(next: buffer[p + 1] == lf ? p + 2 : p + 1, fields: bounds.count, newlines: newlines + 1, highBits: high & 0x80 != 0 || highWord & SWAR.highBits != 0)
            }
            if atEOF { return .record(next: p + 1, fields: bounds.count, newlines: newlines + 1, highBits: high & 0x80 != 0 || highWord & SWAR.highBits != 0) }
            return .needMore
        }
        while true {
            if p < end, buffer[p] == quote {
                let fieldStart = p + 1
                var q = fieldStart
                var doubled = false
                while true {
                    // Eight bytes at a time while there is no quote and no newline.
                    while q + 8 <= end {
                        let word = UnsafeRawPointer(buffer + q).loadUnaligned(as: UInt64.self)
                        if SWAR.matches(word, quote) | SWAR.matches(word, lf) != 0 { break }
                        highWord |= word
                        q += 8
                    }
                    while q < end, buffer[q] != quote {
                        high |= buffer[q]
                        if buffer[q] == lf { newlines += 1 }
                        q += 1
                    }
                    if q >= end {
                        unterminatedField = bounds.count
                        return .needMore
                    }
                    if q + 1 >= end {
                        if atEOF {
                            bounds.push(fieldStart, q, doubled)
                            return .record(next: q + 1, fields: bounds.count, newlines: newlines, highBits: high & 0x80 != 0 || highWord & SWAR.highBits != 0)
                        }
                        return .needMore
                    }
                    if buffer[q + 1] == quote {
                        doubled = true
                        q += 2
                        continue
                    }
                    break
                }
                bounds.push(fieldStart, q, doubled)
                p = q + 1
                let c = buffer[p]
                if c == comma { p += 1; continue }
                if c == lf || c == cr { return recordEnd(p) }
                return .badQuote(field: bounds.count - 1)
            }
            let fieldStart = p
            // The next delimiter from the bit map of the 64 bytes at `block`
            // (computed once for all the fields it covers), while 64 bytes remain.
            while true {
                if p >= block + 64 {
                    guard p + 64 <= end else { break }
                    block = p
                    (blockBits, blockHigh) = Structure.of64(buffer + p)
                    if blockHigh { highWord = SWAR.highBits }
                }
                let bits = blockBits & (~0 << UInt64(p - block))
                if bits != 0 {
                    p = block + bits.trailingZeroBitCount
                    break
                }
                p = block + 64
            }
            while p < end {
                let c = buffer[p]
                if c == comma || c == lf || c == cr || c == quote { break }
                high |= c
                p += 1
            }
            if p >= end {
                guard atEOF else { return .needMore }
                bounds.push(fieldStart, p, false)
                return .record(next: p, fields: bounds.count, newlines: newlines, highBits: high & 0x80 != 0 || highWord & SWAR.highBits != 0)
            }
            bounds.push(fieldStart, p, false)
            let c = buffer[p]
            if c == comma { p += 1; continue }
            if c == quote { return .badQuote(field: bounds.count - 1) }  // RFC 4180: quotes only around whole fields
            return recordEnd(p)
        }
    }

    /// Moves the unread bytes to the front and reads more, growing the buffer
    /// when one record is longer than it.
    private func fill() throws(CSVError) {
        let unread = end - position
        if position > 0 {
            if unread > 0 { memmove(buffer, buffer + position, unread) }
            position = 0
            end = unread
        }
        blocks.forget()
        if end == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        while end < capacity {
            let count = read(fd, buffer + end, capacity - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw CSVError(file: path, line: line, problem: .readFailed(String(cString: strerror(errno))))
            }
            if count == 0 { atEOF = true; return }
            end += count
        }
    }

    private func validateUTF8(_ record: CSVRecord) throws(CSVError) {
        // One pass over the whole record: separators and quotes are ASCII, so the
        // record is valid exactly when every field is. Field by field only to
        // name the field of an invalid one.
        let first = record.rawBytes(0), last = record.rawBytes(record.count - 1)
        let start = first.baseAddress!
        if UTF8Check.firstInvalidOffset(UnsafeBufferPointer(start: start, count: last.baseAddress! + last.count - start)) == nil {
            return
        }
        for index in 0..<record.count {
            let bytes = record.rawBytes(index)
            if let offset = UTF8Check.firstInvalidOffset(bytes) {
                throw CSVError(file: path, line: record.line, problem: .invalidUTF8(field: index, byte: bytes[offset]))
            }
        }
    }
}
