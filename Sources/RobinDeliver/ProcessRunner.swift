import Foundation

/// Runs a program to completion with optional standard input and captures its
/// output (git, a sendmail command). Both pipes are drained while it runs so a
/// chatty child cannot block; a time limit, when given, kills the child's
/// whole process group.
struct ProcessRunner: Sendable {
    struct Result: Sendable {
        /// How the child ended.
        var termination: Termination
        var stdout: String
        var stderr: String
        /// The time limit passed and the child's process group was killed.
        var timedOut = false

        /// The exit status; -1 when a signal ended the child.
        var status: Int32 {
            if case .exited(let status) = termination { return status }
            return -1
        }

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
    /// With `timeLimit` (seconds) the child leads a process group of its own,
    /// and the group is sent SIGTERM, then SIGKILL, when the time is up (the
    /// result says `timedOut`); without, it stays in this process's group.
    func run(_ executable: String, _ arguments: [String], input: Data? = nil,
             extraEnvironment: [String: String] = [:], timeLimit: Double? = nil) throws(DeliveryError) -> Result {
        let child = ChildProcess(path: resolve(executable), arguments: arguments,
                                 environment: environment.merging(extraEnvironment) { $1 }, input: input,
                                 ownGroup: timeLimit != nil, timeLimit: timeLimit)
        let outcome = try child.run()
        return Result(termination: outcome.termination,
                      stdout: String(decoding: outcome.stdout, as: UTF8.self),
                      stderr: String(decoding: outcome.stderr, as: UTF8.self),
                      timedOut: outcome.timedOut)
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
}
