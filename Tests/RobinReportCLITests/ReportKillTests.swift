import Foundation
import Testing
import RobinModel
import RobinTestSupport

/// `report` killed with SIGKILL at random moments: the report folder is always
/// wholly the old report or wholly the new one, and the next complete run
/// leaves no temporary behind.
@Suite("report under kill -9", .serialized)
struct ReportKillTests {
    @Test("20 runs killed at random points of writing leave the old or the new report, never a mix; the next run cleans up")
    func killedRuns() async throws {
        let scratch = try TemporaryFolder("robin-kill")
        defer { scratch.remove() }
        let folder = scratch.path
        let cli = CommandRunner()
        let demo = try await cli.run(["demo", "--output", folder + "/demo", "--week", "2026-W47", "--quiet"])
        #expect(demo.status == 0, "\(demo.stderr)")
        try Data("org_id = 1\ntimezone = \"America/New_York\"\n".utf8).write(to: URL(fileURLWithPath: folder + "/robin-report.toml"))
        let output = folder + "/out", report = output + "/2026-W47"
        // Two versions of one report: departments under 50 people folded, or under 5 (the default).
        func arguments(old: Bool) -> [String] {
            ["report", "--week", "2026-W47", "--offline", "--cache", folder + "/demo/.cache", "--output", output, "--quiet"]
                + (old ? ["--min-group-size", "50"] : [])
        }
        #expect(try await cli.run(arguments(old: true), directory: folder).status == 0)
        let oldTree = try #require(FolderSnapshot.files(under: report))
        let started = ContinuousClock.now
        #expect(try await cli.run(arguments(old: false), directory: folder).status == 0)
        let duration = ContinuousClock.now - started
        let newTree = try #require(FolderSnapshot.files(under: report))
        #expect(oldTree["metrics.json"] != newTree["metrics.json"] && oldTree["report.md"] != newTree["report.md"])

        var killed = 0
        for run in 0..<20 {
            let process = try cli.start(arguments(old: run % 2 == 0), directory: folder)
            // Reading and rendering cannot hurt the folder: wait for the first temporary
            // file or folder (writing has begun), then kill at a random moment of the writing.
            // The watch looks every 0.2 ms: on a thread of its own, not the cooperative pool.
            let deadline = ContinuousClock.now + duration * 3
            await Blocking.run {
                while process.isRunning, FolderSnapshot.temporaries(under: output).isEmpty, ContinuousClock.now < deadline {
                    usleep(200)
                }
                usleep(UInt32.random(in: 0...25_000))
                process.kill(SIGKILL)
            }
            if try await process.wait().signaled { killed += 1 }
            let seen = FolderSnapshot.files(under: report)
            #expect(seen == oldTree || seen == newTree, "run \(run): the report folder mixes old and new files")
        }
        #expect(killed >= 5, "only \(killed) of 20 runs were killed before they finished")

        #expect(try await cli.run(arguments(old: false), directory: folder).status == 0)
        #expect(FolderSnapshot.files(under: report) == newTree)
        #expect(FolderSnapshot.temporaries(under: output).isEmpty, "left behind: \(FolderSnapshot.temporaries(under: output))")
    }
}
