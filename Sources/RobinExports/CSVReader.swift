#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming, byte-level RFC 4180 reader.
///
/// Written by hand because it must be fast: the Swift CSV libraries available to
/// us (SwiftCSV, CSV.swift) parse at 14-37 MB/s, a byte-level scanner like this
/// one at 300-500+ MB/s (see docs/performance.md, `make bench`), and a month of
/// exports is hundreds of megabytes.
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
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var escaped: [Bool] = []

    /// Opens `path` for reading.
    public init(path: String, chunkSize: Int = 1 << 20) throws(CSVError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CSVError(file: path, line: 0, problem: .cannotOpen(String(cString: strerror(errno))))
        }
        self.fd = fd
        self.capacity = max(chunkSize, 64)
        self.buffer = .allocate(capacity: capacity)
        starts.reserveCapacity(64)
        ends.reserveCapacity(64)
        escaped.reserveCapacity(64)
    }

    deinit {
        close(fd)
        buffer.deallocate()
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
            case .record(let next, let newlines, let highBits):
                let record = CSVRecord(
                    base: UnsafePointer(buffer), starts: starts, ends: ends, escaped: escaped, line: line)
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
                    throw CSVError(file: path, line: line, problem: .unterminatedQuote(field: starts.count))
                }
                try fill()
            case .badQuote(let field):
                throw CSVError(file: path, line: line, problem: .textAfterQuote(field: field))
            }
        }
    }

    private enum Scan {
        case record(next: Int, newlines: Int, highBits: Bool)
        case emptyLine(next: Int)
        case needMore
        case badQuote(field: Int)
    }

    /// Scans one record starting at `position`, recording field bounds. Nothing is
    /// modified, so a record cut by the end of the buffer is simply scanned again
    /// after `fill()`.
    private func scanRecord() -> Scan {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        escaped.removeAll(keepingCapacity: true)
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let buffer = self.buffer, end = self.end
        var p = position
        var newlines = 0
        var high: UInt8 = 0
        if p >= end { return .needMore }
        if buffer[p] == lf { return .emptyLine(next: p + 1) }
        if buffer[p] == cr {
            if p + 1 < end { return .emptyLine(next: buffer[p + 1] == lf ? p + 2 : p + 1) }
            if atEOF { return .emptyLine(next: p + 1) }
            return .needMore
        }
        while true {
            // One field.
            if p < end, buffer[p] == quote {
                let fieldStart = p + 1
                var q = fieldStart
                var hasDoubled = false
                while true {
                    while q < end, buffer[q] != quote {
                        high |= buffer[q]
                        if buffer[q] == lf { newlines += 1 }
                        q += 1
                    }
                    if q >= end { return .needMore }
                    // buffer[q] is a quote: doubled, or the closing one.
                    if q + 1 >= end {
                        if atEOF {
                            starts.append(fieldStart); ends.append(q); escaped.append(hasDoubled)
                            return .record(next: q + 1, newlines: newlines, highBits: high & 0x80 != 0)
                        }
                        return .needMore
                    }
                    if buffer[q + 1] == quote {
                        hasDoubled = true
                        q += 2
                        continue
                    }
                    break
                }
                starts.append(fieldStart); ends.append(q); escaped.append(hasDoubled)
                p = q + 1
                let c = buffer[p]
                if c == comma { p += 1; continue }
                if c == lf { return .record(next: p + 1, newlines: newlines + 1, highBits: high & 0x80 != 0) }
                if c == cr {
                    if p + 1 < end { return .record(next: buffer[p + 1] == lf ? p + 2 : p + 1, newlines: newlines + 1, highBits: high & 0x80 != 0) }
                    if atEOF { return .record(next: p + 1, newlines: newlines + 1, highBits: high & 0x80 != 0) }
                    return .needMore
                }
                return .badQuote(field: starts.count - 1)
            }
            let fieldStart = p
            while p < end {
                let c = buffer[p]
                if c == comma || c == lf || c == cr || c == quote { break }
                high |= c
                p += 1
            }
            if p >= end {
                guard atEOF else { return .needMore }
                starts.append(fieldStart); ends.append(p); escaped.append(false)
                return .record(next: p, newlines: newlines, highBits: high & 0x80 != 0)
            }
            let c = buffer[p]
            if c == quote {
                // A quote inside an unquoted field: RFC 4180 does not allow it.
                starts.append(fieldStart); ends.append(p); escaped.append(false)
                return .badQuote(field: starts.count - 1)
            }
            starts.append(fieldStart); ends.append(p); escaped.append(false)
            if c == comma { p += 1; continue }
            if c == lf { return .record(next: p + 1, newlines: newlines + 1, highBits: high & 0x80 != 0) }
            // CR
            if p + 1 < end { return .record(next: buffer[p + 1] == lf ? p + 2 : p + 1, newlines: newlines + 1, highBits: high & 0x80 != 0) }
            if atEOF { return .record(next: p + 1, newlines: newlines + 1, highBits: high & 0x80 != 0) }
            return .needMore
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
        for index in 0..<record.count {
            let bytes = record.rawBytes(index)
            if let offset = UTF8Check.firstInvalidOffset(bytes) {
                throw CSVError(file: path, line: record.line, problem: .invalidUTF8(field: index, byte: bytes[offset]))
            }
        }
    }
}
