import ArgumentParser
import Foundation
import RobinSimulator
import RobinSynthetic

/// `robin-report simulate`: Robin's Analytics API on loopback, for trying clients.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a local server that behaves like Robin's Analytics API.",
        discussion: """
            Prints the base URL (use it as `fetch --base-url`) and serves until killed.
            Requests need `Authorization: Access-Token <token>` with the --token value. \
            It serves the export requests and downloads, and the synthetic organisation's \
            locations at GET /v1.0/organizations/{id}/locations (paged, for `init`).

            Faults, for trying a client's failure handling:
              --fault TARGET:KIND[=ARG][xN]   (repeatable) the next N requests of TARGET \
            (post: export requests, get: downloads) misbehave, in the order given. KIND is one of: \
            \(FaultSpec.kinds). Examples: --fault post:429=2x5 (a storm of five 429s), \
            --fault get:drip=16, --fault get:redirect=8081, --fault get:cut-no-length.
              --fault-rate P   each request misbehaves with probability P (0 to 1), drawing \
            from --fault-kinds (default: 429, 500, 503, reset, cut, cut-no-length, html, json, empty: \
            all survivable by retrying), seeded by --fault-seed.
            """
    )

    @Option(help: ArgumentHelp("Port on 127.0.0.1 (0 picks a free one).", valueName: "n"))
    var port: UInt16 = 0

    @Option(help: ArgumentHelp("Seed of the synthetic organisation's data.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Head count of the synthetic organisation.", valueName: "n"))
    var people: Int = 300

    @Option(help: ArgumentHelp("Token the server accepts (default: ROBIN_API_TOKEN, else \"simulator\").", valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp("Seconds after its POST until an export is ready.", valueName: "seconds"))
    var readyAfter: Double = 2

    @Option(help: ArgumentHelp("POSTs accepted per token in any --post-window.", valueName: "n"))
    var postsPerMinute: Int = 30

    @Option(help: ArgumentHelp("Rolling window of the POST limit in seconds.", valueName: "seconds"))
    var postWindow: Double = 60

    @Option(name: .customLong("fault"), help: ArgumentHelp("Inject a fault, TARGET:KIND[=ARG][xN] (repeatable; see above).", valueName: "spec"))
    var faults: [String] = []

    @Option(help: ArgumentHelp("Probability (0 to 1) that any request misbehaves, drawn from --fault-kinds.", valueName: "p"))
    var faultRate: Double = 0

    @Option(help: ArgumentHelp("Comma-separated KIND[=ARG] list that --fault-rate draws from.", valueName: "kinds"))
    var faultKinds: String?

    @Option(help: ArgumentHelp("Seed of the --fault-rate draws (default: --seed).", valueName: "n"))
    var faultSeed: UInt64?

    @Flag(help: "Print every request (method, path, status, and a body fault shown in its place) on stderr.")
    var verbose = false

    @Sendable private static func printRequest(_ record: RequestRecord) {
        let status = record.status == 0 ? "dropped" : String(record.status)
        let fault = record.bodyFault.map { " (\($0))" } ?? ""
        FileHandle.standardError.write(Data("\(record.method) \(record.path) -> \(status)\(fault)\n".utf8))
    }

    func validate() throws {
        guard people > 0 else { throw ValidationError("--people must be positive") }
        guard readyAfter >= 0 else { throw ValidationError("--ready-after must not be negative") }
        guard postsPerMinute > 0 else { throw ValidationError("--posts-per-minute must be positive") }
        guard postWindow > 0 else { throw ValidationError("--post-window must be positive") }
        if let token, token.isEmpty || token.contains(where: \.isWhitespace) {
            throw ValidationError("--token: must be non-empty without spaces")
        }
        guard (0...1).contains(faultRate) else { throw ValidationError("--fault-rate must be from 0 to 1") }
        _ = try parsedFaults()
        _ = try randomFaults()
    }

    private func parsedFaults() throws -> [FaultSpec] {
        do {
            return try faults.map { (spec) throws(FaultSpec.Invalid) in try FaultSpec(parsing: spec) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    private func randomFaults() throws -> RandomFaults? {
        guard faultRate > 0 else {
            if faultKinds != nil { throw ValidationError("--fault-kinds needs --fault-rate") }
            return nil
        }
        guard let faultKinds else { return RandomFaults(rate: faultRate, seed: faultSeed ?? seed) }
        let kinds: [SimulatedFault]
        do {
            kinds = try faultKinds.split(separator: ",").map { (kind) throws(FaultSpec.Invalid) in
                try FaultSpec.fault(kind.trimmingCharacters(in: .whitespaces))
            }
        } catch {
            throw ValidationError(error.description)
        }
        guard !kinds.isEmpty else { throw ValidationError("--fault-kinds: name at least one kind") }
        return RandomFaults(rate: faultRate, seed: faultSeed ?? seed, kinds: kinds)
    }

    func run() async throws {
        let environmentToken = ProcessInfo.processInfo.environment["ROBIN_API_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let accepted = token ?? environmentToken ?? "simulator"
        let organization = SyntheticOrganization(seed: seed, people: people)
        let simulator = RobinAPISimulator(
            configuration: SimulatorConfiguration(
                port: port,
                tokens: [accepted],
                postLimit: postsPerMinute,
                postWindow: .seconds(postWindow),
                readinessDelay: .seconds(readyAfter),
                knownLocationIDs: Set(organization.locationIDs),
                onRequest: verbose ? SimulateCommand.printRequest : nil,
                locations: SimulatedLocation.locations(of: organization),
                randomFaults: try randomFaults()
            ),
            dataSource: organization
        )
        for spec in try parsedFaults() {
            await simulator.inject(spec.fault, on: spec.target, times: spec.times)
        }
        let url = try await simulator.start()
        FileHandle.standardOutput.write(Data((url.absoluteString + "\n").utf8))
        let tokenSource = token != nil ? "--token" : environmentToken != nil ? "ROBIN_API_TOKEN" : "\"simulator\""
        FileHandle.standardError.write(Data(
            "Robin API simulator on \(url.absoluteString): \"\(organization.organizationName)\", \(organization.headCount) people, time zone \(organization.timeZoneIdentifier), location ids \(organization.locationIDs.map(String.init).joined(separator: ",")) (token: \(tokenSource)); Ctrl-C stops it\n".utf8
        ))
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(3600))
        }
    }
}
