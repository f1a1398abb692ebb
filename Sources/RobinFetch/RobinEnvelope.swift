import Foundation

/// Robin's JSON envelope: `{"meta": {"status_code", "status", "message",
/// "more_info", "errors"}, "data": ...}`. Read leniently: extra fields are
/// ignored and any field may be missing.
struct RobinEnvelope: Sendable {
    var statusText: String?
    var message: String?
    var errors: [String] = []
    var exportID: String?

    /// Parses `body`; an envelope with every field nil when it is not JSON.
    init(_ body: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return }
        if let meta = object["meta"] as? [String: Any] {
            statusText = meta["status"] as? String
            message = (meta["message"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            if let errors = meta["errors"] as? [Any] {
                self.errors = errors.map(RobinEnvelope.text)
            }
        }
        if let data = object["data"] as? [String: Any] {
            exportID = (data["export_id"] as? String) ?? (data["export_id"] as? NSNumber)?.stringValue
        }
    }

    /// Robin's message and errors as one line, e.g. `"from is invalid" (errors: from: bad date)`.
    var summary: String {
        var parts: [String] = []
        if let message { parts.append("\"\(message)\"") }
        if !errors.isEmpty { parts.append("(errors: \(errors.joined(separator: "; ")))") }
        return parts.isEmpty ? "no message" : parts.joined(separator: " ")
    }

    private static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if JSONSerialization.isValidJSONObject(value),
           let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
            return String(decoding: data, as: UTF8.self)
        }
        return String(describing: value)
    }
}
