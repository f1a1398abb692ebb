import Foundation

/// The `git` command line, run in one repository folder. Publishing goes
/// through git itself (not a library) so hooks, config and signing behave as
/// the user's own commits do.
struct Git: Sendable {
    /// The folder git runs in (`--repo`).
    var directory: String
    var runner: ProcessRunner

    /// Runs `git arguments`; throws with git's own last line when it fails.
    @discardableResult
    func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws(DeliveryError) -> String {
        let result = try status(arguments, input: input, environment: environment)
        switch result.termination {
        case .exited(0): return result.stdout
        case .exited: throw .runtime("\(directory): git \(arguments.first ?? "") failed: \(result.lastLine)")
        case .signaled: throw .runtime("\(directory): git \(arguments.first ?? "") \(result.termination.description)")
        }
    }

    /// Runs `git arguments` and returns its status and output, whatever it is.
    func status(_ arguments: [String], input: Data? = nil,
                environment: [String: String] = [:]) throws(DeliveryError) -> ProcessRunner.Result {
        // No pager, no prompts, no translated messages: the output is parsed. No optional
        // locks: `git status` would take index.lock to refresh the index, and a kill then leaves it.
        let quiet = ["GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"]
        return try runner.run("git", ["-C", directory] + arguments, input: input,
                              extraEnvironment: quiet.merging(environment) { $1 })
    }

    /// `git config KEY`, or nil when unset.
    func config(_ key: String) throws(DeliveryError) -> String? {
        let result = try status(["config", "--get", key])
        let value = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return result.status == 0 && !value.isEmpty ? value : nil
    }
}
