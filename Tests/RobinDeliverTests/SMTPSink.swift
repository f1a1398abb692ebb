import Foundation
import RobinDeliver

/// A real SMTP server on loopback for one test: scripts/smtp_sink.py (aiosmtpd)
/// as a child process, writing each message it receives to a folder.
final class SMTPSink: @unchecked Sendable {
    let folder: String
    let port: Int
    private let process: Process
    private let input: Pipe

    /// Starts the server; with `user`, it requires AUTH with that user and
    /// password; with `stall` ("rcpt" or "data-end"), it goes silent there;
    /// with `reject`, it refuses every message after its final ".".
    init(user: String? = nil, password: String? = nil, stall: String? = nil, reject: Bool = false) throws {
        try Python.requireAiosmtpd()
        folder = try Fixture.temporaryFolder()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", Fixture.root.appendingPathComponent("scripts/smtp_sink.py").path, folder]
        if let user { arguments += ["--user", user, "--password", password ?? ""] }
        if let stall { arguments += ["--stall", stall] }
        if reject { arguments.append("--reject") }
        process.arguments = arguments
        let output = Pipe()
        input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        // The first line is "port N" once the server accepts connections.
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("port "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw Python.Failure(description: "smtp_sink.py did not start (said \"\(text)\")")
        }
        self.port = port
    }

    /// `smtp://127.0.0.1:PORT`.
    var url: String { "smtp://127.0.0.1:\(port)" }

    /// The message files received so far, in order.
    func messages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Waits up to `seconds` for `count` messages (the server writes after it answers 250).
    func waitForMessages(_ count: Int, seconds: Double = 10) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        while messages().count < count && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return messages()
    }

    /// The envelope of message file `path` (sender, recipients, login).
    func envelope(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: String(path.dropLast(4)) + ".json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
