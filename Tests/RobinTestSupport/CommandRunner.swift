import Foundation

/// Runs the built `robin-report` (or another product) as a child process and
/// captures what it prints: the command line is tested as users meet it.
public struct CommandRunner: Sendable {
    public typealias Result = TestProcess.Result

    public let executable: URL

    /// The product `name` in the build folder the tests run from
    /// (`ROBIN_REPORT_BIN` overrides the path of `robin-report`).
    public init(product name: String = "robin-report") {
        if let override = ProcessInfo.processInfo.environment["ROBIN_REPORT_BIN"], name == "robin-report" {
            executable = URL(fileURLWithPath: override)
            return
        }
        // The test runner lives in the same folder as the products (.build/<triple>/debug).
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.pathExtension == "xctest" || folder.lastPathComponent == "MacOS" {
            folder = folder.deletingLastPathComponent()
        }
        executable = folder.appendingPathComponent(name)
    }

    /// Runs with `arguments` in `directory`, with `environment` added to this
    /// process's (or, with `inherit: false`, exactly `environment`), to the end.
    public func run(_ arguments: [String], directory: String? = nil, environment: [String: String] = [:],
                    inherit: Bool = true, timeout: Duration = TestProcess.defaultTimeout) async throws -> Result {
        try await TestProcess.run(executable.path, arguments, environment: Self.environment(environment, inherit: inherit),
                                  directory: directory, timeout: timeout)
    }

    /// Starts it (for a test that kills it, or reads it while it runs).
    public func start(_ arguments: [String], directory: String? = nil, environment: [String: String] = [:],
                      inherit: Bool = true) throws -> TestProcess {
        try TestProcess.start(executable.path, arguments, environment: Self.environment(environment, inherit: inherit),
                              directory: directory)
    }

    /// `environment` added to this process's, or alone.
    static func environment(_ environment: [String: String], inherit: Bool) -> [String: String] {
        inherit ? ProcessInfo.processInfo.environment.merging(environment) { $1 } : environment
    }
}
