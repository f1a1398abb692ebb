/// One request the simulator received, for tests to inspect.
public struct RequestRecord: Sendable, Hashable {
    /// `POST` or `GET` (or whatever the client sent).
    public var method: String
    /// The path, e.g. `/v1.0/insights/exports/organizations/7/desks`.
    public var path: String
    /// The status answered; 0 when the connection was dropped without a response.
    public var status: Int
    /// When it arrived.
    public var at: ContinuousClock.Instant
    /// The POST body's `from`, when there was one.
    public var from: String?
    /// The export this request created (a POST answered 202) or asked for (a GET).
    public var exportID: String?
    /// The fault that stood in for the answer's body, as `simulate --fault`
    /// names it (`cut`, `cut-no-length`, `drip=16`, `html`, `json`, `empty`,
    /// `endless`, `redirect`); nil for a real answer. Status faults (429, 5xx)
    /// and resets show in `status` alone.
    public var bodyFault: String?

    /// A record of one request.
    public init(
        method: String, path: String, status: Int, at: ContinuousClock.Instant, from: String? = nil, exportID: String? = nil,
        bodyFault: String? = nil
    ) {
        self.method = method
        self.path = path
        self.status = status
        self.at = at
        self.from = from
        self.exportID = exportID
        self.bodyFault = bodyFault
    }

    /// True for an export request (a POST to `.../desks` or `.../spaces`).
    public var isExportRequest: Bool { method == "POST" }
}
