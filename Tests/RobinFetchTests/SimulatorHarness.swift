import Foundation
import Logging
import RobinFetch
import RobinModel
import RobinSimulator
import RobinTestSupport

/// A simulator on loopback plus a scratch folder, for one test.
struct SimulatorHarness {
    /// The token the simulator accepts; distinctive so a leak is easy to grep.
    static let token = "tok-Zq8v-secret-0042"

    /// A logger for fetchers in tests: errors only, so test output stays readable.
    static var logger: Logger {
        var logger = Logger(label: "robin-fetch-tests")
        logger.logLevel = .error
        return logger
    }

    let simulator: RobinAPISimulator
    let baseURL: URL
    let scratch: TemporaryFolder
    /// The test's scratch folder (the fetch's cache goes under it).
    var folder: String { scratch.path }

    static func start(
        postLimit: Int = 30,
        postWindow: Duration = .seconds(60),
        readiness: Duration = .milliseconds(100),
        knownLocationIDs: Set<Int>? = [1, 2],
        locations: [SimulatedLocation] = []
    ) async throws -> SimulatorHarness {
        let simulator = RobinAPISimulator(
            configuration: SimulatorConfiguration(
                tokens: [token],
                postLimit: postLimit,
                postWindow: postWindow,
                readinessDelay: readiness,
                knownLocationIDs: knownLocationIDs,
                locations: locations
            ),
            dataSource: TinyDataSource()
        )
        let url = try await simulator.start()
        return SimulatorHarness(simulator: simulator, baseURL: url, scratch: try TemporaryFolder("robin-fetch-tests"))
    }

    /// A fast configuration against this simulator (loopback allows short polls).
    func configuration(
        cache: String = "cache",
        token: String = SimulatorHarness.token,
        timeZone: String = "UTC",
        locationIDs: [Int]? = nil,
        pollInterval: Duration = .milliseconds(50),
        postLimit: Int = 30,
        postWindow: Duration = .seconds(60),
        deadline: Duration = .seconds(20),
        today: LocalDate? = nil,
        now: Date = SimulatorHarness.farFuture,
        requestTimeout: Duration = .seconds(10),
        maxAttempts: Int = 4,
        maxBodyBytes: Int64 = FetchConfiguration.defaultMaxBodyBytes
    ) -> FetchConfiguration {
        FetchConfiguration(
            baseURL: baseURL,
            organizationID: 42,
            locationIDs: locationIDs,
            cacheDirectory: (folder as NSString).appendingPathComponent(cache),
            timeZone: TimeZone(identifier: timeZone)!,
            token: APIToken(token)!,
            pollInterval: pollInterval,
            postLimit: postLimit,
            postWindow: postWindow,
            exportDeadline: deadline,
            requestTimeout: requestTimeout,
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(20), maxDelay: .milliseconds(200)),
            today: today,
            maxBodyBytes: maxBodyBytes,
            now: { now }
        )
    }

    /// The default "now" of fetches in tests: 2030-01-01T12:00Z, so every day
    /// they fetch (in 2025-2026) is past and settled, hence final.
    static let farFuture = Date(timeIntervalSince1970: 1_893_499_200)

    func stop() async {
        await simulator.stop()
        scratch.remove()
    }

    /// Every file under `path` (relative path -> bytes), skipping the lock file.
    static func files(under path: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.hasSuffix(".lock")
            else { continue }
            result[relative] = FileManager.default.contents(atPath: full)
        }
        return result
    }
}

/// A period from two `YYYY-MM-DD` strings.
func period(_ from: String, _ to: String) -> Period {
    Period(from: LocalDate(from)!, to: LocalDate(to)!)!
}
