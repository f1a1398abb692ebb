import Foundation
import Logging
import RobinModel

/// Lists an organisation's locations through Robin's API
/// (`GET /organizations/{id}/locations?page=N&per_page=100`, in Robin's
/// meta/data envelope), for `robin-report init`.
///
/// Paging is read conservatively: pages are requested from 1 until one is
/// empty, says `paging.has_next_page: false`, holds fewer entries than its
/// `paging.per_page` (or than asked for, when it does not say), or brings no
/// id not already seen (a server that ignores `page`); at most 1,000 pages.
/// Every request goes through the same client as the exports: no redirect
/// followed, the whole answer within the request timeout, the body capped.
public struct LocationDiscovery: Sendable {
    /// Where and as whom to ask (the organisation id, API root, token, timeouts, retries).
    public let configuration: FetchConfiguration
    private let logger: Logger

    /// Entries asked for per page.
    public static let pageSize = 100

    /// A discovery with `configuration`, logging requests through `logger`.
    public init(configuration: FetchConfiguration, logger: Logger = Logger(label: "robin-report.init")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Every location, in Robin's order, each id once.
    /// - Throws: `FetchError`: the token refused (401/403), the organisation
    ///   unknown (404), a redirect, an answer that is not the envelope, or
    ///   retries spent on 429, 5xx and broken connections.
    public func locations() async throws -> [RobinLocation] {
        try configuration.validate()
        let client = RobinClient(configuration: configuration, logger: logger)
        defer { client.close() }
        var found: [RobinLocation] = []
        var seen = Set<Int>()
        for page in 1...1000 {
            let object = try await fetchPage(page, client: client)
            guard let data = object["data"] as? [Any] else {
                throw FetchError(.api, "\(endpoint) page \(page): Robin's answer has no \"data\" list")
            }
            let fresh = data.compactMap(RobinLocation.init(json:)).filter { seen.insert($0.id).inserted }
            found += fresh
            let paging = object["paging"] as? [String: Any]
            let perPage = (paging?["per_page"] as? NSNumber)?.intValue ?? LocationDiscovery.pageSize
            if data.isEmpty || fresh.isEmpty || paging?["has_next_page"] as? Bool == false || data.count < perPage { break }
        }
        return found
    }

    private var endpoint: String { "GET organizations/\(configuration.organizationID)/locations" }

    /// One page's JSON object, retrying 429 (after Retry-After), 5xx and
    /// transport failures within the retry policy.
    private func fetchPage(_ page: Int, client: RobinClient) async throws -> [String: Any] {
        var failures = 0
        var rateLimited = 0
        let query = [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "per_page", value: String(LocationDiscovery.pageSize))]
        while true {
            do {
                let answer = try await client.get("organizations/\(configuration.organizationID)/locations", query: query)
                let status = answer.response.statusCode
                guard status == 200 else { throw client.failure(answer) }
                guard let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any] else {
                    throw ClientFailure.transient("HTTP 200, but the body is not Robin's JSON envelope")
                }
                return object
            } catch let failure as ClientFailure {
                switch failure {
                case .rateLimited(let retryAfter):
                    rateLimited += 1
                    guard rateLimited <= configuration.retry.maxRateLimited else {
                        throw FetchError(.api, "\(endpoint): HTTP 429 Too Many Requests \(rateLimited) times in a row; giving up", httpStatus: 429)
                    }
                    try await Task.sleep(for: retryAfter ?? configuration.retry.backoff(afterFailure: rateLimited))
                case .transient(let reason):
                    failures += 1
                    guard failures < configuration.retry.maxAttempts else {
                        throw FetchError(.transient, "\(endpoint) page \(page): failed \(failures) times, last: \(reason)")
                    }
                    logger.warning("\(endpoint) page \(page): \(reason); retry \(failures)")
                    try await Task.sleep(for: configuration.retry.backoff(afterFailure: failures))
                case .unauthorized(let status):
                    throw FetchError(
                        .api,
                        "\(endpoint): HTTP \(status) \(RobinClient.reason(status)): Robin refused the API token "
                            + "(check \(APIToken.environmentVariable) or --token-file)",
                        httpStatus: status
                    )
                case .refused(let status, let message):
                    let hint = status == 404 ? " (is --org \(configuration.organizationID) right?)" : ""
                    throw FetchError(.api, "\(endpoint): HTTP \(status) \(RobinClient.reason(status)): Robin says \(message)\(hint)", httpStatus: status)
                case .redirected(let status, let target):
                    throw FetchError(.api, "\(endpoint): \(client.redirectMessage(status: status, to: target))", httpStatus: status)
                case .tooLarge(let limit, _):
                    throw FetchError(.api, "\(endpoint) page \(page): the answer is over \(limit) bytes (--max-body-bytes)")
                }
            }
        }
    }
}
