import Foundation
import RobinModel
import RobinRender

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
    ///
    /// Everything that can be refused is checked before the repository is
    /// touched: the report's files (regular files only, exit 3), the repository
    /// (a work tree on a branch, git's index not locked, no uncommitted changes
    /// but those an interrupted publish of this same report left, exit 2),
    /// every path it will write or delete under the repository (no symbolic
    /// links, exit 2), and the metrics of the reports already there (for the index).
    public func publish(reportFolder: String, repository: String) throws(DeliveryError) -> Outcome {
        let folder = try checkedFolder()
        let source = try PublishSource.load(reportFolder)
        let report = source.report
        let git = Git(directory: repository, runner: ProcessRunner(environment: environment))
        let (changes, lock) = try checkRepository(git)
        let period = report.metrics.name.folder
        let reports = repository + "/" + folder
        let target = reports + "/" + period
        let relative = "\(folder)/\(period)"
        try checkNoLinks(repository: repository, folder: folder, period: period)
        let index = try indexMarkdown(reports: reports, adding: .init(
            path: period, document: report.metrics, audiences: source.audiences.map {
                .init(path: "\(period)/audiences/\($0.folderName)", document: $0.report.metrics, audience: $0.folderName)
            }))
        if !changes.isEmpty {
            let leftovers = PublishLeftovers(repository: repository, folder: folder, period: period,
                                             planned: source.files, index: Data(index.utf8))
            let foreign = try leftovers.foreign(changes)
            guard foreign.isEmpty else { throw Publisher.uncommitted(git.directory, foreign) }
            try leftovers.removeTemporaries(changes)
        }
        try copy(source, to: target, repository: repository, folder: folder)
        try write(Data(index.utf8), to: reports + "/index.md")
        guard commit else { return .copied(path: relative) }
        // From HEAD, not the working tree: a folder an interrupted publish left is still an addition.
        let updating = try git.status(["cat-file", "-e", "HEAD:\(relative)"]).status == 0

        try lock?.noting("git add") { () throws(DeliveryError) in try git.run(["add", "--all", "--", folder]) }
        let staged = try git.status(["diff", "--cached", "--quiet", "--", folder])
        if staged.status == 0 { return .unchanged(path: relative) }
        guard staged.status == 1 else { throw .runtime("\(repository): git diff failed: \(staged.lastLine)") }
        let message = CommitMessage(metrics: report.metrics, updating: updating, path: relative,
                                    audiences: source.audiences.map { $0.report.audience?.name ?? $0.folderName }).text
        var arguments = ["commit", "--quiet", "--file=-"]
        if let author { arguments.append("--author=\(author.text)") }
        let environment = try identity(git)
        try lock?.noting("git commit") { () throws(DeliveryError) in
            try git.run(arguments, input: Data(message.utf8), environment: environment)
        }
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
    /// committing) a detached HEAD or a locked index are errors before any file
    /// is touched. Returns the uncommitted changes (when committing), which
    /// `publish` refuses unless an interrupted publish of the same report left them,
    /// and publish's lock (when committing), held until publish returns.
    private func checkRepository(_ git: Git) throws(DeliveryError) -> ([PublishLeftovers.Change], PublishLock?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: git.directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("--repo \(git.directory): no such folder (clone the docs repository there first)")
        }
        let inside = try git.status(["rev-parse", "--is-inside-work-tree"])
        guard inside.status == 0, inside.stdout.hasPrefix("true") else {
            throw .usage("--repo \(git.directory): not a git work tree (clone the docs repository there, or git init it)")
        }
        guard commit else { return ([], nil) }
        // A commit on a detached HEAD belongs to no branch: the job's push would not
        // carry it and the next checkout would leave it behind.
        let branch = try git.status(["symbolic-ref", "--quiet", "HEAD"])
        if branch.status != 0 {
            throw .usage("--repo \(git.directory): HEAD is detached; check out a branch first (or use --no-commit)")
        }
        let ref = branch.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let paths = try git.run(["rev-parse", "--git-path", "robin-report-publish.lock", "--git-path", "index.lock",
                                 "--git-path", ref + ".lock"])
            .split(separator: "\n").map { $0.hasPrefix("/") ? String($0) : git.directory + "/" + $0 }  // relative to -C's folder
        guard paths.count == 3 else { throw .runtime("\(git.directory): git rev-parse --git-path gave \(paths.count) paths, not 3") }
        let lock = try PublishLock(path: paths[0])
        // A git killed while it wrote the index (a publish killed in its add or commit) leaves
        // index.lock, and every later git add fails: the locks of this publish's own killed git
        // are removed; any other is said here, before any file is written.
        _ = lock.removeStale(Array(paths[1...]))
        if NoFollow.kind(paths[1]) != .missing {
            throw .runtime("\(paths[1]): git's index is locked: a git command is running in \(git.directory), or one "
                           + "was killed; if none is running, remove the file and run again")
        }
        return (PublishLeftovers.Change.parse(try git.run(["status", "--porcelain", "-z", "--untracked-files=all"])), lock)
    }

    /// The refusal of a repository with uncommitted changes, naming the first three.
    static func uncommitted(_ repository: String, _ changes: [PublishLeftovers.Change]) -> DeliveryError {
        let shown = changes.prefix(3).map(\.description).joined(separator: ", ") + (changes.count > 3 ? ", ..." : "")
        return .usage("--repo \(repository) has uncommitted changes (\(shown)); commit or stash them first, or use --no-commit")
    }

    /// Every path publish writes or deletes under the repository is a real
    /// folder (or file) or missing: `<folder>`'s components, the period's
    /// folder and index.md. A symbolic link there is refused, since writing
    /// or deleting through it would reach outside the repository.
    private func checkNoLinks(repository: String, folder: String, period: String) throws(DeliveryError) {
        var path = repository
        for component in folder.split(separator: "/") + [Substring(period)] {
            path += "/" + component
            switch NoFollow.kind(path) {
            case .missing: return
            case .directory: continue
            case .symbolicLink: throw Publisher.link(path)
            case .regular, .other: throw .usage("\(path): not a folder; publish needs it as the folder for the reports")
            }
        }
        let index = repository + "/" + folder + "/index.md"
        switch NoFollow.kind(index) {
        case .missing, .regular: break
        case .symbolicLink: throw Publisher.link(index)
        case .directory, .other: throw .usage("\(index): not a regular file; publish rewrites it as the reports' index")
        }
    }

    static func link(_ path: String) -> DeliveryError {
        .usage("\(path): a symbolic link inside the repository; publish never writes or deletes through a link "
               + "(replace it with a real folder or file)")
    }

    /// index.md for the reports already in `reports` (but the period being
    /// replaced) and the new one. Built before anything is written, so an
    /// unreadable old report stops publish early. Every report folder, audience
    /// folder and metrics.json it reads is checked not to be a symbolic link.
    private func indexMarkdown(reports: String, adding new: ReportIndex.Entry) throws(DeliveryError) -> String {
        var entries = [new]
        if NoFollow.kind(reports) == .directory {
            for name in try realFolders(in: reports) where name != new.path {
                try checkNoLinks(report: reports + "/" + name)
                for audience in try realFolders(in: reports + "/" + name + "/audiences") {
                    try checkNoLinks(report: reports + "/" + name + "/audiences/" + audience)
                }
            }
            do {
                entries += try ReportIndex.scan(reports, badFiles: .fail).entries
                    .filter { $0.path != new.path && !$0.path.hasPrefix(new.path + "/") }
            } catch {
                throw DeliveryError(error)
            }
        }
        return ReportIndex(entries: entries).markdown()
    }

    /// The subfolders of `path` that publish reads (hidden ones are not);
    /// none when it does not exist; a link among them is refused.
    private func realFolders(in path: String) throws(DeliveryError) -> [String] {
        switch NoFollow.kind(path) {
        case .missing: return []
        case .symbolicLink: throw Publisher.link(path)
        case .directory: break
        case .regular, .other: return []
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }
        } catch {
            throw .runtime("\(path): cannot list (\((error as NSError).localizedDescription))")
        }
        var folders: [String] = []
        for name in names.sorted() {
            switch NoFollow.kind(path + "/" + name) {
            case .symbolicLink: throw Publisher.link(path + "/" + name)
            case .directory: folders.append(name)
            default: continue
            }
        }
        return folders
    }

    /// A report folder's metrics.json, which the index reads, is a regular file or missing.
    private func checkNoLinks(report path: String) throws(DeliveryError) {
        let metrics = path + "/metrics.json"
        switch NoFollow.kind(metrics) {
        case .missing, .regular: return
        case .symbolicLink: throw Publisher.link(metrics)
        case .directory, .other: throw .usage("\(metrics): not a regular file; publish reads it for the reports' index")
        }
    }

    /// Replaces `target` with the report's files and its audiences' (under
    /// `audiences/<slug>/`), so a chart or an audience dropped from the report
    /// disappears from the repository too. Folders are made one at a time
    /// (none of them a link: checked before, or made here); files are written atomically.
    private func copy(_ source: PublishSource, to target: String, repository: String, folder: String) throws(DeliveryError) {
        try NoFollow.removeTree(target)
        var path = repository
        for component in (folder + "/" + (target as NSString).lastPathComponent).split(separator: "/") {
            path += "/" + component
            try NoFollow.makeDirectory(path)
        }
        var made: Set<String> = []
        for (relative, data) in source.files {
            var folder = target
            for component in relative.split(separator: "/").dropLast() {
                folder += "/" + component
                if made.insert(folder).inserted { try NoFollow.makeDirectory(folder) }
            }
            try write(data, to: target + "/" + relative)
        }
    }

    private func write(_ data: Data, to path: String) throws(DeliveryError) {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw .runtime("\(path): cannot write (\(error.reason))")
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
