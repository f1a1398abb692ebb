/// A misbehaviour the simulator can be told to show, for tests.
public enum SimulatedFault: Sendable, Hashable {
    /// 429 with `Retry-After: <seconds>`; POSTs inside that window get 429 too.
    case tooManyRequests(retryAfter: Int)
    /// 500 in Robin's envelope.
    case serverError
    /// The connection is closed without any response.
    case connectionReset
    /// The response announces its full length but the connection drops halfway.
    case truncatedBody
    /// (POST only) the export created is ready only after this delay.
    case slowReadiness(Duration)

    /// Which requests a fault applies to.
    public enum Target: Sendable, Hashable {
        /// Export requests (`POST .../desks|spaces`).
        case post
        /// Export downloads (`GET .../exports/{id}`).
        case get
    }
}
