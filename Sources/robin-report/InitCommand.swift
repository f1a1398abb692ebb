import ArgumentParser
import Foundation
import RobinFetch
import RobinModel

/// `robin-report init`: a starter configuration from the organisation's locations.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter robin-report.toml from the organisation's locations in Robin.",
        discussion: """
            Reads the organisation's locations from Robin's API (GET /organizations/{id}/locations, \
            every page; token from ROBIN_API_TOKEN or --token-file) and writes a commented \
            configuration: org_id, location_ids, the org's time zone (the one most locations have), \
            a [buildings."<name>"] table per location with its time zone, and commented examples of \
            the other settings. Then `robin-report report` uses it as it is.

            The file is written atomically and never holds the token. An existing file is kept \
            unless --force (exit code 2 without it).

            Exit codes: 0 success, 1 API or I/O failure, 2 usage or configuration error.
            """
    )

    @Option(help: ArgumentHelp("Robin organisation id.", valueName: "id"))
    var org: Int

    @Option(help: ArgumentHelp("The configuration file to write.", valueName: "file"))
    var config: String = "robin-report.toml"

    @Flag(help: "Replace the configuration file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Attempts per request on 5xx, timeouts and dropped connections.", valueName: "n"))
    var maxAttempts: Int = 5

    /// Token, API root, timeouts and log level, as `fetch` and `report` have them.
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard org > 0 else { throw ValidationError("--org \(org): must be a positive organisation id") }
        guard !config.isEmpty else { throw ValidationError("--config: give a file name") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
    }

    func run() async throws {
        // Refuse before any request: a rerun must not clobber a hand-edited file.
        if !force, FileManager.default.fileExists(atPath: config) || (try? FileManager.default.destinationOfSymbolicLink(atPath: config)) != nil {
            throw Failure.usage("\(config) exists; pass --force to replace it")
        }
        let token = try APIToken.load(tokenFile: connection.tokenFile)
        let discovery = LocationDiscovery(
            configuration: FetchConfiguration(
                baseURL: URL(string: connection.baseURL)!,
                organizationID: org,
                token: token,
                requestTimeout: .seconds(connection.requestTimeout),
                retry: RetryPolicy(maxAttempts: maxAttempts),
                maxBodyBytes: connection.maxBodyBytes
            ),
            logger: connection.logger()
        )
        let locations = try await discovery.locations()
        guard !locations.isEmpty else {
            throw Failure.runtime("Robin lists no locations for organisation \(org) (GET organizations/\(org)/locations); nothing written")
        }
        let starter = StarterConfig(organizationID: org, locations: locations)
        // AtomicFile writes its temporary beside the file, so it needs the folder spelled out.
        try AtomicFile.write(starter.render(), to: URL(fileURLWithPath: config).path)
        if !connection.quiet {
            let names = Set(locations.map(\.displayName)).count
            print("\(config): organisation \(org), \(locations.count) locations (\(names) buildings), time zone \(starter.timeZone). "
                + "Check it, then run: robin-report report")
        }
    }
}
