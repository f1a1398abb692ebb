/// A text value already encoded as one RFC 4180 field: UTF-8, wrapped in
/// double quotes (with embedded quotes doubled) only when it holds a comma,
/// a quote, CR or LF. Encoding once at set-up keeps the row loops to plain
/// byte copies.
struct CSVField: Sendable {
    let bytes: [UInt8]

    init(_ text: String) {
        let raw = Array(text.utf8)
        let needsQuotes = raw.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            self.bytes = raw
            return
        }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(raw.count + 4)
        for byte in raw {
            if byte == 0x22 { quoted.append(0x22) }
            quoted.append(byte)
        }
        quoted.append(0x22)
        self.bytes = quoted
    }

    static let empty = CSVField("")
}
