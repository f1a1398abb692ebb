import Foundation
import RobinModel

/// A location as the fetcher reads it from Robin's answer.
public typealias RobinLocation = Location

extension Location {
    /// One entry of the answer's `data` list; nil without a usable id. The
    /// id may be a number or a string of digits; blank names and zones count
    /// as missing.
    init?(json: Any) {
        guard let object = json as? [String: Any] else { return nil }
        let id: Int?
        switch object["id"] {
        case let number as Int: id = number  // an integral JSON number (1.5 does not convert)
        case let text as String: id = Int(text.trimmingCharacters(in: .whitespaces))
        default: id = nil
        }
        guard let id, id > 0 else { return nil }
        func text(_ key: String) -> String? {
            guard let value = (object[key] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        self.init(id: id, name: text("name"), timeZone: text("time_zone"))
    }
}
