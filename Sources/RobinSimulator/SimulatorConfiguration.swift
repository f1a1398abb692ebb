import Foundation
/// How the simulated API behaves.
public struct SimulatorConfiguration: Sendable {
    /// Port on 127.0.0.1; 0 picks a free one (read it from `RobinAPISimulator.port`).
    public var port: UInt16
    /// Tokens accepted in `Authorization: Access-Token <token>`.
    public var tokens: Set<String>
    /// POSTs accepted per token in any rolling `postWindow` (Robin: 30 per 60 s).
    public var postLimit: Int
    /// The rolling window of `postLimit`; scale it down to speed up tests.
    public var postWindow: Duration
    /// How long after its POST an export answers 404 before its CSV.
    public var readinessDelay: Duration
    /// Location ids that exist; a request naming another gets 400. nil accepts any.
    public var knownLocationIDs: Set<Int>?
    /// Called with every request once answered (for `simulate --verbose`).
    public var onRequest: (@Sendable (RequestRecord) -> Void)?
    /// The organisation's locations, listed by `GET /v1.0/organizations/{id}/locations`.
    public var locations: [SimulatedLocation]
    /// Faults drawn at random on every request (nil: only injected ones).
    public var randomFaults: RandomFaults?
    /// Robin's clock. When set, an export shows only what had happened when it
    /// was requested (check-ins, cancellations and automatic unbookings after
    /// then are not in it: `AsOfView`), as a day fetched before it is over
    /// does. nil: every export is complete, whenever it is requested.
    public var clock: (@Sendable () -> Date)?

    /// Robin's limits by default: 30 POSTs per 60 s; exports ready after 2 s.
    public init(
        port: UInt16 = 0,
        tokens: Set<String>,
        postLimit: Int = 30,
        postWindow: Duration = .seconds(60),
        readinessDelay: Duration = .seconds(2),
        knownLocationIDs: Set<Int>? = nil,
        onRequest: (@Sendable (RequestRecord) -> Void)? = nil,
        locations: [SimulatedLocation] = [],
        randomFaults: RandomFaults? = nil,
        clock: (@Sendable () -> Date)? = nil
    ) {
        self.port = port
        self.tokens = tokens
        self.postLimit = postLimit
        self.postWindow = postWindow
        self.readinessDelay = readinessDelay
        self.knownLocationIDs = knownLocationIDs
        self.onRequest = onRequest
        self.locations = locations
        self.randomFaults = randomFaults
        self.clock = clock
    }
}
