import Foundation

/// A real git repository in a temporary folder, with a HOME of its own: git
/// sees no user identity and no global or system configuration.
struct GitRepo {
    let path: String
    let home: String

    /// The environment for git and for robin-report: this process's, minus
    /// every identity git could find.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("GIT_") && $0.key != "EMAIL"
        }
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/.config"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        return environment
    }

    /// `git init` in a new folder (no commits yet).
    init() throws {
        let root = try Fixture.temporaryFolder()
        path = root + "/docs"
        home = root + "/home"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try git("init", "--quiet", "--initial-branch=main")
    }

    /// Runs git in the repository; returns stdout, throws on failure.
    @discardableResult
    func git(_ arguments: String..., environment extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path] + arguments
        process.environment = environment.merging(extra) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFailure(description: "git \(arguments.joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Commits on HEAD (0 for an unborn branch).
    func commitCount() throws -> Int {
        Int((try? git("rev-list", "--count", "HEAD"))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0") ?? 0
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    struct GitFailure: Error, CustomStringConvertible {
        var description: String
    }
}
