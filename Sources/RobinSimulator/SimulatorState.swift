import Foundation
import RobinModel

/// The simulator's memory: accepted exports, each token's recent POSTs,
/// pending faults and the request log.
actor SimulatorState {
    private let configuration: SimulatorConfiguration
    private let dataSource: any ExportDataSource
    private var exports: [String: SimulatedExport] = [:]
    private var acceptedPosts: [String: [ContinuousClock.Instant]] = [:]
    private var blockedUntil: [String: ContinuousClock.Instant] = [:]
    private var faults: [(target: SimulatedFault.Target, fault: SimulatedFault)] = []
    private var randomFaults: RandomFaults?
    private var exportCounter = 0
    private(set) var log: [RequestRecord] = []
    var readinessDelay: Duration

    init(configuration: SimulatorConfiguration, dataSource: any ExportDataSource) {
        self.configuration = configuration
        self.dataSource = dataSource
        self.readinessDelay = configuration.readinessDelay
        self.randomFaults = configuration.randomFaults
    }

    func inject(_ fault: SimulatedFault, on target: SimulatedFault.Target, times: Int) {
        faults += Array(repeating: (target, fault), count: times)
    }

    func setRandomFaults(_ faults: RandomFaults?) {
        randomFaults = faults
    }

    func setReadinessDelay(_ delay: Duration) {
        readinessDelay = delay
    }

    func record(_ entry: RequestRecord) {
        log.append(entry)
        configuration.onRequest?(entry)
    }

    /// Answers `POST .../organizations/{org}/{kind}` with `body`.
    func requestExport(kind: ExportKind, token: String?, body: Data, path: String, at now: ContinuousClock.Instant) -> SimulatorReply {
        var slow: Duration?
        if let fault = takeFault(.post, exportReady: false) {
            switch fault {
            case .tooManyRequests(let seconds):
                if let token { blockedUntil[token] = now + .seconds(seconds) }
                return tooMany(retryAfter: seconds)
            case .truncatedBody:
                return .truncated(SimulatorReply.envelopeJSON(status: 202, message: "", errors: [], data: ["export_id": "x"]))
            case .slowReadiness(let delay): slow = delay
            default:
                if let reply = common(fault, path: path) { return reply }
            }
        }
        guard let token, configuration.tokens.contains(token) else { return unauthorized() }
        if let until = blockedUntil[token], until > now {
            return tooMany(retryAfter: seconds(until - now))
        }
        var recent = (acceptedPosts[token] ?? []).filter { $0 + configuration.postWindow > now }
        if recent.count >= configuration.postLimit {
            acceptedPosts[token] = recent
            return tooMany(retryAfter: seconds(recent[recent.count - configuration.postLimit] + configuration.postWindow - now))
        }
        recent.append(now)
        acceptedPosts[token] = recent

        let request: ExportRequestBody
        do {
            request = try ExportRequestBody(json: body)
        } catch {
            return .envelope(status: 400, message: error.message, errors: error.errors)
        }
        if let known = configuration.knownLocationIDs, let ids = request.locationIDs {
            let unknown = ids.filter { !known.contains($0) }
            if !unknown.isEmpty {
                let list = unknown.map(String.init).joined(separator: ", ")
                return .envelope(
                    status: 400,
                    message: "The given data was invalid: unknown location_ids \(list)",
                    errors: ["location_ids: no location with id \(list) in this organization"]
                )
            }
        }
        exportCounter += 1
        let id = SimulatorState.exportID(exportCounter)
        exports[id] = SimulatedExport(
            kind: kind,
            fromUTC: request.fromUTC,
            toUTC: request.toUTC,
            locationIDs: request.locationIDs,
            token: token,
            readyAt: now + (slow ?? readinessDelay),
            asOfUTC: configuration.clock.map { Int64($0().timeIntervalSince1970.rounded(.down)) }
        )
        return .envelope(status: 202, message: "", data: ["export_id": id, "report_id": id])
    }

    /// Answers `GET .../exports/{id}` at `path`.
    func download(id: String, token: String?, path: String, at now: ContinuousClock.Instant) -> SimulatorReply {
        // A body fault needs a body: it waits for a download that is ready.
        let ready = exports[id].map { $0.readyAt <= now } ?? false
        if let fault = takeFault(.get, exportReady: ready) {
            switch fault {
            case .tooManyRequests(let seconds): return tooMany(retryAfter: seconds)
            case .truncatedBody: return .truncated(Data(csv(exports[id]!).utf8))
            case .cutWithoutLength: return .closeDelimited(CloseDelimitedBody.cut(Data(csv(exports[id]!).utf8)))
            case .drip(let rate): return .drip(Data(csv(exports[id]!).utf8), bytesPerSecond: rate)
            case .htmlBody:
                return .raw(status: 200, contentType: "text/html; charset=utf-8", body: Data(SimulatorState.htmlPage.utf8))
            case .jsonBody:
                return .raw(status: 200, contentType: "application/json",
                            body: SimulatorReply.envelopeJSON(status: 200, message: "Export is processing", errors: [], data: nil))
            case .emptyBody: return .raw(status: 200, contentType: "text/csv", body: Data())
            case .endlessBody:
                let header = Array(csv(exports[id]!).utf8.prefix { $0 != UInt8(ascii: "\n") }) + [UInt8(ascii: "\n")]
                let columns = header.filter { $0 == UInt8(ascii: ",") }.count + 1
                let row = Array(repeating: "x", count: columns).joined(separator: ",") + "\n"
                return .endless(header: Data(header), row: Data(row.utf8))
            case .slowReadiness: break
            default:
                if let reply = common(fault, path: path) { return reply }
            }
        }
        guard let token, configuration.tokens.contains(token) else { return unauthorized() }
        guard let export = exports[id], export.token == token else {
            return .envelope(status: 404, message: "Export \(id) was not found")
        }
        guard export.readyAt <= now else {
            return .envelope(status: 404, message: "Export \(id) is not ready yet")
        }
        return .csv(csv(export))
    }

    /// Answers `GET .../organizations/{org}/locations?page=&per_page=`: Robin's
    /// envelope with `data` (the page's locations) and `paging`. `per_page`
    /// defaults to 10 and is capped at 100, as Robin's API does.
    func locations(token: String?, page: Int?, perPage: Int?) -> SimulatorReply {
        guard let token, configuration.tokens.contains(token) else { return unauthorized() }
        let page = max(1, page ?? 1)
        let perPage = min(100, max(1, perPage ?? 10))
        let all = configuration.locations
        let start = min(all.count, (page - 1) * perPage)
        let slice = all[start..<min(all.count, start + perPage)]
        let object: [String: Any] = [
            "meta": ["status_code": 200, "status": "OK", "message": "", "more_info": [String: Any](), "errors": [Any]()],
            "data": slice.map(\.json),
            "paging": ["page": page, "per_page": perPage, "has_next_page": start + perPage < all.count],
        ]
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return .raw(status: 200, contentType: "application/json", body: body)
    }

    private func csv(_ export: SimulatedExport) -> String {
        let csv = dataSource.export(export.kind, fromUTC: export.fromUTC, toUTC: export.toUTC, locationIDs: export.locationIDs)
        return export.asOfUTC.map { AsOfView.view(csv, asOfUTC: $0) } ?? csv
    }

    /// The next queued fault for `target`, else a random one when configured.
    /// Body faults wait for a ready export.
    private func takeFault(_ target: SimulatedFault.Target, exportReady: Bool) -> SimulatedFault? {
        // A POST's "truncated body" is its 202 envelope cut short.
        let applicable = { (fault: SimulatedFault) in
            !fault.replacesBody || exportReady || (target == .post && fault == .truncatedBody)
        }
        if let index = faults.firstIndex(where: { $0.target == target && applicable($0.fault) }) {
            return faults.remove(at: index).fault
        }
        return randomFaults?.draw(target, exportReady: exportReady)
    }

    /// The answer to a fault that looks the same on a POST and a GET.
    private func common(_ fault: SimulatedFault, path: String) -> SimulatorReply? {
        switch fault {
        case .serverError: serverError()
        case .status(let status): .envelope(status: status, message: "Simulated HTTP \(status)")
        case .connectionReset: .reset
        case .redirect(let port): .redirect(location: "http://127.0.0.1:\(port)\(path)")
        default: nil
        }
    }

    private static let htmlPage = """
        <!DOCTYPE html>
        <html><head><title>502 Bad Gateway</title></head>
        <body><h1>Bad Gateway</h1><p>The upstream server is unavailable.</p></body></html>

        """

    private func tooMany(retryAfter: Int) -> SimulatorReply {
        .envelope(
            status: 429,
            message: "Too many requests: at most \(configuration.postLimit) POSTs per \(Int(configuration.postWindow.components.seconds)) s",
            retryAfter: max(1, retryAfter)
        )
    }

    private func unauthorized() -> SimulatorReply {
        .envelope(status: 401, message: "Unauthorized: missing or invalid access token")
    }

    private func serverError() -> SimulatorReply {
        .envelope(status: 500, message: "Internal server error (simulated)")
    }

    private func seconds(_ duration: Duration) -> Int {
        let (whole, fraction) = duration.components
        return Int(whole) + (fraction > 0 ? 1 : 0)
    }

    /// A UUID-shaped id that is deterministic per simulator run.
    static func exportID(_ counter: Int) -> String {
        let hex = String(counter, radix: 16)
        let padded = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
        return "6239b88d-9cf6-47a9-9dd3-\(padded)"
    }
}
