import Foundation
@testable import RobinRender

/// The real programs the report is read with in these tests: Python's csv module,
/// GitHub's cmark-gfm, Chromium (with chromedriver and Selenium), poppler's
/// pdftotext and pdfinfo. `make test` installs them; a missing one fails the test
/// that needs it, naming the package, never skips it.
enum ExternalTool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The repository root (this file is two folders down).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `scripts/<name>`.
    static func script(_ name: String) -> String { root.appendingPathComponent("scripts/\(name)").path }

    /// Runs `command` (looked up on PATH) with `arguments`; its stdout. Throws with its
    /// stderr when it fails, and names `package` when it is not installed.
    @discardableResult
    static func run(_ command: String, _ arguments: [String], package: String) throws -> String {
        guard let path = PDFPrinter.executable(command, in: (ProcessInfo.processInfo.environment["PATH"] ?? "")
            .split(separator: ":").map(String.init))
        else { throw Failure(description: "\(command) is not installed (make test installs it: apt-get install \(package))") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(command) \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): "
                + String(decoding: errData, as: UTF8.self).suffix(2000))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Runs `python3 scripts/<script> arguments` and decodes its JSON output.
    static func python<T: Decodable>(_ script: String, _ arguments: [String], as type: T.Type) throws -> T {
        let json = try run("python3", [Self.script(script)] + arguments, package: "python3")
        return try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// Makes sure Selenium can be imported, installing it with pip when it is missing
    /// (as `make test` does), once per test run.
    static func requireSelenium() throws { try selenium.get() }

    private static let selenium: Result<Void, any Error> = Result {
        if (try? run("python3", ["-c", "import selenium"], package: "python3")) != nil { return }
        try run("python3", ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "selenium"], package: "python3")
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ prefix: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
