import Foundation
import Testing
@testable import RobinDeliver
import RobinTestSupport

/// A publish killed between copying the report and committing it (the
/// Monday job's soak, scripts/soak_job.py, kills it there): the rerun finishes
/// the job; someone's own uncommitted work is still refused; the index.lock of
/// publish's own git killed inside `git add` is removed by the rerun, any other
/// index.lock is named before anything is written.
@Suite("publish after an interrupted publish")
struct PublishRecoveryTests {
    private let temporaries = ["reports/.index.md.999999.1.tmp", "reports/2026-W47/.metrics.json.999999.2.tmp"]

    /// What a publish killed after writing the index leaves: every file copied,
    /// nothing committed, and two temporaries of writes it had begun.
    private func interruptedFirstPublish(_ repo: GitRepo) throws {
        _ = try Publisher(commit: false, environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
        for path in temporaries { try Data("half".utf8).write(to: URL(fileURLWithPath: repo.path + "/" + path)) }
    }

    @Test("the rerun commits what an interrupted first publish left, as an addition, without its temporaries")
    func finishesAnInterruptedFirstPublish() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        try interruptedFirstPublish(repo)
        let outcome = try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
        guard case .committed(_, let message, _) = outcome else {
            Issue.record("expected a commit, got \(outcome)")
            return
        }
        #expect(message.hasPrefix("Add workplace report for Week 47, 2026 ("))
        #expect(try await repo.git("status", "--porcelain", "--ignored", "--untracked-files=all").isEmpty)
        let files = try await repo.git("ls-tree", "-r", "--name-only", "HEAD").split(separator: "\n")
        #expect(files == ["reports/2026-W47/charts/daily-attendance.svg", "reports/2026-W47/charts/desk-utilization-by-building.svg",
                          "reports/2026-W47/charts/room-heatmap.svg", "reports/2026-W47/metrics.json",
                          "reports/2026-W47/report.md", "reports/index.md"])
    }

    @Test("the rerun of an interrupted update: files deleted and half rewritten become the new report's commit")
    func finishesAnInterruptedUpdate() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        let publisher = Publisher(environment: repo.environment)
        _ = try publisher.publish(reportFolder: Fixture.report, repository: repo.path)
        // The same week rendered again with a changed report.md.
        let scratch = try TemporaryFolder("robin-deliver")
        defer { scratch.remove() }
        let again = scratch.path + "/2026-W47"
        try FileManager.default.copyItem(atPath: Fixture.report, toPath: again)
        let markdown = try String(contentsOfFile: again + "/report.md", encoding: .utf8) + "\nRendered again.\n"
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: again + "/report.md"))
        // Killed after removing the old folder and writing the new report.md.
        try FileManager.default.removeItem(atPath: repo.path + "/reports/2026-W47")
        try FileManager.default.createDirectory(atPath: repo.path + "/reports/2026-W47", withIntermediateDirectories: false)
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: repo.path + "/reports/2026-W47/report.md"))

        let outcome = try publisher.publish(reportFolder: again, repository: repo.path)
        guard case .committed(_, let message, _) = outcome else {
            Issue.record("expected a commit, got \(outcome)")
            return
        }
        #expect(message.hasPrefix("Update workplace report for Week 47, 2026 ("))
        #expect(try await repo.commitCount() == 2)
        #expect(try repo.read("reports/2026-W47/report.md") == markdown)
        #expect(try await repo.git("ls-tree", "-r", "--name-only", "HEAD", "reports/2026-W47").split(separator: "\n").count == 5)
        #expect(try await repo.git("status", "--porcelain", "--untracked-files=all").isEmpty)
    }

    @Test("a hand edit in the period's folder, or another file, is still refused and left as it is")
    func refusesOtherChanges() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        try interruptedFirstPublish(repo)
        try Data("edited by hand\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/reports/2026-W47/report.md"))
        let edited = try #require(throws: DeliveryError.self) {
            try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
        }
        #expect(edited.kind == .usage)
        #expect(edited.message == "--repo \(repo.path) has uncommitted changes (?? reports/2026-W47/report.md); "
                + "commit or stash them first, or use --no-commit")
        #expect(try repo.read("reports/2026-W47/report.md") == "edited by hand\n")
        #expect(try await repo.commitCount() == 0)
        for path in temporaries { #expect(FileManager.default.fileExists(atPath: repo.path + "/" + path)) }
    }

    @Test("a leftover index.lock is named before anything is written")
    func namesALockedIndex() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        let lock = repo.path + "/.git/index.lock"
        try Data().write(to: URL(fileURLWithPath: lock))
        let locked = try #require(throws: DeliveryError.self) {
            try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
        }
        #expect(locked.kind == .runtime)
        #expect(locked.message == "\(lock): git's index is locked: a git command is running in \(repo.path), or one was "
                + "killed; if none is running, remove the file and run again")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports"))
    }

    @Test("a second publish while one runs in the repository is refused before anything is written")
    func refusesASecondPublish() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        let path = repo.path + "/.git/robin-report-publish.lock"
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        let busy = try #require(throws: DeliveryError.self) {
            try Publisher(environment: repo.environment).publish(reportFolder: Fixture.report, repository: repo.path)
        }
        #expect(busy.kind == .runtime)
        #expect(busy.message == "\(path): another robin-report publish is running in this repository; wait for it to finish")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports"))
    }

    @Test("robin-report and its git add killed with kill -9: the rerun removes the index.lock that git left and commits")
    func finishesAPublishKilledInsideGit() async throws {
        let repo = try await GitRepo()
        defer { repo.remove() }
        // git add holds index.lock while a clean filter reads a file: the filter kills
        // robin-report (git's parent), git and itself at once, as a crash in the middle of
        // the add would. Once: then it passes the file through.
        let mark = repo.home + "/kill-next-add"
        try Data().write(to: URL(fileURLWithPath: mark))
        let filter = repo.home + "/kill-filter"
        try Data("""
            #!/bin/sh
            if [ -e "\(mark)" ]; then
              rm -f "\(mark)"
              kill -9 "$(cut -d' ' -f4 /proc/$PPID/stat)" "$PPID" "$$"
            fi
            exec cat

            """.utf8).write(to: URL(fileURLWithPath: filter))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: filter)
        try await repo.git("config", "filter.kill.clean", filter)
        try Data("*.md filter=kill\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/.git/info/attributes"))
        let cli = CommandRunner()
        let arguments = ["publish", "--report", Fixture.report, "--repo", repo.path]
        let killed = try await cli.run(arguments, environment: repo.environment)
        #expect(killed.status == SIGKILL, "\(killed.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/index.lock"))

        let rerun = try await cli.run(arguments, environment: repo.environment)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/index.lock"))
        #expect(try await repo.git("log", "--format=%s").hasPrefix("Add workplace report for Week 47, 2026 ("))
        #expect(try await repo.commitCount() == 1)
        #expect(try await repo.git("status", "--porcelain", "--untracked-files=all").isEmpty)
    }
}
