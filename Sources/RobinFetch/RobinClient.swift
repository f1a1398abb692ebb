import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import RobinModel

/// One HTTP exchange at a time with Robin's Analytics API. Retrying and
/// pacing are the fetcher's job; this type only sends, classifies the answer
/// and keeps the token out of everything it returns.
///
/// Every request: follows no redirect (the token goes only to `baseURL`'s
/// origin), must be answered completely within `requestTimeout` (head and
/// body: a server dripping bytes cannot hold it longer), and may not bring a
/// body over `maxBodyBytes` (counted as it arrives). An export's CSV streams
/// to a temporary file in the cache folder, never into memory.
struct RobinClient: Sendable {
    let baseURL: URL
    let token: APIToken
    let requestTimeout: Duration
    let maxBodyBytes: Int64
    let session: URLSession
    let sessionConfiguration: URLSessionConfiguration
    let delegate: TransferDelegate
    let logger: Logger

    init(configuration: FetchConfiguration, logger: Logger) {
        self.baseURL = configuration.baseURL
        self.token = configuration.token
        self.requestTimeout = configuration.requestTimeout
        self.maxBodyBytes = configuration.maxBodyBytes
        self.logger = logger
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        // libcurl's own timer (no byte for this long); the whole answer is bounded in `send`.
        sessionConfiguration.timeoutIntervalForRequest = configuration.requestTimeout.seconds
        sessionConfiguration.timeoutIntervalForResource = configuration.requestTimeout.seconds * 2
        sessionConfiguration.httpMaximumConnectionsPerHost = 8
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        self.sessionConfiguration = sessionConfiguration
        self.delegate = TransferDelegate()
        self.session = URLSession(configuration: sessionConfiguration, delegate: delegate, delegateQueue: nil)
    }

    /// Releases the shared session once its tasks are done.
    func close() {
        session.finishTasksAndInvalidate()
    }

    /// What a poll of an export found.
    enum Download: Sendable {
        /// Not ready: Robin answered 404 or another 4xx (not 401, 403 or 429).
        case notReady(status: Int)
        /// The complete CSV, checked, in a temporary file beside the cache file.
        case ready(SpoolFile, bytes: Int64)
    }

