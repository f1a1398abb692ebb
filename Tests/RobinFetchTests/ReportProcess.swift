import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `robin-report` executable run as a child process, its output
/// captured in files.
struct ReportProcess {
    let process: Process
    let stdoutPath: String
    let stderrPath: String

    /// `robin-report`: `ROBIN_REPORT_BINARY`, else beside the test bundle
    /// (`swift build --build-tests` builds both into one folder).
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["ROBIN_REPORT_BINARY"] { return path }
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for folder in candidates.compactMap({ $0 }) {
            let path = folder.appendingPathComponent("robin-report").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return "robin-report"
    }()

    /// Starts `robin-report arguments...` in `folder` with `environment`
    /// added to a minimal one (no inherited ROBIN_API_TOKEN).
    static func start(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> ReportProcess {
        let id = UUID().uuidString
        let stdoutPath = (folder as NSString).appendingPathComponent("stdout-\(id).txt")
        let stderrPath = (folder as NSString).appendingPathComponent("stderr-\(id).txt")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var base = ["PATH": "/usr/bin:/bin", "HOME": folder]
        base.merge(environment) { $1 }
        process.environment = base
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
        return ReportProcess(process: process, stdoutPath: stdoutPath, stderrPath: stderrPath)
    }

    /// Runs to the end (killing it after `timeout`) and returns status and output.
    static func run(
        _ arguments: [String], in folder: String, environment: [String: String] = [:], timeout: Duration = .seconds(30)
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try start(arguments, in: folder, environment: environment)
        let status = await child.wait(timeout: timeout)
        return (status, child.stdout, child.stderr)
    }

    /// Waits for the exit (SIGKILL after `timeout`); returns the exit status.
    func wait(timeout: Duration = .seconds(30)) async -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { kill(SIGKILL) }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    func kill(_ signal: Int32) {
        _ = Glibc.kill(process.processIdentifier, signal)
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
}
