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
/// - `GET /v1.0/organizations/{id}/locations?page=&per_page=` lists the
///   configured locations, paged, in the same envelope.
///
/// Tests can inject faults (`SimulatedFault`, or at random with
/// `RandomFaults`) and read the request log.
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

    /// Draws faults at random from now on (nil: stop).
    public func setRandomFaults(_ faults: RandomFaults?) async {
        await state.setRandomFaults(faults)
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
        var exportID: String?
        let reply: SimulatorReply
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            if method == "POST", rest.count == 3, rest[0] == "organizations", Int(rest[1]) != nil,
               let kind = ExportKind(rawValue: String(rest[2])) {
                let body = (try? await request.bodyData) ?? Data()
                from = (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["from"] as? String
                reply = await state.requestExport(kind: kind, token: token, body: body, path: path, at: now)
                if case .envelope(202, _, _, let data, _) = reply { exportID = data?["export_id"] }
            } else if method == "GET", rest.count == 1, !rest[0].isEmpty {
                exportID = String(rest[0])
                reply = await state.download(id: String(rest[0]), token: token, path: path, at: now)
            } else {
                reply = .envelope(status: 404, message: "No route for \(method) \(path)")
            }
        } else if method == "GET", parts.count == 5, parts[1] == "v1.0", parts[2] == "organizations", Int(parts[3]) != nil,
                  parts[4] == "locations" {
            reply = await state.locations(
                token: token, page: request.query["page"].flatMap { Int($0) }, perPage: request.query["per_page"].flatMap { Int($0) }
            )
        } else {
            reply = .envelope(status: 404, message: "No route for \(method) \(path)")
        }
        // Only export requests and downloads can show a body fault (the locations list is a real raw 200).
        let bodyFault = path.hasPrefix(prefix) ? reply.bodyFault : nil
        await state.record(RequestRecord(method: method, path: path, status: reply.status, at: now, from: from, exportID: exportID,
                                         bodyFault: bodyFault))
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
        case .closeDelimited(let body):
            return CloseDelimitedBody.response(body, contentType: "text/csv; charset=utf-8")
        case .drip(let body, let rate):
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/csv; charset=utf-8"],
                body: HTTPBodySequence(from: DrippingBytes(bytes: [UInt8](body), bytesPerSecond: rate), count: body.count)
            )
        case .endless(let header, let row):
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/csv; charset=utf-8"],
                body: HTTPBodySequence(from: EndlessBytes(header: [UInt8](header), row: [UInt8](row)))
            )
        case .redirect(let location):
            return HTTPResponse(
                statusCode: HTTPStatusCode(302, phrase: "Found"),
                headers: [HTTPHeader("Location"): location, .contentType: "text/plain"],
                body: Data("Moved to \(location)\n".utf8)
            )
        case .raw(let status, let contentType, let body):
            return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: phrase(status)), headers: [.contentType: contentType], body: body)
        }
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 202: "Accepted"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        default: "Status \(status)"
        }
    }
}
