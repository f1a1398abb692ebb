import Foundation
import RobinDeliver
import RobinTestSupport

/// A real SMTP server on loopback for one test: scripts/smtp_sink.py (aiosmtpd)
/// as a child process, writing each message it receives to a folder.
final class SMTPSink: Sendable {
    let port: Int
    private let scratch: TemporaryFolder
    private let process: TestProcess

    /// Starts the server; with `user`, it requires AUTH with that user and
    /// password; with `stall` ("rcpt" or "data-end"), it goes silent there;
    /// with `reject`, it refuses every message after its final ".".
    init(user: String? = nil, password: String? = nil, stall: String? = nil, reject: Bool = false) async throws {
        try await PythonModule.require("aiosmtpd")
        scratch = try TemporaryFolder("robin-smtp")
        var arguments = [Fixture.root.appendingPathComponent("scripts/smtp_sink.py").path, scratch.path]
        if let user { arguments += ["--user", user, "--password", password ?? ""] }
        if let stall { arguments += ["--stall", stall] }
        if reject { arguments.append("--reject") }
        // It serves until its standard input closes (`stop`).
        process = try TestProcess.start("python3", arguments, input: .open)
        // The first line is "port N" once the server accepts connections.
        let line = try await process.firstLine()
        guard line.hasPrefix("port "), let port = Int(line.dropFirst(5)) else {
            process.kill()
            scratch.remove()
            throw TestProcess.Failure.noLine(command: "smtp_sink.py (said \"\(line)\")", stderr: process.stderr)
        }
        self.port = port
    }

    /// The folder the messages are written to.
    var folder: String { scratch.path }

    /// `smtp://127.0.0.1:PORT`.
    var url: String { "smtp://127.0.0.1:\(port)" }

    /// The message files received so far, in order.
    func messages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Waits up to `seconds` for `count` messages (the server writes after it answers 250).
    func waitForMessages(_ count: Int, seconds: Double = 10) async -> [String] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while messages().count < count && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        return messages()
    }

    /// The envelope of message file `path` (sender, recipients, login).
    func envelope(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: String(path.dropLast(4)) + ".json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Stops the server (it is reaped in the background) and removes its folder.
    func stop() {
        process.closeInput()
        process.kill(SIGTERM)
        scratch.remove()
    }

    /// Stops the server and waits until it has exited, so its port is free.
    func stopAndWait() async throws {
        stop()
        _ = try await process.wait(timeout: .seconds(30))
    }
}
