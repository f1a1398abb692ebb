import Foundation
import RobinTestSupport

/// The built `robin-report` as the fetch tests run it: a child process in a
/// folder, with a minimal environment (no inherited ROBIN_API_TOKEN).
enum ReportProcess {
    /// `PATH` and `HOME` (the folder) plus `environment`.
    static func environment(in folder: String, _ environment: [String: String]) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": folder].merging(environment) { $1 }
    }

    /// Starts `robin-report arguments...` in `folder`.
    static func start(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> TestProcess {
        try CommandRunner().start(arguments, directory: folder, environment: Self.environment(in: folder, environment),
                                  inherit: false)
    }

    /// Runs it to the end; killed (and the test failed) when it takes longer than `timeout`.
    static func run(
        _ arguments: [String], in folder: String, environment: [String: String] = [:], timeout: Duration = .seconds(30)
    ) async throws -> TestProcess.Result {
        try await CommandRunner().run(arguments, directory: folder, environment: Self.environment(in: folder, environment),
                                      inherit: false, timeout: timeout)
    }
}
