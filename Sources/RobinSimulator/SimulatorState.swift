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
    private var exportCounter = 0
    private(set) var log: [RequestRecord] = []
    var readinessDelay: Duration

    init(configuration: SimulatorConfiguration, dataSource: any ExportDataSource) {
        self.configuration = configuration
        self.dataSource = dataSource
        self.readinessDelay = configuration.readinessDelay
    }

    func inject(_ fault: SimulatedFault, on target: SimulatedFault.Target, times: Int) {
        faults += Array(repeating: (target, fault), count: times)
    }

    func setReadinessDelay(_ delay: Duration) {
        readinessDelay = delay
    }

    func record(_ entry: RequestRecord) {
        log.append(entry)
        configuration.onRequest?(entry)
    }

    /// Answers `POST .../organizations/{org}/{kind}` with `body`.
    func requestExport(kind: ExportKind, token: String?, body: Data, at now: ContinuousClock.Instant) -> SimulatorReply {
        var slow: Duration?
        if let fault = takeFault(.post) {
            switch fault {
            case .tooManyRequests(let seconds):
                if let token { blockedUntil[token] = now + .seconds(seconds) }
                return tooMany(retryAfter: seconds)
            case .serverError: return serverError()
            case .connectionReset: return .reset
            case .truncatedBody:
                return .truncated(SimulatorReply.envelopeJSON(status: 202, message: "", errors: [], data: ["export_id": "x"]))
            case .slowReadiness(let delay): slow = delay
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
            readyAt: now + (slow ?? readinessDelay)
        )
        return .envelope(status: 202, message: "", data: ["export_id": id, "report_id": id])
    }

    /// Answers `GET .../exports/{id}`.
    func download(id: String, token: String?, at now: ContinuousClock.Instant) -> SimulatorReply {
        // A truncated body needs a body: it waits for a download that is ready.
        let ready = exports[id].map { $0.readyAt <= now } ?? false
        if let fault = takeFault(.get, where: { ready || $0 != .truncatedBody }) {
            switch fault {
            case .tooManyRequests(let seconds): return tooMany(retryAfter: seconds)
            case .serverError: return serverError()
            case .connectionReset: return .reset
            case .truncatedBody: return .truncated(Data(csv(exports[id]!).utf8))
            case .slowReadiness: break
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

    private func csv(_ export: SimulatedExport) -> String {
        dataSource.export(export.kind, fromUTC: export.fromUTC, toUTC: export.toUTC, locationIDs: export.locationIDs)
    }

    private func takeFault(
        _ target: SimulatedFault.Target,
        where applicable: (SimulatedFault) -> Bool = { _ in true }
    ) -> SimulatedFault? {
        guard let index = faults.firstIndex(where: { $0.target == target && applicable($0.fault) }) else { return nil }
        return faults.remove(at: index).fault
    }

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
