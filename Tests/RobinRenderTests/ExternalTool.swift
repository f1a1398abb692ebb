import Foundation
import RobinTestSupport
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
    static func run(_ command: String, _ arguments: [String], package: String) async throws -> String {
        guard let path = PDFPrinter.executable(command, in: (ProcessInfo.processInfo.environment["PATH"] ?? "")
            .split(separator: ":").map(String.init))
        else { throw Failure(description: "\(command) is not installed (make test installs it: apt-get install \(package))") }
        return try await TestProcess.output(path, arguments)
    }

    /// Runs `python3 scripts/<script> arguments` and decodes its JSON output.
    static func python<T: Decodable>(_ script: String, _ arguments: [String], as type: T.Type) async throws -> T {
        let json = try await run("python3", [Self.script(script)] + arguments, package: "python3")
        return try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// Makes sure Selenium can be imported, installing it with pip when it is missing
    /// (as `make test` does), once per test run.
    static func requireSelenium() async throws { try await PythonModule.require("selenium") }
}
