import Foundation

/// Runs a program to completion with optional standard input and captures its
/// output (git, a sendmail command). Both pipes are drained while it runs so a
/// chatty child cannot block.
struct ProcessRunner: Sendable {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The last non-empty line of stderr (or stdout): what a one-line error quotes.
        var lastLine: String {
            for text in [stderr, stdout] {
                if let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) {
                    return line.trimmingCharacters(in: .whitespaces)
                }
            }
            return "no output"
        }
    }

    /// The environment the child gets.
    var environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments`.
    func run(_ executable: String, _ arguments: [String], directory: String? = nil, input: Data? = nil,
             extraEnvironment: [String: String] = [:]) throws(DeliveryError) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: resolve(executable))
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = environment.merging(extraEnvironment) { $1 }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        do {
            try process.run()
        } catch {
            throw .runtime("cannot run \(executable): \((error as NSError).localizedDescription)")
        }
        let group = DispatchGroup()
        let collected = Collected()
        DispatchQueue.global().async(group: group) { collected.setOut(out.fileHandleForReading.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { collected.setErr(err.fileHandleForReading.readDataToEndOfFile()) }
        if let input {
            group.enter()
            // A child may exit without reading all its input; its status says why. Writing to
            // it then raises SIGPIPE, which would kill this process: the writer is a thread of
            // its own with SIGPIPE blocked, so the write fails with EPIPE instead, and the
            // pending signal ends with the thread.
            let writer = Thread {
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, SIGPIPE)
                pthread_sigmask(SIG_BLOCK, &set, nil)
                try? inPipe.fileHandleForWriting.write(contentsOf: input)
                try? inPipe.fileHandleForWriting.close()
                group.leave()
            }
            writer.start()
        }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: collected.out, as: UTF8.self),
                      stderr: String(decoding: collected.err, as: UTF8.self))
    }

    /// `name` found in the PATH of the child's environment, or `name` itself.
    private func resolve(_ name: String) -> String {
        if name.contains("/") { return name }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return name
    }

    /// Output gathered by the reader threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var outData = Data(), errData = Data()

        func setOut(_ data: Data) { lock.withLock { outData = data } }
        func setErr(_ data: Data) { lock.withLock { errData = data } }
        var out: Data { lock.withLock { outData } }
        var err: Data { lock.withLock { errData } }
    }
}
