import Foundation

/// The head of a metrics.json as robin-report writes it: `schema_version`,
/// `audience` (when there is one), `period`, then `desks` and `rooms`, each
/// starting with its `total`. The output index shows only those, and a large
/// organisation's metrics.json is megabytes of room groups after
/// `rooms.total`: decoding it whole took about 23 ms a report (20,000
/// people), on every run, for every report in `Output/`.
///
/// `totals(_:)` finds those values in the text (strings, escapes and nesting
/// followed byte by byte, about 5 ms for 7 MB) and returns them as a small
/// JSON document for `MetricsDocument`'s decoder; the rest is only checked to
/// be whole (strings closed, brackets balanced, nothing after the document),
/// not decoded. Any other shape (another key order, `null` groups, a
/// truncated text) is nil, and the caller decodes the whole text as before.
enum MetricsHead {
    /// The head's values as one small JSON object; nil when the text does not start as robin-report writes it.
    static func totals(_ data: Data) -> Data? {
        data.withUnsafeBytes { raw -> Data? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            return scanner.head()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func head() -> Data? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var parts: [(key: String, value: Range<Int>)] = []
            let order = ["schema_version", "audience", "period", "desks", "rooms"]
            var next = 0
            while let key = key() {
                // The keys in the writer's order (audience may be absent); anything else: the whole decoder.
                if key == order[next] {
                    next += 1
                } else if next == 1, key == "period" {
                    next = 3
                } else {
                    return nil
                }
                if key == "desks" || key == "rooms" {
                    guard let total = firstTotal() else { return nil }
                    parts.append((key, total))
                    if key == "rooms" {
                        // The rest is not decoded, but must still be whole: strings closed, brackets
                        // balanced, nothing after the document (a truncated file is the whole decoder's).
                        guard skipRestOfContainer(), skipRestOfContainer() else { return nil }
                        skipSpace()
                        return offset == bytes.count ? document(parts) : nil
                    }
                    guard skipRestOfContainer(), take(UInt8(ascii: ",")) else { return nil }
                } else {
                    guard let value = value() else { return nil }
                    parts.append((key, value))
                    guard take(UInt8(ascii: ",")) else { return nil }
                }
            }
            return nil
        }

        /// `{"key": value, ...}` with `desks` and `rooms` as `{"total": value}`.
        private func document(_ parts: [(key: String, value: Range<Int>)]) -> Data {
            var out = Data("{".utf8)
            for (index, part) in parts.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: Array("\"\(part.key)\":".utf8))
                let isGroup = part.key == "desks" || part.key == "rooms"
                if isGroup { out.append(contentsOf: Array("{\"total\":".utf8)) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part.value]))
                if isGroup { out.append(UInt8(ascii: "}")) }
            }
            out.append(UInt8(ascii: "}"))
            return out
        }

        /// After `{` of a group: its first key must be `total`; the value's range.
        private mutating func firstTotal() -> Range<Int>? {
            guard take(UInt8(ascii: "{")), key() == "total" else { return nil }
            return value()
        }

        /// Skips the rest of an object or array whose `{` or `[` was read.
        private mutating func skipRestOfContainer() -> Bool {
            var depth = 1
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                switch byte {
                case UInt8(ascii: "\""): guard skipString() else { return false }
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return true }
                default: break
                }
            }
            return false
        }

        /// `"name":` (a key without escapes); nil at anything else.
        private mutating func key() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = offset
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\") { offset += 1 }
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
            offset += 1
            return take(UInt8(ascii: ":")) ? name : nil
        }

        /// One value (object, array, string or scalar): its range, ending before the next `,` or `}`.
        private mutating func value() -> Range<Int>? {
            skipSpace()
            let start = offset
            guard offset < bytes.count else { return nil }
            switch bytes[offset] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                offset += 1
                guard skipRestOfContainer() else { return nil }
            case UInt8(ascii: "\""):
                offset += 1
                guard skipString() else { return nil }
            default:
                while offset < bytes.count, !",}] \n\r\t".utf8.contains(bytes[offset]) { offset += 1 }
                guard offset > start else { return nil }
            }
            return start..<offset
        }

        /// Past the closing quote of a string whose opening quote was read.
        private mutating func skipString() -> Bool {
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                if byte == UInt8(ascii: "\\") { offset += 1 } else if byte == UInt8(ascii: "\"") { return true }
            }
            return false
        }

        /// Skips white space, then takes `byte`; false when the next byte is another.
        private mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        private mutating func skipSpace() {
            while offset < bytes.count, " \n\r\t".utf8.contains(bytes[offset]) { offset += 1 }
        }
    }
}
