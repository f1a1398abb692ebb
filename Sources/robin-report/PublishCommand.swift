import ArgumentParser
import Foundation
import RobinDeliver

/// `robin-report publish`: commit a rendered report to a docs repository.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Copy a report into a git repository, rebuild its index, and commit (never pushes).",
        discussion: """
            Copies the report's report.md, metrics.json and charts/ to <repo>/<folder>/<period>/ \
            (e.g. reports/2026-W47/), rebuilds <repo>/<folder>/index.md (newest first), and commits \
            with a message naming the period and its headline figures. When the files are already \
            these, nothing is committed. The repository must have no uncommitted changes but those \
            an interrupted publish of the same report left (a rerun finishes it). Pushing is left to \
            you or your CI.

            Example:
              robin-report publish --report Output/2026-W47 --repo ../workplace-docs --folder reports
            """)

    @Option(name: .long, help: ArgumentHelp("The report folder (e.g. Output/2026-W47).", valueName: "dir"))
    var report: String

    @Option(name: .long, help: ArgumentHelp("The git repository (a clone of the docs repo).", valueName: "path"))
    var repo: String

    @Option(name: .long, help: ArgumentHelp("Folder inside the repository for the reports.", valueName: "folder"))
    var folder = "reports"

    @Flag(name: .customLong("no-commit"), help: "Copy the files and rebuild the index, but do not commit.")
    var noCommit = false

    @Option(name: .long, help: ArgumentHelp(
        "Commit author, \"Name <email>\" (default: git's identity, else \"\(GitAuthor.fallback.text)\").",
        valueName: "author"))
    var author: String?

    func validate() throws {
        if let author, GitAuthor(author) == nil {
            throw ValidationError("--author \"\(author)\" is not \"Name <email>\"")
        }
    }

    func run() async throws {
        let publisher = Publisher(folder: folder, commit: !noCommit, author: author.flatMap(GitAuthor.init))
        let line = switch try publisher.publish(reportFolder: report, repository: repo) {
        case .committed(let commit, let message, let path):
            "committed \(commit) in \(repo): \(message.prefix { $0 != "\n" }) [\(path)]"
        case .unchanged(let path):
            "nothing changed in \(repo) (\(path) already holds this report): no commit"
        case .copied(let path):
            "copied the report to \(repo)/\(path) and rebuilt its index; not committed (--no-commit)"
        }
        FileHandle.standardOutput.write(Data("\(line)\n".utf8))
    }
}
