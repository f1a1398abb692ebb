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
    /// A 200 without Content-Length whose body is `body`, then the connection closes.
    case closeDelimited(Data)
    /// `body` with its Content-Length, at `bytesPerSecond`.
    case drip(Data, bytesPerSecond: Int)
    /// A chunked 200: `header`, then `row` again and again, without end.
    case endless(header: Data, row: Data)
    /// 302 Found to `location`.
    case redirect(location: String)
    /// Any status with a body of `contentType` (HTML and JSON faults, the locations list).
    case raw(status: Int, contentType: String, body: Data)

    var status: Int {
        switch self {
        case .envelope(let status, _, _, _, _): status
        case .raw(let status, _, _): status
        case .csv, .truncated, .closeDelimited, .drip, .endless: 200
        case .redirect: 302
        case .reset: 0
        }
    }

    /// The `simulate --fault` name of the fault this reply to an export
    /// request or download shows in place of a body (nil: a real answer, or
    /// a fault that its status or a dropped connection already shows).
    var bodyFault: String? {
        switch self {
        case .truncated: "cut"
        case .closeDelimited: "cut-no-length"
        case .drip(_, let rate): "drip=\(rate)"
        case .endless: "endless"
        case .redirect: "redirect"
        case .raw(200, let contentType, let body):
            body.isEmpty ? "empty" : contentType.hasPrefix("text/html") ? "html" : "json"
        case .envelope, .csv, .reset, .raw: nil
        }
    }

    /// Robin's `meta.status` word for a status code.
    static func statusWord(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 202: "ACCEPTED"
        case 403: "FORBIDDEN"
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
