import Foundation
import RobinModel

/// Everything a fetch needs: where the API is, whose data, where the cache
/// is, and the pacing rules.
public struct FetchConfiguration: Sendable {
    /// Robin's API root, e.g. `https://api.robinpowered.com/v1.0`.
    public static let defaultBaseURL = URL(string: "https://api.robinpowered.com/v1.0")!

    /// The API root; paths like `insights/exports/...` are appended to it.
    public var baseURL: URL
    /// Robin organisation id (the `{id}` in `organizations/{id}/desks`).
    public var organizationID: Int
    /// Locations to export; nil means every location (Robin's default).
    public var locationIDs: [Int]?
    /// The cache folder (`<cache>/<org>/<locations-key>/<kind>/<date>.csv` lies below it).
    public var cacheDirectory: String
    /// The organisation's time zone: day boundaries are its local midnights.
    public var timeZone: TimeZone
    /// The API token.
    public var token: APIToken
    /// Interval between GETs of one export. Robin asks for 10 s or more.
    public var pollInterval: Duration
    /// POSTs allowed in any rolling `postWindow` (Robin: 30 per 60 s).
    public var postLimit: Int
    /// The rolling window of `postLimit`.
    public var postWindow: Duration
    /// How long an export may stay "not ready" (404) after its POST.
    public var exportDeadline: Duration
    /// Time one HTTP request may take, its whole answer included.
    public var requestTimeout: Duration
    /// Largest body accepted (bytes), counted while it arrives; a larger one
    /// fails its export. Default 2 GB.
    public var maxBodyBytes: Int64
    /// How long after its export window ends a day must have been fetched to
    /// be final (`fetch.settle_hours`, default 6 h). See `SettleRule`.
    public var settleTime: Duration
    /// The current time: when a day is fetched, and what "today" is. Tests
    /// set it; nil is the system clock.
    public var now: (@Sendable () -> Date)?
    /// Retries for 5xx, transport errors and 429.
    public var retry: RetryPolicy
    /// The local "today" (today and later days are always provisional, so
    /// fetched again). nil: the date of `now` in `timeZone`.
    public var today: LocalDate?

    /// The default of `maxBodyBytes`: 2 GB.
    public static let defaultMaxBodyBytes: Int64 = 2_000_000_000

    /// A configuration with Robin's defaults: 10 s polls, 30 POSTs per 60 s,
    /// a 30-minute deadline per export, UTC days, 6 settle hours.
    public init(
        baseURL: URL = FetchConfiguration.defaultBaseURL,
        organizationID: Int,
        locationIDs: [Int]? = nil,
        cacheDirectory: String = ".robin-cache",
        timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        token: APIToken,
        pollInterval: Duration = .seconds(10),
        postLimit: Int = 30,
        postWindow: Duration = .seconds(60),
        exportDeadline: Duration = .seconds(30 * 60),
        requestTimeout: Duration = .seconds(60),
        retry: RetryPolicy = RetryPolicy(),
        today: LocalDate? = nil,
        maxBodyBytes: Int64 = FetchConfiguration.defaultMaxBodyBytes,
        settleTime: Duration = .seconds(6 * 3600),
        now: (@Sendable () -> Date)? = nil
    ) {
        self.baseURL = baseURL
        self.organizationID = organizationID
        self.locationIDs = locationIDs
        self.cacheDirectory = cacheDirectory
        self.timeZone = timeZone
        self.token = token
        self.pollInterval = pollInterval
        self.postLimit = postLimit
        self.postWindow = postWindow
        self.exportDeadline = exportDeadline
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.today = today
        self.maxBodyBytes = maxBodyBytes
        self.settleTime = settleTime
        self.now = now
    }

    /// The current time (`now`, else the system clock).
    public var currentTime: Date { now?() ?? Date() }

    /// The rule that tells final days from provisional ones, as of now.
    public var settleRule: SettleRule {
        let now = currentTime
        return SettleRule(timeZone: timeZone, settleTime: settleTime, now: now, today: today ?? DayWindow.localDate(of: now, in: timeZone))
    }

    /// True when `baseURL` points at this machine (localhost, 127.0.0.0/8, ::1):
    /// only then may polls be faster than 10 s or the POST budget exceed Robin's.
    public var isLoopback: Bool { FetchConfiguration.isLoopback(baseURL) }

    /// True when `url`'s host is localhost, in 127.0.0.0/8, or ::1.
    public static func isLoopback(_ url: URL) -> Bool {
        guard let host = url.host?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")) else {
            return false
        }
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Throws a configuration error for pacing that Robin's API forbids
    /// (polls under 10 s, more than 30 POSTs per 60 s) unless the API is on
    /// loopback, and for values that make no sense.
    public func validate() throws(FetchError) {
        guard organizationID > 0 else {
            throw .configuration("--org \(organizationID): must be a positive organisation id")
        }
        guard let scheme = baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https", baseURL.host != nil else {
            throw .configuration("--base-url \(baseURL.absoluteString): not an http(s) URL")
        }
        if let locationIDs {
            guard !locationIDs.isEmpty, locationIDs.allSatisfy({ $0 > 0 }) else {
                throw .configuration("--location-ids: need one or more positive ids")
            }
        }
        guard pollInterval > .zero, postLimit > 0, postWindow > .zero, exportDeadline > .zero, requestTimeout > .zero else {
            throw .configuration("poll interval, POST limit, POST window, deadline and request timeout must be positive")
        }
        guard maxBodyBytes > 0 else { throw .configuration("--max-body-bytes \(maxBodyBytes): must be positive") }
        guard settleTime >= .zero else { throw .configuration("fetch.settle_hours: must not be negative") }
        if !isLoopback {
            guard pollInterval >= .seconds(10) else {
                throw .configuration(
                    "--poll-interval \(pollInterval.seconds): Robin asks for 10 s or more (shorter only against a loopback --base-url)"
                )
            }
            guard postLimit <= 30, postWindow >= .seconds(60) else {
                throw .configuration(
                    "POST budget \(postLimit) per \(postWindow.seconds) s exceeds Robin's 30 per 60 s (allowed only against a loopback --base-url)"
                )
            }
        }
    }
}
