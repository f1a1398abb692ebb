import Foundation

/// A position in a parsed JSON document that knows its path, so a missing or
/// mistyped field is reported as `metrics.json: desks.total.people: missing`.
struct JSONCursor {
    let file: String
    let path: String
    let value: Any?

    init(file: String, path: String = "", value: Any?) {
        self.file = file
        self.path = path
        self.value = value
    }

    /// Parses `data` as JSON.
    static func parse(_ data: Data, file: String) throws(DeliveryError) -> JSONCursor {
        do {
            return JSONCursor(file: file, value: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        } catch {
            throw .badReport("\(file): not valid JSON (\((error as NSError).localizedDescription))")
        }
    }

    /// The member `key` of this object.
    subscript(key: String) -> JSONCursor {
        get throws(DeliveryError) {
            guard let object = value as? [String: Any] else { throw problem("must be an object") }
            return JSONCursor(file: file, path: path.isEmpty ? key : "\(path).\(key)", value: object[key])
        }
    }

    /// True when the value is JSON null (or absent).
    var isNull: Bool { value == nil || value is NSNull }

    /// The elements of this array.
    func elements() throws(DeliveryError) -> [JSONCursor] {
        guard let array = value as? [Any] else { throw problem(value == nil ? "missing" : "must be an array") }
        return array.enumerated().map { JSONCursor(file: file, path: "\(path)[\($0.offset)]", value: $0.element) }
    }

    func string() throws(DeliveryError) -> String {
        guard let text = value as? String else { throw problem(value == nil ? "missing" : "must be a string") }
        return text
    }

    func int() throws(DeliveryError) -> Int {
        guard let number = number(), let whole = Int(exactly: number) else {
            throw problem(value == nil ? "missing" : "must be a whole number")
        }
        return whole
    }

    /// A number or null (an undefined ratio); absent is an error.
    func optionalDouble() throws(DeliveryError) -> Double? {
        if value is NSNull { return nil }
        guard let number = number() else { throw problem(value == nil ? "missing" : "must be a number or null") }
        return number
    }

    func problem(_ message: String) -> DeliveryError {
        .badReport("\(file): \(path.isEmpty ? "the document" : path): \(message)")
    }

    private func number() -> Double? {
        if let number = value as? Int { return Double(number) }
        if let number = value as? Double { return number }
        return (value as? NSNumber)?.doubleValue
    }
}
