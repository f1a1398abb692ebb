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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("robin-kill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cli = CommandRunner()
        let demo = try cli.run(["demo", "--output", folder + "/demo", "--week", "2026-W47", "--quiet"])
        #expect(demo.status == 0, "\(demo.stderr)")
        try Data("org_id = 1\ntimezone = \"America/New_York\"\n".utf8).write(to: URL(fileURLWithPath: folder + "/robin-report.toml"))
        let output = folder + "/out", report = output + "/2026-W47"
        // Two versions of one report: departments under 50 people folded, or under 5 (the default).
        func arguments(old: Bool) -> [String] {
            ["report", "--week", "2026-W47", "--offline", "--cache", folder + "/demo/.cache", "--output", output, "--quiet"]
                + (old ? ["--min-group-size", "50"] : [])
        }
        #expect(try cli.run(arguments(old: true), directory: folder).status == 0)
        let oldTree = try #require(FolderSnapshot.files(under: report))
        let started = ContinuousClock.now
        #expect(try cli.run(arguments(old: false), directory: folder).status == 0)
        let duration = ContinuousClock.now - started
        let newTree = try #require(FolderSnapshot.files(under: report))
        #expect(oldTree["metrics.json"] != newTree["metrics.json"] && oldTree["report.md"] != newTree["report.md"])

        var killed = 0
        for run in 0..<20 {
            let process = Process()
            process.executableURL = cli.executable
            process.arguments = arguments(old: run % 2 == 0)
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Reading and rendering cannot hurt the folder: wait for the first temporary
            // file or folder (writing has begun), then kill at a random moment of the writing.
            let deadline = ContinuousClock.now + duration * 3
            while process.isRunning, FolderSnapshot.temporaries(under: output).isEmpty, ContinuousClock.now < deadline {
                try await Task.sleep(for: .microseconds(200))
            }
            try await Task.sleep(for: .microseconds(Int.random(in: 0...25_000)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            let seen = FolderSnapshot.files(under: report)
            #expect(seen == oldTree || seen == newTree, "run \(run): the report folder mixes old and new files")
        }
        #expect(killed >= 5, "only \(killed) of 20 runs were killed before they finished")

        #expect(try cli.run(arguments(old: false), directory: folder).status == 0)
        #expect(FolderSnapshot.files(under: report) == newTree)
        #expect(FolderSnapshot.temporaries(under: output).isEmpty, "left behind: \(FolderSnapshot.temporaries(under: output))")
    }
}
