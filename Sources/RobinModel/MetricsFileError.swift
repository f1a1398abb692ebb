import Foundation

/// A metrics.json that cannot be used: `<file>: <JSON path>: <problem>`,
/// e.g. `Output/2026-W47/metrics.json: desks.total.people: missing`.
public struct MetricsFileError: StageError, Sendable, Equatable {
    /// The file, as given.
    public var file: String
    /// Where in the document: `desks.daily[3].people`; empty for the document itself.
    public var path: String
    /// What is wrong there.
    public var problem: String
    /// Bad data (3) unless the file could not be read at all (1).
    public var exitStatus: ExitStatus

    public init(file: String, path: String, problem: String, exitStatus: ExitStatus = .badInput) {
        self.file = file
        self.path = path
        self.problem = problem
        self.exitStatus = exitStatus
    }

    public var description: String {
        path.isEmpty ? "\(file): \(problem)" : "\(file): \(path): \(problem)"
    }

    /// Words a decoding failure; `data` is parsed again to explain a syntax error.
    init(_ error: DecodingError, file: String, data: Data) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(file: file, path: Self.path(context.codingPath + [key]), problem: "missing")
        case .valueNotFound(_, let context):
            self.init(file: file, path: Self.path(context.codingPath), problem: "must not be null")
        case .typeMismatch(let type, let context):
            self.init(file: file, path: Self.path(context.codingPath), problem: "must be \(Self.kind(type))")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            self.init(file: file, path: Self.path(context.codingPath), problem: context.debugDescription)
        case .dataCorrupted:
            // Foundation's decoder says only "not valid JSON"; its parser says where.
            var reason = ""
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch {
                reason = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
            }
            self.init(file: file, path: "", problem: "not valid JSON" + (reason.isEmpty ? "" : " (\(reason))"))
        @unknown default:
            self.init(file: file, path: "", problem: "cannot be read (\(error))")
        }
    }

    /// `desks.daily[3].people`; `the document` for the top level.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "the document" : text
    }

    /// The JSON kind a Swift type is read from.
    static func kind(_ type: Any.Type) -> String {
        switch "\(type)" {
        case "Double", "Int", "Float": "a number"
        case "String": "a string"
        case "Bool": "true or false"
        case let name where name.hasPrefix("Array"): "an array"
        default: "an object"
        }
    }
}
