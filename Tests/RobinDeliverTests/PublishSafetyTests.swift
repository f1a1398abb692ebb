import Foundation
import Testing
@testable import RobinDeliver
import RobinModel
import RobinTestSupport

/// `publish` against symbolic links and a detached HEAD: real git
/// repositories, real links, and a look at everything outside the repository
/// afterwards.
@Suite("publish refuses links and a detached HEAD")
struct PublishSafetyTests {
    /// A repository at `<root>/docs` beside a folder `<root>/escape` holding a
    /// file and an old report, which must come out of every test unchanged.
    private struct Setup {
        let repo: GitRepo
        let root: String
        let escape: String

        init() async throws {
            repo = try await GitRepo()
            root = (repo.path as NSString).deletingLastPathComponent
            escape = root + "/escape"
            try FileManager.default.createDirectory(atPath: escape + "/2026-W47", withIntermediateDirectories: true)
            try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: escape + "/keep.txt"))
            try Data("# not a report\n".utf8).write(to: URL(fileURLWithPath: escape + "/2026-W47/report.md"))
            try Data("outside\n".utf8).write(to: URL(fileURLWithPath: root + "/outside.md"))
        }

        /// Commits a symbolic link at `relative` pointing to `destination`.
        func commitLink(_ relative: String, to destination: String) async throws {
            let path = repo.path + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
            try await repo.git("add", "--all")
            try await repo.git("commit", "--quiet", "-m", "link", environment: ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                                                                          "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"])
        }

        /// Everything under the root but the repository's own folder.
        func outside() throws -> [String: String] {
            try Tree.snapshot(root).filter { !$0.key.hasPrefix("docs/") && $0.key != "docs" && !$0.key.hasPrefix("home") }
        }
    }

    @Test("a committed link on the way to the report folder, or at index.md: exit 2, nothing written outside", arguments: [
        ("reports", "../escape"),
        ("reports/2026-W47", "../../escape/2026-W47"),
        ("reports/index.md", "../../outside.md"),
        // Another report's folder is read for the index: a link there is refused too.
        ("reports/2026-W46", "../../escape/2026-W47"),
    ])
    func repositoryLinks(link: String, destination: String) async throws {
        let setup = try await Setup()
        defer { setup.repo.remove() }
        if link != "reports" {
            _ = try await Blocking.run {
                try Publisher(environment: setup.repo.environment).publish(reportFolder: Fixture.report, repository: setup.repo.path)
            }
        }
        try await setup.commitLink(link, to: destination)
        let before = try setup.outside()
        let commits = try await setup.repo.commitCount()
        let head = try await setup.repo.git("rev-parse", "HEAD")

        for commit in [true, false] {
            let error = try await #require(throws: DeliveryError.self) {
                try await Blocking.run { try Publisher(commit: commit, environment: setup.repo.environment)
                    .publish(reportFolder: Fixture.report, repository: setup.repo.path) }
            }
            #expect(error.exitStatus == .usage)
            #expect(error.message == "\(setup.repo.path)/\(link): a symbolic link inside the repository; publish never "
                    + "writes or deletes through a link (replace it with a real folder or file)")
        }
        let cli = try await CommandRunner().run(["publish", "--report", Fixture.report, "--repo", setup.repo.path],
                                          environment: setup.repo.environment)
        #expect(cli.status == 2)
        #expect(cli.stderr.hasPrefix("robin-report: \(setup.repo.path)/\(link): a symbolic link inside the repository"))

        #expect(try setup.outside() == before)
        #expect(try await setup.repo.commitCount() == commits)
        #expect(try await setup.repo.git("rev-parse", "HEAD") == head)
        #expect(try await setup.repo.git("status", "--porcelain", "--untracked-files=all").isEmpty)
    }

    @Test("a link in the report folder is refused (exit 3), and nothing reaches the repository", arguments: [
        "charts/secret.svg", "charts", "report.md", "metrics.json",
    ])
    func sourceLinks(file: String) async throws {
        let setup = try await Setup()
        defer { setup.repo.remove() }
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let report = try Fixture.reportCopy(in: work)
        let secret = work + "/secret.txt"
        try Data("root:x:0:0:secret\n".utf8).write(to: URL(fileURLWithPath: secret))
        let path = report + "/" + file
        // A link to the file it replaces, or (a new chart) to a secret outside the folder.
        let original = work + "/original"
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.moveItem(atPath: path, toPath: original) }
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: file.hasPrefix("charts/") ? secret : original)

        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run {
                try Publisher(environment: setup.repo.environment).publish(reportFolder: report, repository: setup.repo.path)
            }
        }
        #expect(error.exitStatus == .badInput)
        #expect(error.message == "\(path): a symbolic link; publish copies only regular files from the report folder "
                + "(put the file itself there, or run robin-report report again)")
        let cli = try await CommandRunner().run(["publish", "--report", report, "--repo", setup.repo.path, "--no-commit"],
                                          environment: setup.repo.environment)
        #expect(cli.status == 3)
        #expect(!FileManager.default.fileExists(atPath: setup.repo.path + "/reports"))
        #expect(try await setup.repo.commitCount() == 0)
    }

    @Test("a FIFO among the charts is refused rather than read (which would hang)")
    func fifo() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        let work = try TemporaryFolder("robin-deliver")
        defer { work.remove() }
        let report = try Fixture.reportCopy(in: work.path)
        #expect(mkfifo(report + "/charts/pipe.svg", 0o644) == 0)
        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run {
                try Publisher(environment: repo.environment).publish(reportFolder: report, repository: repo.path)
            }
        }
        #expect(error.message.hasPrefix("\(report)/charts/pipe.svg: not a regular file; publish copies only regular files"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports"))
    }

    @Test("a detached HEAD: exit 2 and no commit; --no-commit still copies")
    func detachedHead() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        _ = try await Blocking.run {
            try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
        }
        try await repo.git("checkout", "--quiet", "--detach")
        let workFolder = try TemporaryFolder("robin-deliver")
        defer { workFolder.remove() }
        let work = workFolder.path
        let older = try Fixture.reportCopy(from: "2026-11-09", to: "2026-11-15", in: work)

        let error = try await #require(throws: DeliveryError.self) {
            try await Blocking.run {
                try Publisher(environment: repo.environment).publish(reportFolder: older, repository: repo.path)
            }
        }
        #expect(error.exitStatus == .usage)
        #expect(error.message == "--repo \(repo.path): HEAD is detached; check out a branch first (or use --no-commit)")
        let cli = try await CommandRunner().run(["publish", "--report", older, "--repo", repo.path], environment: repo.environment)
        #expect(cli.status == 2)
        #expect(cli.stderr == "robin-report: --repo \(repo.path): HEAD is detached; check out a branch first (or use --no-commit)\n")
        #expect(try await repo.commitCount() == 1)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports/2026-W46"))
        #expect(try await repo.git("status", "--porcelain", "--untracked-files=all").isEmpty)

        let copied = try await Blocking.run {
            try Publisher(commit: false, environment: repo.environment).publish(reportFolder: older, repository: repo.path)
        }
        #expect(copied == .copied(path: "reports/2026-W46"))
        #expect(try await repo.commitCount() == 1)
    }
}

/// A folder tree as it is on disk, links not followed: relative path ->
/// "folder", "link -> destination" or the file's contents.
enum Tree {
    static func snapshot(_ root: String) throws -> [String: String] {
        var result: [String: String] = [:]
        func walk(_ relative: String) throws {
            let path = relative.isEmpty ? root : root + "/" + relative
            for name in try FileManager.default.contentsOfDirectory(atPath: path) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = root + "/" + child
                let type = try FileManager.default.attributesOfItem(atPath: full)[.type] as? FileAttributeType
                switch type {
                case .typeSymbolicLink: result[child] = "link -> " + (try FileManager.default.destinationOfSymbolicLink(atPath: full))
                case .typeDirectory: result[child] = "folder"; try walk(child)
                default: result[child] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: full)), as: UTF8.self)
                }
            }
        }
        try walk("")
        return result
    }
}
