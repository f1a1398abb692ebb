import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import RobinModel

/// One HTTP exchange at a time with Robin's Analytics API. Retrying and
/// pacing are the fetcher's job; this type only sends, classifies the answer
/// and keeps the token out of everything it returns.
struct RobinClient: Sendable {
    let baseURL: URL
    let token: APIToken
    let session: URLSession
    let sessionConfiguration: URLSessionConfiguration
    let logger: Logger

    init(configuration: FetchConfiguration, logger: Logger) {
        self.baseURL = configuration.baseURL
        self.token = configuration.token
        self.logger = logger
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.requestTimeout.seconds
        sessionConfiguration.timeoutIntervalForResource = configuration.requestTimeout.seconds * 2
        sessionConfiguration.httpMaximumConnectionsPerHost = 8
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        self.sessionConfiguration = sessionConfiguration
        self.session = URLSession(configuration: sessionConfiguration)
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
        let session = URLSession(configuration: sessionConfiguration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await send(request, on: session)
        switch response.statusCode {
        case 200...299:
            guard let id = RobinEnvelope(data).exportID, !id.isEmpty else {
                throw ClientFailure.transient("HTTP \(response.statusCode) without data.export_id")
            }
            return id
        default:
            throw failure(response, data)
        }
    }

    /// `GET insights/exports/{id}`: nil while Robin answers 404 (not ready),
    /// else the CSV body.
    func downloadExport(id: String) async throws -> Data? {
        let encoded = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
        let url = URL(string: baseURL.absoluteString.trimmingSuffix("/") + "/insights/exports/" + encoded)!
        let (data, response) = try await send(makeRequest(url, method: "GET"), on: session)
        switch response.statusCode {
        case 404:
            return nil
        case 200...299:
            let expected = response.expectedContentLength
            guard expected < 0 || Int64(data.count) == expected else {
                throw ClientFailure.transient("truncated body: \(data.count) of \(expected) bytes")
            }
            return data
        default:
            throw failure(response, data)
        }
    }

    private func makeRequest(_ url: URL, method: String) -> URLRequest {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(token.authorizationHeader, forHTTPHeaderField: "Authorization")
        request.setValue("application/json, text/csv", forHTTPHeaderField: "Accept")
        return request
    }

    private func send(_ request: URLRequest, on session: URLSession) async throws -> (Data, HTTPURLResponse) {
        let started = ContinuousClock.now
        let method = request.httpMethod ?? "GET"
        let path = request.url?.path ?? "?"
        do {
            let (data, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else {
                throw ClientFailure.transient("not an HTTP response")
            }
            logger.debug("\(method) \(path) -> \(http.statusCode), \(data.count) bytes in \(ContinuousClock.now - started)")
            return (data, http)
        } catch let failure as ClientFailure {
            throw failure
        } catch {
            try Task.checkCancellation()
            let reason = token.redact(RobinClient.describe(error))
            logger.debug("\(method) \(path) failed: \(reason)")
            throw ClientFailure.transient(reason)
        }
    }

    private func failure(_ response: HTTPURLResponse, _ data: Data) -> ClientFailure {
        let status = response.statusCode
        switch status {
        case 401, 403:
            return .unauthorized(status: status)
        case 429:
            return .rateLimited(retryAfter: RobinClient.retryAfter(response.value(forHTTPHeaderField: "Retry-After")))
        case 408, 500...599:
            let envelope = RobinEnvelope(data)
            return .transient(token.redact("HTTP \(status) \(RobinClient.reason(status)): \(envelope.summary)"))
        default:
            return .refused(status: status, message: token.redact(RobinEnvelope(data).summary))
        }
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
