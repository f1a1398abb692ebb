import FlyingFox
import FlyingSocks
import Foundation
import RobinModel

/// A real HTTP server on 127.0.0.1 that behaves like Robin's Analytics API:
///
/// - `POST /v1.0/insights/exports/organizations/{org}/desks|spaces` with
///   `{"from", "to", "location_ids"?}` answers 202 and an export id;
/// - `GET /v1.0/insights/exports/{id}` answers 404 until the export is ready,
///   then 200 with the CSV;
/// - `Authorization: Access-Token <token>` is checked (401), the body is
///   validated (400, fractional seconds refused), POSTs are limited per token
///   (429 with `Retry-After`), all in Robin's JSON envelope.
///
/// Tests can inject faults and read the request log.
public actor RobinAPISimulator {
    /// The settings the simulator started with.
    public let configuration: SimulatorConfiguration
    private let state: SimulatorState
    private var server: HTTPServer?
    private var task: Task<Void, any Error>?
    private var boundPort: UInt16?

    /// A simulator serving `dataSource`'s rows; call `start()`.
    public init(configuration: SimulatorConfiguration, dataSource: any ExportDataSource) {
        self.configuration = configuration
        self.state = SimulatorState(configuration: configuration, dataSource: dataSource)
    }

    /// Starts listening and returns the API root, e.g. `http://127.0.0.1:51234/v1.0`.
    @discardableResult
    public func start() async throws -> URL {
        if let url = baseURL { return url }
        let state = self.state
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: configuration.port),
            timeout: 60,
            logger: .disabled,
            handler: ClosureHTTPHandler { request in
                await RobinAPISimulator.handle(request, state: state)
            }
        )
        self.server = server
        task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            throw SocketError.unsupportedAddress
        }
        boundPort = port
        return baseURL!
    }

    /// Stops listening and closes open connections.
    public func stop() async {
        await server?.stop(timeout: 1)
        task?.cancel()
        server = nil
        task = nil
        boundPort = nil
    }

    /// The port it listens on (nil before `start`).
    public var port: UInt16? { boundPort }

    /// The API root clients use as base URL (nil before `start`).
    public var baseURL: URL? {
        boundPort.map { URL(string: "http://127.0.0.1:\($0)/v1.0")! }
    }

    /// Makes the next `times` requests of `target` misbehave.
    public func inject(_ fault: SimulatedFault, on target: SimulatedFault.Target, times: Int = 1) async {
        await state.inject(fault, on: target, times: times)
    }

    /// Changes how long new exports stay "not ready".
    public func setReadinessDelay(_ delay: Duration) async {
        await state.setReadinessDelay(delay)
    }

    /// Every request received so far, in arrival order.
    public func requestLog() async -> [RequestRecord] {
        await state.log
    }

    private static let prefix = "/v1.0/insights/exports/"

    static func handle(_ request: HTTPRequest, state: SimulatorState) async -> HTTPResponse {
        let now = ContinuousClock.now
        let method = request.method.rawValue
        let path = request.path
        let token = accessToken(request.headers[.authorization])
        var from: String?
        let reply: SimulatorReply
        if path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            if method == "POST", rest.count == 3, rest[0] == "organizations", Int(rest[1]) != nil,
               let kind = ExportKind(rawValue: String(rest[2])) {
                let body = (try? await request.bodyData) ?? Data()
                from = (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["from"] as? String
                reply = await state.requestExport(kind: kind, token: token, body: body, at: now)
            } else if method == "GET", rest.count == 1, !rest[0].isEmpty {
                reply = await state.download(id: String(rest[0]), token: token, at: now)
            } else {
                reply = .envelope(status: 404, message: "No route for \(method) \(path)")
            }
        } else {
            reply = .envelope(status: 404, message: "No route for \(method) \(path)")
        }
        await state.record(RequestRecord(method: method, path: path, status: reply.status, at: now, from: from))
        return response(reply)
    }

    private static func accessToken(_ header: String?) -> String? {
        guard let header, header.hasPrefix("Access-Token ") else { return nil }
        return String(header.dropFirst("Access-Token ".count)).trimmingCharacters(in: .whitespaces)
    }

    private static func response(_ reply: SimulatorReply) -> HTTPResponse {
        switch reply {
        case .envelope(let status, let message, let errors, let data, let retryAfter):
            var headers: HTTPHeaders = [.contentType: "application/json"]
            if let retryAfter { headers[HTTPHeader("Retry-After")] = String(retryAfter) }
            return HTTPResponse(
                statusCode: HTTPStatusCode(status, phrase: phrase(status)),
                headers: headers,
                body: SimulatorReply.envelopeJSON(status: status, message: message, errors: errors, data: data)
            )
        case .csv(let text):
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/csv; charset=utf-8"], body: Data(text.utf8))
        case .reset:
            return HTTPResponse(webSocket: DroppedConnection())
        case .truncated(let body):
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/csv; charset=utf-8"],
                body: HTTPBodySequence(from: TruncatedBytes(prefix: Array(body.prefix(body.count / 2))), count: body.count)
            )
        }
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 202: "Accepted"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        default: "Status \(status)"
        }
    }
}
