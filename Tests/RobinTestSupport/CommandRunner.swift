import Foundation

/// Runs the built `robin-report` (or another product) as a child process and
/// captures what it prints: the command line is tested as users meet it.
public struct CommandRunner: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let executable: URL

    /// The product `name` in the build folder the tests run from.
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

    /// Runs with `arguments` in `directory`, with `environment` added to this process's.
    public func run(_ arguments: [String], directory: String? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the child runs so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
