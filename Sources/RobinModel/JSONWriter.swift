/// A small deterministic JSON writer: keys in the order written, two-space
/// indentation, numbers in Swift's shortest round-trip form. metrics.json is
/// diffed and golden-tested, so its bytes must not depend on dictionary order.
public struct JSONWriter {
    public private(set) var text = ""
    private var indent = 0
    private var needsComma = [false]

    public init() {}

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    public mutating func field(_ key: String, _ value: Int) { raw(key, String(value)) }
    public mutating func field(_ key: String, _ value: String) { raw(key, JSONWriter.quoted(value)) }
    public mutating func field(_ key: String, _ value: Double) { raw(key, JSONWriter.number(value)) }
    public mutating func field(_ key: String, _ value: Double?) { raw(key, value.map(JSONWriter.number) ?? "null") }
    public mutating func field(_ key: String, _ value: String?) { raw(key, value.map(JSONWriter.quoted) ?? "null") }
    public mutating func null(_ key: String) { raw(key, "null") }

    /// A JSON number; non-finite values (which no metric produces) become null.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) + ".0" }
        return String(value)
    }

    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private mutating func prefix(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if indent > 0 || !text.isEmpty { text += "\n" }
        text += String(repeating: "  ", count: indent)
        if let key { text += JSONWriter.quoted(key) + ": " }
    }

    private mutating func raw(_ key: String?, _ value: String) {
        prefix(key)
        text += value
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        prefix(key)
        text += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { text += "\n" + String(repeating: "  ", count: indent) }
        text += bracket
    }
}
