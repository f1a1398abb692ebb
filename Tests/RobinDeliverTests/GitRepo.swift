import Foundation
import RobinTestSupport

/// A real git repository in a temporary folder, with a HOME of its own: git
/// sees no user identity and no global or system configuration.
struct GitRepo {
    let path: String
    let home: String
    private let root: TemporaryFolder

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
    init() async throws {
        root = try TemporaryFolder("robin-git")
        path = root.file("docs")
        home = root.file("home")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try await git("init", "--quiet", "--initial-branch=main")
    }

    /// Runs git in the repository; returns stdout, throws with its stderr on failure.
    @discardableResult
    func git(_ arguments: String..., environment extra: [String: String] = [:]) async throws -> String {
        try await TestProcess.output("git", ["-C", path] + arguments, environment: environment.merging(extra) { $1 })
    }

    /// Commits on HEAD (0 for an unborn branch).
    func commitCount() async throws -> Int {
        Int((try? await git("rev-list", "--count", "HEAD"))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0") ?? 0
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    /// Removes the repository, its HOME and everything else under its folder.
    func remove() {
        root.remove()
    }
}
