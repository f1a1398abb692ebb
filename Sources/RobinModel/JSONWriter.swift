/// A small deterministic JSON writer: keys in the order written, two-space
/// indentation, numbers in Swift's shortest round-trip form. metrics.json is
/// diffed and golden-tested, so its bytes must not depend on dictionary order.
///
/// It appends UTF-8 bytes to one buffer (a 20,000-person metrics.json is
/// about 7 MB, written in tens of milliseconds) and makes the text once.
public struct JSONWriter {
    private var bytes: [UInt8] = []
    private var indent = 0
    private var needsComma = [false]

    /// What has been written, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public init() {}

    public mutating func beginObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func field(_ key: String, _ value: Int) {
        prefix(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func field(_ key: String, _ value: String) {
        prefix(key)
        Self.appendQuoted(value, to: &bytes)
    }

    public mutating func field(_ key: String, _ value: Double) {
        prefix(key)
        bytes.append(contentsOf: JSONWriter.number(value).utf8)
    }

    public mutating func field(_ key: String, _ value: Double?) {
        if let value { field(key, value) } else { null(key) }
    }

    public mutating func field(_ key: String, _ value: String?) {
        if let value { field(key, value) } else { null(key) }
    }

    public mutating func null(_ key: String) {
        prefix(key)
        bytes.append(contentsOf: "null".utf8)
    }

    /// A JSON number; non-finite values (which no metric produces) become null.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) + ".0" }
        return String(value)
    }

    /// `value` as a JSON string, quotes included.
    public static func quoted(_ value: String) -> String {
        var out: [UInt8] = []
        appendQuoted(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` quoted: `"` and `\` escaped, the common control characters
    /// by name, other control characters and U+2028/U+2029 (line breaks to
    /// JavaScript) as `\uXXXX`; everything else as its UTF-8 bytes.
    private static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var utf8 = value.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                        hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                guard let second = utf8.next() else { out.append(byte); continue }
                guard second == 0x80, let third = utf8.next() else { out += [byte, second]; continue }
                if third == 0xA8 || third == 0xA9 {
                    out += Array((third == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    out += [byte, second, third]
                }
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private mutating func prefix(_ key: String?) {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        if indent > 0 || !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
        if let key {
            Self.appendQuoted(key, to: &bytes)
            bytes += [UInt8(ascii: ":"), UInt8(ascii: " ")]
        }
    }

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        prefix(key)
        bytes.append(bracket)
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
        }
        bytes.append(bracket)
    }
}
