import Foundation

/// What the simulator answers, before it becomes an HTTP response.
enum SimulatorReply: Sendable {
    /// Robin's JSON envelope with `status`, `message`, `errors` and `data`.
    case envelope(status: Int, message: String, errors: [String] = [], data: [String: String]? = nil, retryAfter: Int? = nil)
    /// An export's CSV.
    case csv(String)
    /// Drop the connection without answering.
    case reset
    /// Announce `body`'s length but send only its first half.
    case truncated(Data)

    var status: Int {
        switch self {
        case .envelope(let status, _, _, _, _): status
        case .csv, .truncated: 200
        case .reset: 0
        }
    }

    /// Robin's `meta.status` word for a status code.
    static func statusWord(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 202: "ACCEPTED"
        case 400: "BAD_REQUEST"
        case 401: "UNAUTHORIZED"
        case 404: "NOT_FOUND"
        case 405: "METHOD_NOT_ALLOWED"
        case 429: "TOO_MANY_REQUESTS"
        default: status >= 500 ? "INTERNAL_SERVER_ERROR" : "ERROR"
        }
    }

    /// The envelope's JSON text.
    static func envelopeJSON(status: Int, message: String, errors: [String], data: [String: String]?) -> Data {
        let object: [String: Any] = [
            "meta": [
                "status_code": status,
                "status": statusWord(status),
                "message": message,
                "more_info": [String: Any](),
                "errors": errors,
            ] as [String: Any],
            "data": data.map { $0 as Any } ?? NSNull(),
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
