/// A misbehaviour the simulator can be told to show, for tests and for
/// `simulate --fault`.
///
/// Faults that replace a download's body (`truncatedBody`, `cutWithoutLength`,
/// `drip`, `htmlBody`, `jsonBody`, `emptyBody`, `endlessBody`) wait for a GET of
/// an export that is ready, so they always stand in for the CSV.
public enum SimulatedFault: Sendable, Hashable {
    /// 429 with `Retry-After: <seconds>`; POSTs inside that window get 429 too.
    case tooManyRequests(retryAfter: Int)
    /// 500 in Robin's envelope.
    case serverError
    /// Any other status (502, 503, 403, 410...) in Robin's envelope.
    case status(Int)
    /// The connection is closed without any response.
    case connectionReset
    /// The response announces its full length but the connection drops halfway.
    case truncatedBody
    /// A close-delimited 200 (no Content-Length, no chunking) whose CSV stops a
    /// few bytes into a row in its middle. (The HTTP library ends what it
    /// writes with an empty line, so the cut row is followed by two line ends.)
    case cutWithoutLength
    /// (POST only) the export created is ready only after this delay.
    case slowReadiness(Duration)
    /// 302 Found to the same path on another port of 127.0.0.1.
    case redirect(port: UInt16)
    /// The CSV with its Content-Length, sent at this many bytes per second.
    case drip(bytesPerSecond: Int)
    /// 200 with an HTML error page.
    case htmlBody
    /// 200 with a JSON envelope instead of the CSV.
    case jsonBody
    /// 200 with an empty body.
    case emptyBody
    /// 200, chunked, the CSV header then rows without end (a body-size cap test).
    case endlessBody

    /// Which requests a fault applies to.
    public enum Target: Sendable, Hashable {
        /// Export requests (`POST .../desks|spaces`).
        case post
        /// Export downloads (`GET .../exports/{id}`).
        case get
    }

    /// True for the faults that stand in for a ready export's CSV.
    var replacesBody: Bool {
        switch self {
        case .truncatedBody, .cutWithoutLength, .drip, .htmlBody, .jsonBody, .emptyBody, .endlessBody: true
        default: false
        }
    }
}