    /// `POST insights/exports/organizations/{org}/{kind}`; returns `data.export_id`.
    func requestExport(_ kind: ExportKind, organizationID: Int, window: DayWindow, locationIDs: [Int]?) async throws -> String {
        var body: [String: Any] = ["from": window.from, "to": window.to]
        if let locationIDs { body["location_ids"] = locationIDs }
        let url = baseURL.appendingPathComponent("insights/exports/organizations/\(organizationID)/\(kind.rawValue)")
        var request = makeRequest(url, method: "POST")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        // A session (so a connection) of its own per POST: when a reused
        // keep-alive connection dies without an answer, libcurl (URLSession on
        // Linux) tries to resend the body and can stall until the timeout.
        // POSTs are few (30 a minute), so the extra handshake costs nothing.
        let session = URLSession(configuration: sessionConfiguration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let answer = try await send(request, on: session)
        switch answer.response.statusCode {
        case 200...299:
            guard let id = RobinEnvelope(answer.body).exportID, !id.isEmpty else {
                throw ClientFailure.transient("HTTP \(answer.response.statusCode) without data.export_id")
            }
            return id
        default:
            throw failure(answer)
        }
    }

    /// `GET insights/exports/{id}`. Per Robin's guide, any 4xx but 401, 403
    /// and 429 means "not ready yet"; only a 200 whose body is the complete
    /// CSV of `kind` (`CSVBodyCheck`) is ready. The CSV is spooled beside `path`.
    func downloadExport(id: String, kind: ExportKind, to path: String) async throws -> Download {
        let encoded = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
        let url = URL(string: baseURL.absoluteString.trimmingSuffix("/") + "/insights/exports/" + encoded)!
        let answer = try await send(makeRequest(url, method: "GET"), on: session) { response in
            response.statusCode == 200 ? .spool(path: path) : .memory
        }
        let status = answer.response.statusCode
        switch status {
        case 200:
            guard let file = answer.spooled else { throw ClientFailure.transient("HTTP 200 without a body") }
            let expected = answer.response.expectedContentLength
            if expected >= 0, answer.received != expected {
                file.discard()
                throw ClientFailure.transient("truncated body: \(answer.received) of \(expected) bytes")
            }
            let problem: String?
            do {
                // Reading the whole body back: on a thread of its own, off the cooperative pool.
                problem = try await Blocking.run { () throws(FetchError) in try file.check(kind: kind) }
            } catch {
                file.discard()
                throw error
            }
            if let problem {
                file.discard()
                throw ClientFailure.transient(token.redact("HTTP 200, but \(problem)"))
            }
            return .ready(file, bytes: answer.received)
        case 401, 403, 429:
            throw failure(answer)
        case 400...499:
            return .notReady(status: status)
        default:
            throw failure(answer)
        }
    }

    /// `GET <path>` (below the API root) with `query`: the status and the
    /// body (JSON), for the calls outside the export cycle (locations).
    func get(_ path: String, query: [URLQueryItem]) async throws -> HTTPAnswer {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        components.queryItems = query
        return try await send(makeRequest(components.url!, method: "GET"), on: session)
    }

    private func makeRequest(_ url: URL, method: String) -> URLRequest {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(token.authorizationHeader, forHTTPHeaderField: "Authorization")
        request.setValue("application/json, text/csv", forHTTPHeaderField: "Accept")
        return request
    }

    /// Sends `request` and waits for its complete answer, at most `requestTimeout`.
    private func send(
        _ request: URLRequest,
        on session: URLSession,
        destination: @escaping @Sendable (HTTPURLResponse) -> BodyDestination = { _ in .memory }
    ) async throws -> HTTPAnswer {
        let started = ContinuousClock.now
        let method = request.httpMethod ?? "GET"
        let path = request.url?.path ?? "?"
        let transfer = HTTPTransfer(maxBodyBytes: maxBodyBytes, destination: destination)
        let task = session.dataTask(with: request)
        delegate.add(transfer, for: task)
        let timeout = requestTimeout
        // The deadline of the whole exchange: libcurl's timer only notices silence.
        let timedOut = ClientFailure.transient("no complete answer within \(RobinClient.format(timeout)) (--request-timeout)")
        let deadline = Task {
            try await Task.sleep(for: timeout)
            transfer.fail(timedOut)
            task.cancel()
        }
        defer { deadline.cancel() }
        do {
            let answer = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPAnswer, any Error>) in
                    transfer.wait(with: continuation)
                    task.resume()
                }
            } onCancel: {
                transfer.fail(CancellationError())
                task.cancel()
            }
            logger.debug("\(method) \(path) -> \(answer.response.statusCode), \(answer.received) bytes in \(ContinuousClock.now - started)")
            return answer
        } catch let failure as ClientFailure {
            if case .transient(let reason) = failure { logger.debug("\(method) \(path) failed: \(reason)") }
            throw failure
        } catch let error as FetchError {
            throw error
        } catch {
            try Task.checkCancellation()
            // libcurl's own timer (set to the same limit) can fire first.
            if (error as? URLError)?.code == .timedOut { throw timedOut }
            let reason = token.redact(RobinClient.describe(error))
            logger.debug("\(method) \(path) failed: \(reason)")
            throw ClientFailure.transient(reason)
        }
    }

    func failure(_ answer: HTTPAnswer) -> ClientFailure {
        let response = answer.response
        let status = response.statusCode
        switch status {
        case 401, 403:
            return .unauthorized(status: status)
        case 429:
            return .rateLimited(retryAfter: RobinClient.retryAfter(response.value(forHTTPHeaderField: "Retry-After")))
        case 300...399:
            let location = response.value(forHTTPHeaderField: "Location").flatMap { URL(string: $0, relativeTo: response.url) }
            return .redirected(status: status, to: location?.absoluteURL ?? URL(string: "about:blank")!)
        case 200...299:
            return .transient("HTTP \(status) \(RobinClient.reason(status)) without the export's CSV (only a 200 with it is stored)")
        case 408, 500...599:
            let envelope = RobinEnvelope(answer.body)
            return .transient(token.redact("HTTP \(status) \(RobinClient.reason(status)): \(envelope.summary)"))
        default:
            return .refused(status: status, message: token.redact(RobinEnvelope(answer.body).summary))
        }
    }

    /// `scheme://host:port` of `url`, the part that decides where a token may go.
    static func origin(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? "?"
        let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : 0)
        return "\(scheme)://\(url.host?.lowercased() ?? "?"):\(port)"
    }

    /// Why a redirect to `target` was not followed, naming origins only (a
    /// path or query could carry anything).
    func redirectMessage(status: Int?, to target: URL) -> String {
        let answered = status.map { "HTTP \($0) \(RobinClient.reason($0))" } ?? "a redirect"
        let api = RobinClient.origin(baseURL)
        let there = RobinClient.origin(target)
        if there == api {
            return "\(answered), a redirect within \(api); not followed (robin-report follows no redirects: check --base-url)"
        }
        return "\(answered), a redirect to \(there); refused: the API token is sent only to \(api) (--base-url)"
    }

    static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }

    /// Seconds (integer or decimal) or an HTTP date; nil when absent or unreadable.
    static func retryAfter(_ value: String?) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0, seconds.isFinite {
            return .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSinceNow) * 1000))
    }

    /// The standard reason phrase of `status`.
    static func reason(_ status: Int) -> String {
        HTTPURLResponse.localizedString(forStatusCode: status).capitalized
    }

    private static func describe(_ error: any Error) -> String {
        if let urlError = error as? URLError {
            switch urlError.code {
            case .timedOut: return "timed out"
            case .networkConnectionLost: return "connection lost (reset or truncated body)"
            case .cannotConnectToHost: return "cannot connect"
            case .badServerResponse: return "bad server response"
            default: return "network error \(urlError.code.rawValue): \(urlError.localizedDescription)"
            }
        }
        return error.localizedDescription
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
