import Foundation

/// The publish stage: copies a report's report.md, metrics.json and charts
/// into a git repository (`<repo>/<folder>/<period>/`), rebuilds the folder's
/// index.md, and commits. Never pushes: the user's CI or the user does.
public struct Publisher: Sendable {
    /// What happened.
    public enum Outcome: Sendable, Equatable {
        /// A commit was made: its short hash and message.
        case committed(commit: String, message: String, path: String)
        /// The files in the repository were already these: no commit.
        case unchanged(path: String)
        /// `--no-commit`: files copied and index rebuilt, nothing committed.
        case copied(path: String)
    }

    /// The folder inside the repository that holds the reports (`--folder`).
    public var folder: String
    /// Commit the result (false: `--no-commit`).
    public var commit: Bool
    /// The author of the commit; nil = git's identity, or `GitAuthor.fallback`
    /// when git has none.
    public var author: GitAuthor?
    /// The environment git runs with (tests give a HOME with no git identity).
    public var environment: [String: String]

    public init(folder: String = "reports", commit: Bool = true, author: GitAuthor? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.folder = folder
        self.commit = commit
        self.author = author
        self.environment = environment
    }

    /// Publishes the report in `reportFolder` into the repository at `repository`.
    public func publish(reportFolder: String, repository: String) throws(DeliveryError) -> Outcome {
        let folder = try checkedFolder()
        let report = try ReportFolder.load(reportFolder)
        let git = Git(directory: repository, runner: ProcessRunner(environment: environment))
        try checkRepository(git)
        let period = report.metrics.name.folder
        let reportsURL = URL(fileURLWithPath: repository).appendingPathComponent(folder)
        let target = reportsURL.appendingPathComponent(period)
        let relative = "\(folder)/\(period)"
        let updating = FileManager.default.fileExists(atPath: target.path)
        try copy(report, to: target)
        try writeIndex(in: reportsURL)
        guard commit else { return .copied(path: relative) }

        try git.run(["add", "--all", "--", folder])
        let staged = try git.status(["diff", "--cached", "--quiet", "--", folder])
        if staged.status == 0 { return .unchanged(path: relative) }
        guard staged.status == 1 else { throw .runtime("\(repository): git diff failed: \(staged.lastLine)") }
        let message = CommitMessage(metrics: report.metrics, updating: updating, path: relative).text
        var arguments = ["commit", "--quiet", "--file=-"]
        if let author { arguments.append("--author=\(author.text)") }
        try git.run(arguments, input: Data(message.utf8), environment: try identity(git))
        let hash = try git.run(["rev-parse", "--short", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return .committed(commit: hash, message: message, path: relative)
    }

    /// `folder` as a safe relative path inside the repository.
    private func checkedFolder() throws(DeliveryError) -> String {
        let parts = folder.split(separator: "/", omittingEmptySubsequences: true)
        guard !folder.hasPrefix("/"), !parts.isEmpty,
              !parts.contains(where: { $0 == ".." || $0 == "." || $0 == ".git" })
        else { throw .usage("--folder \"\(folder)\": must be a relative folder inside the repository, such as reports") }
        return parts.joined(separator: "/")
    }

    /// A missing folder, a non-repository, a bare repository or (when
    /// committing) uncommitted changes are errors before any file is touched.
    private func checkRepository(_ git: Git) throws(DeliveryError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: git.directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("--repo \(git.directory): no such folder (clone the docs repository there first)")
        }
        let inside = try git.status(["rev-parse", "--is-inside-work-tree"])
        guard inside.status == 0, inside.stdout.hasPrefix("true") else {
            throw .usage("--repo \(git.directory): not a git work tree (clone the docs repository there, or git init it)")
        }
        guard commit else { return }
        let changes = try git.run(["status", "--porcelain", "--untracked-files=all"])
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        if !changes.isEmpty {
            let shown = changes.prefix(3).joined(separator: ", ") + (changes.count > 3 ? ", ..." : "")
            throw .usage("--repo \(git.directory) has uncommitted changes (\(shown)); commit or stash them first, "
                         + "or use --no-commit")
        }
    }

    /// Replaces `target` with the report's files, so a chart dropped from the
    /// report disappears from the repository too.
    private func copy(_ report: ReportFolder, to target: URL) throws(DeliveryError) {
        let manager = FileManager.default
        let source = URL(fileURLWithPath: report.path)
        do {
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            try Data(report.markdown.utf8).write(to: target.appendingPathComponent("report.md"))
            try report.metricsData.write(to: target.appendingPathComponent("metrics.json"))
            if !report.charts.isEmpty {
                let charts = target.appendingPathComponent("charts")
                try manager.createDirectory(at: charts, withIntermediateDirectories: true)
                for chart in report.charts {
                    let data = try Data(contentsOf: source.appendingPathComponent("charts").appendingPathComponent(chart))
                    try data.write(to: charts.appendingPathComponent(chart))
                }
            }
        } catch {
            throw .runtime("\(target.path): cannot copy the report (\((error as NSError).localizedDescription))")
        }
    }

    /// Rebuilds index.md from every subfolder that holds a metrics.json.
    private func writeIndex(in reports: URL) throws(DeliveryError) {
        let markdown = try PublishedIndex.markdown(of: reports.path)
        let index = reports.appendingPathComponent("index.md")
        do {
            try Data(markdown.utf8).write(to: index)
        } catch {
            throw .runtime("\(index.path): cannot write (\((error as NSError).localizedDescription))")
        }
    }

    /// Environment variables that give git an identity where it has none of its
    /// own: the configured author, else `GitAuthor.fallback`. An identity git
    /// already has (config or GIT_* variables) is left alone.
    private func identity(_ git: Git) throws(DeliveryError) -> [String: String] {
        let fallback = author ?? .fallback
        var variables: [String: String] = [:]
        let name = try git.config("user.name"), email = try git.config("user.email")
        for role in ["AUTHOR", "COMMITTER"] {
            if name == nil && environment["GIT_\(role)_NAME"] == nil { variables["GIT_\(role)_NAME"] = fallback.name }
            if email == nil && environment["GIT_\(role)_EMAIL"] == nil && environment["EMAIL"] == nil {
                variables["GIT_\(role)_EMAIL"] = fallback.email
            }
        }
        return variables
    }
}
